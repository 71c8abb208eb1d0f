import ArgumentParser
import ToolPolicy
import ToolPolicyReports

extension ToolPolicyCommand {
    /// `toolpolicy validate`: compile the base and every profile, print all diagnostics.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Compile the policy (base and every profile) and print all diagnostics.",
            discussion: "Exit 0 when the policy and its templates (letter, page) have no error, 65 otherwise."
        )

        @Option(name: .long, help: "The policy folder (or one .rules file).")
        var policy: String?

        func run() throws {
            let path = PolicyOptions.resolve(policy)
            let result = PolicyLoader.validate(at: path)
            let templates = result.diagnostics.containsErrors ? nil : PolicyTemplates.load(policyPath: path, profiles: result.profiles)
            let diagnostics = result.diagnostics + (templates?.diagnostics ?? [])
            let renderer = DiagnosticRenderer(sources: result.sources + (templates?.sources ?? []))
            if diagnostics.containsErrors {
                StandardError.write(renderer.render(diagnostics))
                throw ExitStatus.badInput
            }
            if !diagnostics.isEmpty { StandardError.write(renderer.render(diagnostics)) }
            let base = PolicyLoader.load(sources: result.sources, profile: nil).policy
            var gaps: [String: [CatalogGap]] = [:]
            let rules = result.sources.filter { $0.path.hasSuffix(".rules") }.count
            let texts = result.sources.count - rules
            print("\(path): OK — \(rules) rules files, \(texts) source texts, \(templates?.sources.count ?? 0) templates, \(base?.tools.count ?? 0) tools")
            for profile in result.profiles {
                guard let compiled = PolicyLoader.load(sources: result.sources, profile: profile).policy else { continue }
                print("  profile \(profile) on \(compiled.name): \(compiled.rules.count) rules in force, \(compiled.overrides.count) overrides, \(compiled.digest)")
                gaps[profile] = compiled.catalogGaps
            }
            // The catalog's gaps: never a requester's condition, so the rule authors hear of
            // them here, one line per profile, fact and rules, with the tools concerned.
            for profile in result.profiles {
                var lines: [(key: String, tools: [String])] = []
                for gap in gaps[profile] ?? [] {
                    let key = "`tool.\(gap.fact)`, read by \(gap.rules.joined(separator: ", "))"
                    if let at = lines.firstIndex(where: { $0.key == key }) { lines[at].tools.append(gap.tool) } else { lines.append((key, [gap.tool])) }
                }
                for line in lines {
                    StandardError.write("warning: profile \(profile): the catalog does not know \(line.key), for \(line.tools.joined(separator: ", ")); answers read the gap as the rule not acting\n")
                }
            }
        }
    }
}
