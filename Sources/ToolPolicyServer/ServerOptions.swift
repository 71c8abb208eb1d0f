package import Logging

/// How `toolpolicy serve` is set up. Every resource a request can grow has a limit here,
/// with its default; docs/http.md lists them with their `serve` options.
package struct ServerOptions: Sendable {
    /// The address to bind: loopback unless told otherwise.
    package var host = "127.0.0.1"
    /// The TCP port.
    package var port = 8080
    /// The policy folder (or one `.rules` file).
    package var policyPath = "Rules"
    /// The academy profile; `nil` for the loader's default.
    package var profile: String?
    /// The largest request body accepted, in bytes (413 above it).
    package var maxBodySize = 1 << 20
    /// The most rows a `/v1/lint` list may have (413 above it).
    package var maxLintRows = 2_000
    /// Where to append one JSON line per decision, if anywhere.
    package var decisionLogPath: String?
    /// Whether a decision that cannot be logged is answered 503 instead of 200.
    package var decisionLogRequired = false
    /// How many bytes of `/v1/check` answers are kept for bodies that repeat (0: none).
    package var answerCacheBytes = 16 << 20
    /// Seconds a connection has to send a request head, from its opening or from the end of
    /// its previous response; then it is closed.
    package var headerTimeout = 10
    /// Seconds a connection may stay without a byte read or a request in progress; then it is closed.
    package var idleTimeout = 60
    /// The most connections open at once; more wait in the listen backlog.
    package var maxConnections = 512
    /// Seconds that requests in flight get to finish after SIGTERM or SIGINT.
    package var shutdownGrace = 20
    /// How much the server logs.
    package var logLevel: Logger.Level = .info

    /// Options with the defaults.
    package init() {}
}
