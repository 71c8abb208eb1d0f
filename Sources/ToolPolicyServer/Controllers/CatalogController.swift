import Foundation
import Hummingbird
import HTTPTypes
import ToolPolicy
import ToolPolicyReports

/// `GET /v1/tools`, `GET /v1/tools/{id}` and `GET /v1/policy`: what the server knows.
struct CatalogController<Context: RequestContext> {
    let services: ServerServices

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("tools", use: tools)
            .get("tools/:id", use: tool)
            .get("policy", use: policy)
    }

    /// The catalog document, as `toolpolicy tools --format json` writes it.
    @Sendable func tools(request: Request, context: Context) async throws -> Response {
        try JSONResponse.encoded(CatalogDocument(policy: try services.policy().policy(named: request.profileParameter)))
    }

    /// One tool of the catalog, by id (or by name or alias, as `check` accepts).
    @Sendable func tool(request: Request, context: Context) async throws -> Response {
        let raw = context.parameters.get("id") ?? ""
        let id = raw.removingPercentEncoding ?? raw
        let policy = try services.policy().policy(named: request.profileParameter)
        let catalog = CatalogDocument(policy: policy)
        guard let tool = catalog.tool(id) ?? policy.tool(named: id).flatMap({ catalog.tool($0.id) }) else {
            throw APIError.unknownTool(id, known: catalog.tools.map(\.id))
        }
        return try JSONResponse.encoded(tool)
    }

    /// The policy serving now and the outcome of the last (re)load.
    @Sendable func policy(request: Request, context: Context) async throws -> Response {
        try JSONResponse.encoded(PolicyDocument(store: services.store, profile: request.profileParameter, decisionLog: services.decisionLog,
                                                required: services.options.decisionLogRequired))
    }
}

extension Request {
    /// `?profile=poitiers`: the academy profile a GET names; the server's default when absent.
    var profileParameter: String? { uri.queryParameters["profile"].map(String.init) }
}

extension APIError {
    /// 404 for a tool id the catalog does not hold.
    static func unknownTool(_ id: String, known: [String]) -> APIError {
        var details: [String: JSONValue] = ["id": .string(id), "known": .strings(known)]
        if let close = Suggestion.closest(to: id, in: known) { details["hint"] = .string("did you mean `\(close)`?") }
        return APIError(.notFound, code: "unknown_tool", message: "no tool `\(id)` in the catalog", details: details)
    }
}
