import Foundation
import Synchronization
import ToolPolicy
import ToolPolicyReports

/// The policy being served, swapped atomically on reload: a request reads one snapshot from
/// start to end, and a reload that fails to compile leaves the serving policy untouched.
package final class PolicyStore: Sendable {
    private struct State {
        var current: LoadedPolicy?
        var lastReload: ReloadReport?
    }

    /// The folder (or file) the rules are read from.
    package let path: String
    /// The profile asked for, `nil` for the default.
    package let profile: String?
    private let state = Mutex(State())

    /// A store reading `path` with `profile`; nothing is loaded until ``reload()``.
    package init(path: String, profile: String?) {
        self.path = path
        self.profile = profile
    }

    /// The policy serving now, or `nil` before a first successful load.
    package var current: LoadedPolicy? { state.withLock { $0.current } }

    /// The last load attempt, successful or not.
    package var lastReload: ReloadReport? { state.withLock { $0.lastReload } }

    /// Loads and compiles the rules again; swaps them in only if they compile.
    @discardableResult
    package func reload() -> ReloadReport {
        let clock = ContinuousClock()
        let started = clock.now
        let result = PolicyLoader.load(at: path, profile: profile)
        // The templates load with the rules: a broken template fails the reload as a
        // broken rule does, and the serving policy and templates stay.
        let templates = result.policy.map { PolicyTemplates.load(policyPath: path, profiles: result.profiles.isEmpty ? [$0.profileName] : result.profiles) }
        let elapsed = clock.now - started
        let diagnostics = result.diagnostics + (templates?.diagnostics ?? [])
        let rendered = DiagnosticRenderer(sources: result.sources + (templates?.sources ?? [])).render(diagnostics)
        let succeeded = result.policy != nil && !diagnostics.containsErrors
        let report = ReloadReport(
            at: Date(), succeeded: succeeded, digest: result.policy?.digest,
            diagnostics: diagnostics, rendered: rendered
        )
        let loaded = result.policy.flatMap { policy in
            succeeded ? LoadedPolicy(
                policy: policy, loadedAt: report.at,
                loadMilliseconds: elapsed.milliseconds,
                sources: policy.files, warnings: diagnostics,
                profiles: PolicyLoader.loadProfiles(sources: result.sources),
                templates: templates?.templates
            ) : nil
        }
        state.withLock { state in
            if let loaded { state.current = loaded }
            state.lastReload = report
        }
        return report
    }
}
