package import Foundation
package import ToolPolicy
package import ToolPolicyReports
import HTTPTypes

/// A compiled policy as the server serves it, with when and from what it was loaded.
package struct LoadedPolicy: Sendable {
    /// The compiled policy.
    package let policy: Policy
    /// When it was loaded.
    package let loadedAt: Date
    /// How long loading and compiling took, in milliseconds.
    package let loadMilliseconds: Double
    /// The rule files it was compiled from, as found under the policy folder (`--policy`).
    package let sources: [String]
    /// Warnings the compiler gave (errors would have kept it from loading).
    package let warnings: [Diagnostic]
    /// Every profile of the folder, compiled with the default and reloaded with it, for a
    /// request that names its profile (`"profile": "poitiers"`).
    package let profiles: [String: Policy]
    /// The policy folder's letter and page templates; `nil` when it has none.
    package let templates: PolicyTemplates?
    /// The digests of the default and of every profile, joined: what an answer may depend
    /// on, so the answer cache's key holds it. Computed once, at load.
    package let digests: String
    /// The SHA-256 of ``digests``: the policy's part of an answer-cache key, hashed once
    /// per load rather than once per request.
    let answerKeyDigest: String
    /// The pre-rendered parts of the decisions of the default and of every profile, by
    /// profile name: built at load, so a reload brings new ones.
    private let fragments: [String: DecisionFragments]
    /// The near misses of the tool names asked since this load.
    let nearMisses = NearMissMemo()

    /// A loaded policy, its profiles and templates, with the digests and the decision
    /// fragments computed from them.
    package init(policy: Policy, loadedAt: Date, loadMilliseconds: Double, sources: [String], warnings: [Diagnostic],
                 profiles: [String: Policy] = [:], templates: PolicyTemplates? = nil) {
        self.policy = policy
        self.loadedAt = loadedAt
        self.loadMilliseconds = loadMilliseconds
        self.sources = sources
        self.warnings = warnings
        self.profiles = profiles
        self.templates = templates
        digests = ([policy.digest] + profiles.keys.sorted().compactMap { profiles[$0]?.digest }).joined(separator: ",")
        answerKeyDigest = SHA256.hex(Array(digests.utf8))
        var fragments = profiles.mapValues(DecisionFragments.init(policy:))
        fragments[policy.profileName] = DecisionFragments(policy: policy)
        self.fragments = fragments
    }

    /// The pre-rendered parts of the decisions of `policy`, the default or a profile of
    /// this load (``DecisionFragments`` checks that they are that policy's).
    package func decisionFragments(of policy: Policy) -> DecisionFragments? {
        fragments[policy.profileName]
    }

    /// The templates, or the 503 that says the folder has none.
    package func requireTemplates() throws(APIError) -> PolicyTemplates {
        guard let templates else { throw .noTemplates }
        return templates
    }

    /// The policy a request names, or the default (`--profile`) when it names none.
    package func policy(named profile: String?) throws(APIError) -> Policy {
        guard let profile, profile != policy.profileName else { return policy }
        guard let named = profiles[profile] else {
            throw APIError(.unprocessableContent, code: "unknown_profile",
                           message: "unknown profile `\(profile)`; known: \(profiles.keys.sorted().joined(separator: ", "))",
                           details: ["path": .string("profile"), "allowed": .strings(profiles.keys.sorted())])
        }
        return named
    }
}

/// The outcome of the last load or reload attempt, shown by `GET /v1/policy`.
package struct ReloadReport: Sendable {
    /// When it was attempted.
    package let at: Date
    /// Whether the new policy replaced the old one.
    package let succeeded: Bool
    /// The digest of what was attempted, when it compiled.
    package let digest: String?
    /// Every diagnostic of the attempt, rendered with file:line:column.
    package let diagnostics: [Diagnostic]
    /// The same diagnostics as text with source lines and carets, for logs.
    package let rendered: String
}
