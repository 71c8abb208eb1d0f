import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ToolPolicyServer
import Yams

/// `GET /openapi.yaml` stays true: it documents exactly the routes the server has, and every
/// status the server answers to a sample of good and bad requests on each route.
@Suite struct OpenAPITests {
    /// The documented operations, `GET /v1/tools`, with the statuses of their responses.
    static let operations: [String: Set<Int>] = {
        let document = (try? Yams.load(yaml: OpenAPIDocument.text)) as? [String: Any] ?? [:]
        let methods = ["get", "post", "put", "patch", "delete", "head", "options"]
        var operations: [String: Set<Int>] = [:]
        for (path, item) in document["paths"] as? [String: Any] ?? [:] {
            for (method, operation) in item as? [String: Any] ?? [:] where methods.contains(method) {
                let responses = (operation as? [String: Any])?["responses"] as? [AnyHashable: Any] ?? [:]
                operations["\(method.uppercased()) \(path)"] = Set(responses.keys.compactMap { Int("\($0)") })
            }
        }
        return operations
    }()

    /// The statuses documented for an operation.
    static func statuses(_ route: APIRoute) -> Set<Int> {
        operations["\(route.method.rawValue) \(route.path)"] ?? []
    }

    @Test func isOpenAPI31() throws {
        let document = try #require(try Yams.load(yaml: OpenAPIDocument.text) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["info"] as? [String: Any])?["title"] as? String == "toolpolicy")
    }

    @Test func documentsExactlyTheServersRoutes() {
        let documented = Set(Self.operations.keys)
        let served = Set(APIRoute.all.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == served)
    }

    @Test(arguments: APIRoute.all)
    func everyOperationDocuments405AndAResponseBody(_ route: APIRoute) {
        let statuses = Self.statuses(route)
        #expect(statuses.contains(405), "\(route.method) \(route.path)")
        #expect(statuses.contains { (200..<300).contains($0) }, "\(route.method) \(route.path)")
    }

    /// A request to send and the route it exercises.
    struct Sample: Sendable, CustomTestStringConvertible {
        var route: APIRoute
        var uri: String
        var method: HTTPRequest.Method
        var contentType: String?
        var body: String?
        var maxBodySize = 1 << 20

        var testDescription: String { "\(method) \(uri) \(contentType ?? "") \(body?.prefix(30) ?? "")" }
    }

    static func route(_ method: HTTPRequest.Method, _ path: String) -> APIRoute {
        APIRoute.all.first { $0.method == method && $0.path == path }!
    }

    static let samples: [Sample] = {
        let json = "application/json", csv = "text/csv", form = "application/x-www-form-urlencoded"
        let check = route(.post, "/v1/check"), lint = route(.post, "/v1/lint"), reply = route(.post, "/v1/reply")
        let page = route(.post, "/")
        var samples: [Sample] = [
            Sample(route: route(.get, "/"), uri: "/", method: .get),
            Sample(route: route(.get, "/"), uri: "/?lang=en", method: .get),
            Sample(route: page, uri: "/", method: .post, contentType: form, body: "tool=zoom&use.mode=web"),
            Sample(route: page, uri: "/", method: .post, contentType: form, body: "tool=zoom&use.mode=flying"),
            Sample(route: page, uri: "/", method: .post, contentType: json, body: "{}"),
            Sample(route: page, uri: "/", method: .post, contentType: form, body: String(repeating: "x", count: 200), maxBodySize: 100),
            Sample(route: route(.get, "/healthz"), uri: "/healthz", method: .get),
            Sample(route: route(.get, "/readyz"), uri: "/readyz", method: .get),
            Sample(route: route(.get, "/openapi.yaml"), uri: "/openapi.yaml", method: .get),
            Sample(route: route(.get, "/metrics"), uri: "/metrics", method: .get),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: csv, body: "tool\n" + String(repeating: "zoom\n", count: 2_001)),
            Sample(route: route(.get, "/v1/policy"), uri: "/v1/policy", method: .get),
            Sample(route: route(.get, "/v1/tools"), uri: "/v1/tools", method: .get),
            Sample(route: route(.get, "/v1/tools/{id}"), uri: "/v1/tools/zoom", method: .get),
            Sample(route: route(.get, "/v1/tools/{id}"), uri: "/v1/tools/nosuch", method: .get),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: json, body: #"[{"tool": "zoom"}]"#),
            Sample(route: lint, uri: "/v1/lint?date=2026-03-02&name=x.csv", method: .post, contentType: csv, body: "tool\nzoom\n"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: csv, body: "tool\n\"zoom\n"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: json, body: "[{"),
            Sample(route: lint, uri: "/v1/lint?date=someday", method: .post, contentType: json, body: "[]"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: "text/plain", body: "x"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: csv, body: String(repeating: "zoom\n", count: 40), maxBodySize: 100),
        ]
        for operation in [check, reply] {
            samples += [
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zoom", "use": {"mode": "web"}}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zoom", "use": {"mode": "flying"}}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zoom", "extra": 1}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: "text/plain", body: "zoom"),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json,
                       body: #"{"tool": "zoom", "use": {"mode": "web", "computer": "pedagogical"}}"#, maxBodySize: 20),
            ]
        }
        for route in APIRoute.all {
            let other: HTTPRequest.Method = route.method == .get ? .delete : .get
            let uri = route.path.replacingOccurrences(of: "{id}", with: "zoom")
            if !APIRoute.all.contains(where: { $0.path == route.path && $0.method == other }) {
                samples.append(Sample(route: route, uri: uri, method: other))
            }
        }
        return samples
    }()

    @Test(arguments: samples)
    func everyAnsweredStatusIsDocumented(_ sample: Sample) async throws {
        let documented = Self.statuses(sample.route)
        try await withRouter(makeServices(maxBodySize: sample.maxBodySize)) { client in
            var headers: HTTPFields = [:]
            if let type = sample.contentType { headers[.contentType] = type }
            try await client.execute(uri: sample.uri, method: sample.method, headers: headers,
                                     body: sample.body.map { ByteBuffer(string: $0) }) { response in
                #expect(documented.contains(Int(response.status.code)),
                        "\(sample.route.method) \(sample.route.path) answered \(response.status.code), documented: \(documented.sorted())")
            }
        }
    }

    @Test func notReadyIsDocumentedWhereItCanHappen() {
        for route in APIRoute.all where !["/healthz", "/openapi.yaml", "/metrics"].contains(route.path) {
            #expect(Self.statuses(route).contains(503), "\(route.method) \(route.path)")
        }
    }
}
