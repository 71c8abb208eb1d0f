import Foundation

/// What every route shares: the options, the policy store and the decision log.
package struct ServerServices: Sendable {
    /// How the server was started.
    package let options: ServerOptions
    /// The policy being served.
    package let store: PolicyStore
    /// The audit trail, when `--decision-log` is given.
    package let decisionLog: DecisionLog?
    /// The answers to check bodies already seen.
    package let answers: AnswerCache

    /// The services of one server.
    package init(options: ServerOptions, store: PolicyStore, decisionLog: DecisionLog?) {
        self.options = options
        self.store = store
        self.decisionLog = decisionLog
        answers = AnswerCache(capacity: options.answerCacheSize)
    }

    /// The policy serving now, read once per request so that a reload never changes the
    /// rules under a request.
    ///
    /// - Throws: ``APIError`` 503 when no policy has loaded.
    func policy() throws(APIError) -> LoadedPolicy {
        guard let loaded = store.current else { throw APIError.notReady }
        return loaded
    }
}
