import ArgumentParser
import ToolPolicy

extension ToolPolicyCommand {
    /// `toolpolicy validate`: compile the base and every profile, print all diagnostics.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile the policy (base and every profile) and print all diagnostics.",
            discussion: "Exit 0 when the policy compiles without error, 65 otherwise."
        )

        @Option(name: .long, help: "The policy folder (or one .rules file).")
        var policy: String?

        func run() throws {
            let path = PolicyOptions.resolve(policy)
            let result = PolicyLoader.validate(at: path)
            let renderer = DiagnosticRenderer(sources: result.sources)
            if result.diagnostics.containsErrors {
                StandardError.write(renderer.render(result.diagnostics))
                throw ExitStatus.badInput
            }
            if !result.diagnostics.isEmpty { StandardError.write(renderer.render(result.diagnostics)) }
            let base = PolicyLoader.load(sources: result.sources, profile: nil).policy
            print("\(path): OK — \(result.sources.count) files, \(base?.tools.count ?? 0) tools")
            for profile in result.profiles {
                guard let compiled = PolicyLoader.load(sources: result.sources, profile: profile).policy else { continue }
                print("  profile \(profile) on \(compiled.name): \(compiled.rules.count) rules in force, \(compiled.overrides.count) overrides, \(compiled.digest)")
            }
        }
    }
}
