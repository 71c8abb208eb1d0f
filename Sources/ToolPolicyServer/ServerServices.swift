import Foundation
import ToolPolicy

/// What every route shares: the options, the policy store, the decision log, the answer
/// cache and the metrics.
package struct ServerServices: Sendable {
    /// How the server was started.
    package let options: ServerOptions
    /// The policy being served.
    package let store: PolicyStore
    /// The audit trail, when `--decision-log` is given.
    package let decisionLog: DecisionLog?
    /// The answers to check bodies already seen.
    package let answers: AnswerCache
    /// What `GET /metrics` shows.
    package let metrics: ServerMetrics

    /// The services of one server.
    package init(options: ServerOptions, store: PolicyStore, decisionLog: DecisionLog?, metrics: ServerMetrics = ServerMetrics()) {
        self.options = options
        self.store = store
        self.decisionLog = decisionLog
        self.metrics = metrics
        answers = AnswerCache(capacity: options.answerCacheBytes)
    }

    /// The policy serving now, read once per request so that a reload never changes the
    /// rules under a request.
    ///
    /// - Throws: ``APIError`` 503 when no policy has loaded.
    func policy() throws(APIError) -> LoadedPolicy {
        guard let loaded = store.current else { throw APIError.notReady }
        return loaded
    }

    /// Writes a decision's line to the decision log, if there is one (`write` appends it and
    /// says whether it was written).
    ///
    /// - Throws: ``APIError`` 503 when the line could not be written and
    ///   `--decision-log-required` is set; otherwise the failure is counted and logged, and
    ///   the answer goes out.
    func log(_ write: (DecisionLog) -> Bool) throws(APIError) {
        guard let decisionLog, !write(decisionLog) else { return }
        metrics.decisionLogWriteFailed()
        if options.decisionLogRequired { throw APIError.decisionNotLogged(decisionLog.health) }
    }
}
