import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

extension ToolPolicyCommand {
    /// `toolpolicy diff OLD [NEW]`: which uses change verdict between two versions of the rules.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "List every tool and kind of use whose verdict changes between two versions of the rules.",
            discussion: """
            OLD and NEW are policy folders or git revisions of the policy folder (HEAD~1, main); \
            NEW defaults to the policy folder as it is. Exit 0 (or 1 with --fail-on-change when \
            something changes), 64 usage error or unknown revision, 65 bad rules, 69 git not found.
            """
        )

        @Argument(help: "The old rules: a folder, or a git revision of the policy folder.")
        var old: String

        @Argument(help: "The new rules: a folder or a git revision (default: the policy folder).")
        var new: String?

        @Option(name: .long, help: "The policy folder the revisions are taken from (default as for check).")
        var policy: String?

        @Option(name: .long, help: "The profile compared (default: rennes when the rules have it, else the base).")
        var profile: String?

        @Flag(help: "Compare every profile (the base alone when there is none).")
        var all = false

        @Option(help: "Output format: text, json or markdown.")
        var format: DiffFormat = .text

        @Flag(help: "Exit 1 when some verdict changes.")
        var failOnChange = false

        @Option(help: "The date of the examples' requests (YYYY-MM-DD); default today.")
        var date: String?

        func validate() throws {
            if all, profile != nil { throw ValidationError("give --profile or --all, not both") }
            _ = try Today.resolve(date)
        }

        func run() throws {
            let folder = PolicyOptions.resolve(policy)
            var revisions = RevisionCheckout(policyFolder: folder)
            defer { revisions.removeAll() }
            let oldPath = try revisions.path(for: old)
            let newPath = try new.map { try revisions.path(for: $0) } ?? folder
            let today = try Today.resolve(date)
            let profiles: [String?] = try all ? Self.profiles(at: newPath) : [profile]
            var diffs: [PolicyDiff] = []
            for profile in profiles {
                let before = try Self.load(oldPath, profile: profile, label: old)
                let after = try Self.load(newPath, profile: profile, label: new ?? folder)
                do {
                    diffs.append(try PolicyDiff(old: before, new: after, today: today))
                } catch {
                    StandardError.write("error: \(error)\n")
                    throw ExitStatus.badInput
                }
            }
            switch format {
            case .text: print(DiffText.render(diffs, old: old, new: new ?? folder), terminator: "")
            case .markdown: print(DiffText.markdown(diffs, old: old, new: new ?? folder), terminator: "")
            case .json: print(try JSONOutput.string(diffs))
            }
            if failOnChange, diffs.contains(where: { !$0.changes.isEmpty }) { throw ExitStatus.denied }
        }

        private static func profiles(at path: String) throws -> [String?] {
            let result = PolicyLoader.validate(at: path)
            if result.diagnostics.containsErrors {
                StandardError.write(DiagnosticRenderer(sources: result.sources).render(result.diagnostics))
                throw ExitStatus.badInput
            }
            return result.profiles.isEmpty ? [nil] : result.profiles
        }

        private static func load(_ path: String, profile: String?, label: String) throws -> Policy {
            let result = PolicyLoader.load(at: path, profile: profile)
            guard let policy = result.policy else {
                StandardError.write("error: the rules of `\(label)` do not compile:\n")
                StandardError.write(DiagnosticRenderer(sources: result.sources).render(result.diagnostics))
                throw ExitStatus.badInput
            }
            return policy
        }
    }
}

/// `diff --format`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
