package import Logging

/// How `toolpolicy serve` is set up.
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
    /// Where to append one JSON line per decision, if anywhere.
    package var decisionLogPath: String?
    /// How many `/v1/check` answers are kept for bodies that repeat (0: none).
    package var answerCacheSize = 4096
    /// How much the server logs.
    package var logLevel: Logger.Level = .info

    /// Options with the defaults.
    package init() {}
}
