package import HTTPTypes

/// A route the server answers: the one list that the 405 answers, the OpenAPI test and the
/// docs are checked against.
package struct APIRoute: Sendable, Hashable {
    /// The method.
    package let method: HTTPRequest.Method
    /// The path, with `{name}` for a parameter, as OpenAPI writes it.
    package let path: String

    /// Every route of the server.
    package static let all: [APIRoute] = [
        APIRoute(method: .get, path: "/"),
        APIRoute(method: .post, path: "/"),
        APIRoute(method: .get, path: "/healthz"),
        APIRoute(method: .get, path: "/readyz"),
        APIRoute(method: .get, path: "/openapi.yaml"),
        APIRoute(method: .get, path: "/schemas/decision.schema.json"),
        APIRoute(method: .get, path: "/schemas/lint.schema.json"),
        APIRoute(method: .get, path: "/schemas/catalog.schema.json"),
        APIRoute(method: .get, path: "/metrics"),
        APIRoute(method: .get, path: "/v1/policy"),
        APIRoute(method: .get, path: "/v1/tools"),
        APIRoute(method: .get, path: "/v1/tools/{id}"),
        APIRoute(method: .post, path: "/v1/check"),
        APIRoute(method: .post, path: "/v1/lint"),
        APIRoute(method: .post, path: "/v1/reply"),
    ]

    /// Every route the server answers: ``all``, and `HEAD` wherever `GET` is, which the
    /// router answers with the `GET` handler's status and headers and no body. The OpenAPI
    /// document documents exactly these.
    package static let served: [APIRoute] = all.flatMap { route in
        route.method == .get ? [route, APIRoute(method: .head, path: route.path)] : [route]
    }

    /// The path as Hummingbird's router writes it (`:id` for `{id}`).
    package var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }

    /// Whether a request path falls under this route's path pattern.
    package func matches(_ requestPath: String) -> Bool {
        let pattern = path.split(separator: "/")
        let actual = requestPath.split(separator: "/")
        guard pattern.count == actual.count else { return false }
        return zip(pattern, actual).allSatisfy { expected, given in expected.hasPrefix("{") || expected == given }
    }

    /// The methods served at a request path, sorted (`HEAD` wherever `GET` is); empty when
    /// no route has that path.
    package static func methods(servedAt requestPath: String) -> [String] {
        Set(served.filter { $0.matches(requestPath) }.map(\.method.rawValue)).sorted()
    }
}
