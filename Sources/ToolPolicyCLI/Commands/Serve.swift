import ArgumentParser
import Foundation
import Logging
import ToolPolicy
import ToolPolicyServer

extension ToolPolicyCommand {
    /// `toolpolicy serve`: the HTTP API and the helpdesk page.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the HTTP API (/v1) and the helpdesk page (/).",
            discussion: """
            Binds to loopback unless --host says otherwise. SIGHUP reloads the rules: a policy \
            that compiles replaces the old one for new requests; one that does not is logged and \
            the old one keeps serving. SIGTERM and SIGINT stop the server after in-flight \
            requests finish. Exit 65 if the rules do not compile at start, 69 if the address \
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

        @Option(name: .customLong("decision-log"), help: ArgumentHelp(
            "Append one JSON line per decision to this file (the audit trail).", valueName: "file"
        ))
        var decisionLog: String?

        @Option(name: .customLong("answer-cache"), help: "How many /v1/check answers to keep for bodies that repeat (0: none).")
        var answerCache = 4096

        @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
        var logLevel: LogLevel = .info

        @Option(name: .customLong("log-format"), help: "Logs on standard error as text, or as one JSON object per line (json).")
        var logFormat: LogFormat = .text

        func validate() throws {
            guard (1...65_535).contains(port) else { throw ValidationError("--port takes 1 to 65535 (got \(port))") }
            guard maxBodySize > 0 else { throw ValidationError("--max-body-size takes a positive number of bytes") }
            guard answerCache >= 0 else { throw ValidationError("--answer-cache takes 0 or more answers") }
        }

        func run() async throws {
            var options = ServerOptions()
            options.host = host
            options.port = port
            options.policyPath = policyOptions.resolvedPath()
            options.profile = policyOptions.profile
            options.maxBodySize = maxBodySize
            options.answerCacheSize = answerCache
            options.decisionLogPath = decisionLog
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
                log = try decisionLog.map { path throws(DecisionLog.OpenError) in try DecisionLog(path: path) }
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
