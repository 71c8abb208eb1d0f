import Logging
import ToolPolicy
import ServiceLifecycle
import UnixSignals

/// Reloads the policy on SIGHUP for as long as the server runs. A policy that compiles
/// replaces the old one for new requests; one that does not is logged with its
/// diagnostics (and shown by `GET /v1/policy`) while the old one keeps serving. The
/// decision log is reopened too, for logrotate.
struct PolicyReloader: Service {
    let store: PolicyStore
    let decisionLog: DecisionLog?
    let metrics: ServerMetrics
    let logger: Logger

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            do {
                try decisionLog?.reopen()
            } catch {
                logger.error("decision log not reopened; still writing to the previous file", metadata: ["error": .string("\(error)")])
            }
            let before = store.current?.policy.digest
            let report = store.reload()
            metrics.reload(succeeded: report.succeeded)
            if report.succeeded {
                logger.notice("policy reloaded", metadata: [
                    "policy.digest": .string(report.digest ?? "-"),
                    "policy.changed": .stringConvertible(report.digest != before),
                    "policy.warnings": .stringConvertible(report.diagnostics.count),
                ])
            } else {
                logger.error("policy reload failed; the previous policy keeps serving", metadata: [
                    "policy.digest": .string(before ?? "-"),
                    "policy.errors": .stringConvertible(report.diagnostics.count { $0.severity == .error }),
                    "diagnostics": .string(report.rendered),
                ])
            }
        }
    }
}
