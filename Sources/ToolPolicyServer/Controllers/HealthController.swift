import Foundation
import Hummingbird
import HTTPTypes
import ToolPolicy

/// `GET /healthz` (the process answers), `GET /readyz` (a policy is loaded) and
/// `GET /openapi.yaml` (the API description).
struct HealthController<Context: RequestContext> {
    let services: ServerServices

    private struct Status: Encodable {
        var status: String
        var digest: String?
    }

    func add(to router: Router<Context>) {
        router.get("healthz") { _, _ in try JSONResponse.encoded(Status(status: "ok")) }
        router.get("readyz") { _, _ in
            let loaded = try services.policy()
            return try JSONResponse.encoded(Status(status: "ready", digest: loaded.policy.digest))
        }
        router.get("openapi.yaml") { _, _ in
            JSONResponse.text(OpenAPIDocument.text, type: "application/yaml; charset=utf-8")
        }
    }
}
