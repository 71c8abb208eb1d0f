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
            let rules = result.policy?.rules.count ?? 0
            let tools = result.policy?.tools.count ?? 0
            print("\(path): OK — \(result.sources.count) files, base + profiles \(result.profiles.joined(separator: ", ")); \(tools) tools, \(rules) base rules")
        }
    }
}
