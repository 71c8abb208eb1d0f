import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

extension ToolPolicyCommand {
    /// `toolpolicy tools`: the catalog with each tool's class under the profile.
    struct Tools: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tools",
            abstract: "List the catalog's tools with their class under the profile."
        )

        @OptionGroup var policyOptions: PolicyOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(help: "Language of the labels: fr or en.")
        var lang: OutputLanguage = .fr

        func run() throws {
            let policy = try policyOptions.load()
            let catalog = CatalogDocument(policy: policy)
            switch format {
            case .json:
                print(try JSONOutput.string(catalog))
            case .text:
                let labels = Labels(language: lang.language)
                let width = policy.tools.map(\.id.count).max() ?? 0
                print("\(labels.profile) \(policy.profileName) · " + labels.count(policy.tools.count, ("outil", "tool"), ("outils", "tools")))
                for tool in policy.tools {
                    let id = tool.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    print("  \(id)  \(tool.name) — \(labels.standing(tool.standing))")
                }
            }
        }
    }
}
