import Foundation
import ToolPolicy

/// `GET /v1/policy`: which policy is serving, from which files, since when, and how the
/// last load or reload went (its diagnostics stay here until the next attempt), and how the
/// decision log's writes went.
struct PolicyDocument: Encodable {
    /// The decision log's state: `failing` when its last write failed.
    struct LogState: Encodable {
        var path: String
        var required: Bool
        var written: Int
        var failed: Int
        var failing: Bool
        var lastFailure: String?
        var lastFailureAt: String?

        init(_ health: DecisionLog.Health, required: Bool) {
            path = health.path
            self.required = required
            written = health.written
            failed = health.failed
            failing = health.failing
            lastFailure = health.lastFailure
            lastFailureAt = health.lastFailureAt?.timestamp
        }
    }

    struct Attempt: Encodable {
        var at: String
        var succeeded: Bool
        var digest: String?
        var errors: Int
        var warnings: Int
        var diagnostics: [Diagnostic]
    }

    var name: String
    var profile: String
    /// Every profile the server answers for (a request names one with `profile`).
    var profiles: [String]
    var title: String?
    var digest: String
    var rules: Int
    var tools: Int
    var loadedAt: String
    var loadMilliseconds: Double
    var sources: [String]
    var sourceDocuments: [String]
    var lastReload: Attempt?
    var decisionLog: LogState?

    /// The document for what `store` serves, under `profileName` (the default when `nil`).
    ///
    /// - Throws: ``APIError`` 503 when no policy has loaded, with the last attempt's
    ///   diagnostics; 422 `unknown_profile` for a profile the server does not serve.
    init(store: PolicyStore, profile profileName: String? = nil, decisionLog: DecisionLog? = nil, required: Bool = false) throws(APIError) {
        let attempt = store.lastReload.map(Attempt.init)
        guard let loaded = store.current else {
            var error = APIError.notReady
            if let attempt { error = APIError(error.status, code: error.code, message: error.message,
                                              details: ["diagnostics": .string(store.lastReload?.rendered ?? ""), "errorCount": .integer(attempt.errors)]) }
            throw error
        }
        let policy = try loaded.policy(named: profileName)
        name = policy.name
        profile = policy.profileName
        profiles = Set([loaded.policy.profileName] + loaded.profiles.keys).sorted()
        title = policy.title
        digest = policy.digest
        rules = policy.rules.count
        tools = policy.tools.count
        loadedAt = loaded.loadedAt.timestamp
        loadMilliseconds = (loaded.loadMilliseconds * 1000).rounded() / 1000
        sources = loaded.sources
        sourceDocuments = policy.sourceDocuments
        lastReload = attempt
        self.decisionLog = decisionLog.map { LogState($0.health, required: required) }
    }
}

extension PolicyDocument.Attempt {
    init(_ report: ReloadReport) {
        self.init(
            at: report.at.timestamp, succeeded: report.succeeded, digest: report.digest,
            errors: report.diagnostics.count { $0.severity == .error },
            warnings: report.diagnostics.count { $0.severity == .warning },
            diagnostics: report.diagnostics
        )
    }
}
