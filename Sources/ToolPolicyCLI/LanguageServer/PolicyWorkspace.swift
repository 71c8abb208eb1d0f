import Foundation
import ToolPolicy

/// The policy folder as the editor sees it: the files on disk with the open documents'
/// unsaved texts in their place, compiled on each change, and the last policy of each
/// profile that compiled (so hover and completion still work while a file has errors).
struct PolicyWorkspace {
    /// The policy folder, absolute.
    let root: String
    /// The open documents' texts, by absolute path.
    var documents: [String: String] = [:]
    /// The last policy of each profile that compiled; the base alone under its own name.
    private(set) var policies: [String: Policy] = [:]

    init(root: String) {
        self.root = root
    }

    /// The files of the folder, the open ones as the editor holds them.
    func sources() -> [SourceFile] {
        var sources = PolicyLoader.load(at: root, profile: nil).sources.map { source in
            documents[source.path].map { SourceFile(path: source.path, text: $0) } ?? source
        }
        for (path, text) in documents where path.hasSuffix(".rules") && !sources.contains(where: { $0.path == path }) {
            sources.append(SourceFile(path: path, text: text))
        }
        return sources.sorted { $0.path < $1.path }
    }

    /// Compiles the base and every profile with the open texts; returns the diagnostics
    /// of `path` (once each) and keeps the policies that compiled.
    mutating func diagnostics(of path: String) -> [Diagnostic] {
        let sources = sources()
        if path.hasSuffix(".tests") {
            let text = documents[path] ?? ""
            compile(sources)
            return PolicyTestRunner.run(tests: [SourceFile(path: path, text: text)], policy: sources, coverage: false)
                .diagnostics.filter { $0.range?.start.file == path }
        }
        return compile(sources).filter { $0.range?.start.file == path }
    }

    /// Compiles the folder as it is, so hover and completion work before any change.
    mutating func refresh() {
        compile(sources())
    }

    @discardableResult
    private mutating func compile(_ sources: [SourceFile]) -> [Diagnostic] {
        let base = PolicyLoader.load(sources: sources, profile: nil)
        var diagnostics = base.diagnostics
        var seen = Set(diagnostics)
        for profile in base.profiles {
            let loaded = PolicyLoader.load(sources: sources, profile: profile)
            if let policy = loaded.policy { policies[profile] = policy }
            for diagnostic in loaded.diagnostics where seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
        }
        if let policy = base.policy { policies[policy.profileName] = policy }
        return diagnostics
    }

    /// The policy a document is read with: its profile's (a profile file's header, a test
    /// file's `profile` line), else the default profile's, else any that compiled.
    func policy(for path: String) -> Policy? {
        let text = documents[path] ?? ""
        let pattern = path.hasSuffix(".tests") ? /(?m)^\s*profile\s+([A-Za-z0-9_-]+)/ : /(?m)^profile\s+"([^"]+)"/
        if let match = text.firstMatch(of: pattern), let policy = policies[String(match.1)] { return policy }
        return policies[PolicyLoader.defaultProfile] ?? policies.values.sorted { $0.profileName < $1.profileName }.first
    }
}
