import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
@testable import ToolPolicyServer

/// Every error status, in the JSON envelope, with a stable code and the details a client
/// needs to fix the request.
@Suite struct ErrorStatusTests {
    @Test func malformedJSONIs400WithLineAndColumn() async throws {
        try await withRouter { client in
            let body = "{\"tool\": \"zoom\",\n  \"use\": {\"mode\": web}}"
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let error = apiError(response.body)
                #expect(error.code == "malformed_json")
                #expect(error.details["line"] as? Int == 2)
                #expect(error.details["column"] as? Int == 19)
                #expect(error.message.contains("line 2, column 19"))
            }
        }
    }

    @Test(arguments: [
        (#"{"tool": "zoom", "use": {"mode": "web",}}"#, 1, 40, "trailing comma"),
        (#"{"tool": "zoom", "tool": "teams"}"#, 1, 18, "appears twice"),
    ])
    func strictJSONIs400AtThePlace(body: String, line: Int, column: Int, message: String) async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .badRequest)
                let error = apiError(response.body)
                #expect(error.code == "malformed_json")
                #expect(error.details["line"] as? Int == line && error.details["column"] as? Int == column, "\(error.details)")
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }

    @Test func emptyBodyIs400() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders) { response in
                #expect(response.status == .badRequest)
                #expect(apiError(response.body).code == "malformed_json")
            }
        }
    }

    @Test func unterminatedCSVQuoteIs400WithTheLineAndTheRowsBefore() async throws {
        try await withRouter { client in
            let csv = "tool;mode\nzoom;web\n\"teams;web\n"
            try await client.execute(uri: "/v1/lint", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .badRequest)
                let error = apiError(response.body)
                #expect(error.code == "malformed_csv")
                #expect(error.details["line"] as? Int == 3)
                #expect((error.details["hint"] as? String)?.contains("never closed") == true)
                let report = error.details["report"] as? [String: Any] ?? [:]
                #expect((report["results"] as? [Any])?.count == 1)
            }
        }
    }

    @Test func jsonListThatIsNotAListIs400() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/lint", method: .post, headers: jsonHeaders, body: jsonBody(#"{"tool": "zoom"}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(apiError(response.body).code == "malformed_json")
            }
        }
    }

    @Test func unknownRouteIs404() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v2/check", method: .get) { response in
                #expect(response.status == .notFound)
                let error = apiError(response.body)
                #expect(error.code == "not_found")
                #expect(error.details["path"] as? String == "/v2/check")
            }
        }
    }

    @Test func unknownToolIdIs404WithASuggestion() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/tools/zom", method: .get) { response in
                #expect(response.status == .notFound)
                let error = apiError(response.body)
                #expect(error.code == "unknown_tool")
                #expect(error.details["hint"] as? String == "did you mean `zoom`?")
                #expect((error.details["known"] as? [String])?.contains("bbb-ent") == true)
            }
        }
    }

    @Test(arguments: [("/v1/check", "GET", "POST"), ("/v1/tools", "POST", "GET, HEAD"), ("/v1/tools/zoom", "DELETE", "GET, HEAD"), ("/", "PUT", "GET, HEAD, POST")])
    func wrongMethodIs405WithAllow(_ path: String, _ method: String, _ allow: String) async throws {
        try await withRouter { client in
            try await client.execute(uri: path, method: HTTPRequest.Method(method)!) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == allow)
                #expect(apiError(response.body).code == "method_not_allowed")
            }
        }
    }

    @Test func headIsAnsweredWhereGetIs() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/readyz", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func percentEscapedToolNamesAreFound() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/tools/Zoom%20Web", method: .get) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)["id"] as? String == "zoom")
            }
        }
    }

    @Test(arguments: [
        (#"{"tool": "cned", "use": {"participants": -3}}"#, "participants"),
        (#"{"tool": "cned", "use": {"participants": 2.5}}"#, "expected a string, an integer"),
        (#"{"tool": "cned", "use": []}"#, "expected an object"),
    ])
    func badFactValuesAre422WithAPlainMessage(_ body: String, _ message: String) async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .unprocessableContent)
                let error = apiError(response.body)
                #expect(error.message.contains(message), "\(error.message)")
                #expect(!error.message.contains("Dictionary"))
            }
        }
    }

    @Test func malformedJSONListGivesLineAndColumn() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/lint", method: .post, headers: jsonHeaders, body: jsonBody("[\n  {\"tool\": zoom}\n]")) { response in
                #expect(response.status == .badRequest)
                let error = apiError(response.body)
                #expect(error.code == "malformed_json")
                #expect(error.details["line"] as? Int == 2)
            }
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        let services = makeServices(maxBodySize: 64)
        try await withRouter(services) { client in
            let body = #"{"tool": "zoom", "use": {"mode": "web", "computer": "pedagogical", "accounts": ["none"]}}"#
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .contentTooLarge)
                let error = apiError(response.body)
                #expect(error.code == "body_too_large")
                #expect(error.details["limit"] as? Int == 64)
            }
            try await client.execute(uri: "/v1/lint", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(string: String(repeating: "zoom;web\n", count: 20))) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test(arguments: [("/v1/check", "text/plain"), ("/v1/lint", "application/xml"), ("/v1/reply", "text/csv"), ("/", "application/json")])
    func wrongContentTypeIs415(_ path: String, _ type: String) async throws {
        try await withRouter { client in
            try await client.execute(uri: path, method: .post, headers: [.contentType: type], body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unsupportedMediaType)
                let error = apiError(response.body)
                #expect(error.code == "unsupported_media_type")
                #expect(error.details["received"] as? String == type)
            }
        }
    }

    @Test func missingContentTypeIs415() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/check", method: .post, body: jsonBody(#"{"tool": "zoom"}"#)) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func invalidFactsAre422NamingEachFactAndTheAllowedValues() async throws {
        try await withRouter { client in
            let body = #"{"tool": "zoom", "use": {"mode": "instal", "colour": "blue", "participants": "many"}}"#
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .unprocessableContent)
                let error = apiError(response.body)
                #expect(error.code == "invalid_facts")
                let errors = error.details["errors"] as? [[String: Any]] ?? []
                #expect(errors.map { $0["fact"] as? String } == ["colour", "mode", "participants"])
                let mode = errors[1]
                #expect(mode["allowed"] as? [String] == ["install", "web"])
                #expect(mode["hint"] as? String == "did you mean `install`?")
            }
        }
    }

    @Test(arguments: [
        (#"{"use": {}}"#, "missing field `tool`"),
        (#"{"tool": 3}"#, "`tool`"),
        (#"{"tool": "zoom", "mode": "web"}"#, "`mode`: unknown field"),
        (#"{"tool": "zoom", "date": "2026-13-45"}"#, "`date` takes YYYY-MM-DD"),
        (#"{"tool": "  "}"#, "`tool` is empty"),
    ])
    func wellFormedButInvalidBodyIs422(_ body: String, _ message: String) async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .unprocessableContent)
                let error = apiError(response.body)
                #expect(error.code == "invalid_request")
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }

    @Test func noPolicyLoadedIs503() async throws {
        let services = makeServices(path: "/nonexistent/rules")
        try await withRouter(services) { client in
            for (uri, method) in [("/readyz", HTTPRequest.Method.get), ("/v1/tools", .get), ("/v1/policy", .get), ("/", .get)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(apiError(response.body).code == "not_ready")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func clientRequestIdIsReusedWhenItIsAPlainToken() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/healthz", method: .get, headers: [.init("X-Request-Id")!: "nginx-42.a_b"]) { response in
                #expect(response.headers[.init("X-Request-Id")!] == "nginx-42.a_b")
            }
        }
    }

    /// Any other id is refused rather than replaced silently, with a server id and without
    /// echoing what was sent (it may hold a name).
    @Test(arguments: ["bad id\u{7}", "", "Mme Martin <martin@ac-rennes.fr>", String(repeating: "a", count: 65)])
    func anyOtherRequestIdIs400(_ given: String) async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/tools", method: .get, headers: [.init("X-Request-Id")!: given]) { response in
                #expect(response.status == .badRequest)
                let id = response.headers[.init("X-Request-Id")!] ?? ""
                #expect(!id.isEmpty && id != given)
                let body = String(buffer: response.body)
                #expect(body.contains(#""code":"invalid_request_id""#) && body.contains(#""hint":"#))
                #expect(given.isEmpty || !body.contains(given))
            }
        }
    }
}
