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

/// The OpenAPI 3.1 description of the API, shipped inside the binary.
enum OpenAPIDocument {
    /// The YAML text of `Resources/openapi.yaml`.
    static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = try? Data(contentsOf: url) else { return "openapi: 3.1.0\n" }
        return String(decoding: data, as: UTF8.self)
    }()
}
