import Foundation
import Hummingbird
import HTTPTypes
import ToolPolicy

/// `GET /healthz` (the process answers), `GET /readyz` (a policy is loaded, and whether
/// the decision log is failing) and `GET /metrics` (Prometheus).
struct HealthController<Context: RequestContext> {
    let services: ServerServices

    private struct Status: Encodable {
        var status: String
        var digest: String?
        var decisionLogFailures: Int?
    }

    func add(to router: Router<Context>) {
        router.get("healthz") { _, _ in try JSONResponse.encoded(Status(status: "ok")) }
        router.get("readyz") { _, _ in try ready() }
        router.get("metrics") { _, _ in
            JSONResponse.text(services.metrics.text, type: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    /// `ready`, or `degraded` while the decision log's last write failed: still 200, since
    /// the answers are right, unless `--decision-log-required` makes this server answer 503.
    private func ready() throws -> Response {
        let loaded = try services.policy()
        guard let health = services.decisionLog?.health, health.failing else {
            return try JSONResponse.encoded(Status(status: "ready", digest: loaded.policy.digest))
        }
        if services.options.decisionLogRequired { throw APIError.decisionNotLogged(health) }
        return try JSONResponse.encoded(Status(status: "degraded", digest: loaded.policy.digest, decisionLogFailures: health.failed))
    }
}
