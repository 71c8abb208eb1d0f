import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

/// `--policy` and `--profile`, shared by every command that reads the rules.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The policy folder (or one .rules file).",
        discussion: "Default: $TOOLPOLICY_RULES, else the nearest Rules/ folder from the current directory up."
    ))
    var policy: String?

    @Option(name: .long, help: "The academy profile applied on top of the national base (default: rennes).")
    var profile: String?

    /// The environment variable that names the policy folder.
    static let environmentVariable = "TOOLPOLICY_RULES"

    /// The folder to read.
    func resolvedPath() -> String { Self.resolve(policy) }

    /// The folder to read: `explicit`, else the environment, else the nearest `Rules/` upwards.
    static func resolve(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty { return path }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            let candidate = directory.appendingPathComponent("Rules")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return directory.path == FileManager.default.currentDirectoryPath ? "Rules" : candidate.path
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return "Rules" }
            directory = parent
        }
    }

    /// Loads the policy, or prints every diagnostic and exits 65.
    func load() throws -> Policy {
        let result = PolicyLoader.load(at: resolvedPath(), profile: profile)
        let renderer = DiagnosticRenderer(sources: result.sources)
        guard let policy = result.policy else {
            StandardError.write(renderer.render(result.diagnostics))
            throw ExitStatus.badInput
        }
        if !result.diagnostics.isEmpty { StandardError.write(renderer.render(result.diagnostics)) }
        return policy
    }

    /// The reply letter of the policy folder's templates, or prints why there is none and exits 65.
    func letter(for policy: Policy) throws -> ReplyLetter {
        let loaded = PolicyTemplates.load(policyPath: resolvedPath(), profiles: [policy.profileName], checkFolders: false)
        guard let templates = loaded.templates else {
            StandardError.write(DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics))
            throw ExitStatus.badInput
        }
        return ReplyLetter(policy: policy, templates: templates)
    }
}

/// `check --format`: a decision as text, as JSON, or as the reply letter to send.
enum DecisionFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, letter
}

/// `--format` and `--lang` for the commands that print decisions.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--lang`: the language of messages in text output.
enum OutputLanguage: String, ExpressibleByArgument, CaseIterable {
    case fr, en

    var language: Language { self == .fr ? .fr : .en }
}
