import ArgumentParser
import Foundation
import Logging
import ToolPolicy
import ToolPolicyServer

extension ToolPolicyCommand {
    /// `toolpolicy serve`: the HTTP API and the helpdesk page.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the HTTP API (/v1) and the helpdesk page (/).",
            discussion: """
            Binds to loopback unless --host says otherwise. SIGHUP reloads the rules: a policy \
            that compiles replaces the old one for new requests; one that does not is logged and \
            the old one keeps serving. SIGTERM and SIGINT stop the server after in-flight \
            requests finish, for up to --shutdown-grace seconds. Every resource a request can \
            grow has a limit below (body, lint rows, cache bytes, header and idle time, \
            connections). Exit 65 if the rules do not compile at start, 69 if the address \
            cannot be bound or the decision log cannot be opened. See docs/http.md.
            """
        )

        @Option(help: "The address to bind.")
        var host = "127.0.0.1"

        @Option(help: "The TCP port.")
        var port = 8080

        @OptionGroup var policyOptions: PolicyOptions

        @Option(name: .customLong("max-body-size"), help: "The largest request body accepted, in bytes (413 above it).")
        var maxBodySize = 1 << 20

        @Option(name: .customLong("max-lint-rows"), help: "The most rows a /v1/lint list may have (413 above it).")
        var maxLintRows = ServerOptions().maxLintRows

        @Option(name: .customLong("decision-log"), help: ArgumentHelp(
            "Append one JSON line per decision to this file (the audit trail).", valueName: "file"
        ))
        var decisionLog: String?

        @Flag(name: .customLong("decision-log-required"), help: "Answer 503 instead of 200 when a decision cannot be written to the decision log.")
        var decisionLogRequired = false

        @Option(name: .customLong("answer-cache-bytes"), help: "How many bytes of /v1/check answers to keep for bodies that repeat (0: none).")
        var answerCacheBytes = ServerOptions().answerCacheBytes

        @Option(name: .customLong("header-timeout"), help: "Seconds a connection has to send a request head; then it is closed.")
        var headerTimeout = ServerOptions().headerTimeout

        @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay idle; then it is closed.")
        var idleTimeout = ServerOptions().idleTimeout

        @Option(name: .customLong("max-connections"), help: "The most connections open at once; more wait in the listen backlog.")
        var maxConnections = ServerOptions().maxConnections

        @Option(name: .customLong("shutdown-grace"), help: "Seconds the requests in flight get to finish after SIGTERM or SIGINT.")
        var shutdownGrace = ServerOptions().shutdownGrace

        @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
        var logLevel: LogLevel = .info

        @Option(name: .customLong("log-format"), help: "Logs on standard error as text, or as one JSON object per line (json).")
        var logFormat: LogFormat = .text

        func validate() throws {
            guard (1...65_535).contains(port) else { throw ValidationError("--port takes 1 to 65535 (got \(port))") }
            guard maxBodySize > 0 else { throw ValidationError("--max-body-size takes a positive number of bytes") }
            guard maxLintRows > 0 else { throw ValidationError("--max-lint-rows takes a positive number of rows") }
            guard answerCacheBytes >= 0 else { throw ValidationError("--answer-cache-bytes takes 0 or more bytes") }
            guard headerTimeout > 0, idleTimeout > 0 else { throw ValidationError("--header-timeout and --idle-timeout take a positive number of seconds") }
            guard maxConnections > 0 else { throw ValidationError("--max-connections takes a positive number") }
            guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace takes 0 or more seconds") }
        }

        func run() async throws {
            var options = ServerOptions()
            options.host = host
            options.port = port
            options.policyPath = policyOptions.resolvedPath()
            options.profile = policyOptions.profile
            options.maxBodySize = maxBodySize
            options.maxLintRows = maxLintRows
            options.answerCacheBytes = answerCacheBytes
            options.decisionLogPath = decisionLog
            options.decisionLogRequired = decisionLogRequired
            options.headerTimeout = headerTimeout
            options.idleTimeout = idleTimeout
            options.maxConnections = maxConnections
            options.shutdownGrace = shutdownGrace
            options.logLevel = logLevel.level

            switch logFormat {
            case .text: LoggingSystem.bootstrap(TextLogHandler.init)
            case .json: LoggingSystem.bootstrap(JSONLogHandler.init)
            }
            var logger = Logger(label: "toolpolicy")
            logger.logLevel = options.logLevel

            let store = PolicyStore(path: options.policyPath, profile: options.profile)
            let report = store.reload()
            guard let loaded = store.current else {
                StandardError.write(report.rendered)
                throw ExitStatus.badInput
            }
            if !report.diagnostics.isEmpty { StandardError.write(report.rendered) }
            let log: DecisionLog?
            do {
                log = try decisionLog.map { path throws(DecisionLog.OpenError) in try DecisionLog(path: path, logger: logger) }
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitStatus.unavailable
            }
            logger.notice("policy loaded", metadata: [
                "policy.path": .string(options.policyPath),
                "policy.profile": .string(loaded.policy.profileName),
                "policy.digest": .string(loaded.policy.digest),
                "policy.rules": .stringConvertible(loaded.policy.rules.count),
            ])
            do {
                try await runServer(services: ServerServices(options: options, store: store, decisionLog: log), logger: logger)
            } catch {
                StandardError.write("error: cannot serve on \(host):\(port): \(error)\n")
                throw ExitStatus.unavailable
            }
        }
    }

    /// `--log-format`.
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// `--log-level`.
    enum LogLevel: String, ExpressibleByArgument, CaseIterable {
        case trace, debug, info, notice, warning, error, critical

        var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
    }
}
