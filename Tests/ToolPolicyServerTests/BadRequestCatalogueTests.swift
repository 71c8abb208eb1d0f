import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ToolPolicyServer

/// The HTTP part of the bad-input catalogue (issue 8): hostile and broken bodies and
/// headers, each with the status it gets and the error code and words that tell the client
/// what broke, where, and what to do.
@Suite struct BadRequestCatalogueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var uri = "/v1/check"
        var contentType: String? = "application/json"
        var body: [UInt8]
        var maxBodySize = 1 << 20
        var maxLintRows = 2_000
        var status: Int
        var code: String
        /// Words the error message (or, for a 200, the body) must hold.
        var fragment: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "oversized body", body: Array(#"{"tool": "zoom"}"#.utf8) + [UInt8](repeating: 0x20, count: 200), maxBodySize: 100,
             status: 413, code: "body_too_large", fragment: "larger than 100 bytes"),
        Case(name: "too many lint rows", uri: "/v1/lint", contentType: "text/csv", body: Array(("tool\n" + String(repeating: "zoom\n", count: 6)).utf8),
             maxLintRows: 5, status: 413, code: "too_many_rows", fragment: "the limit is 5 (--max-lint-rows)"),
        Case(name: "malformed JSON", body: Array(#"{"tool": "#.utf8), status: 400, code: "malformed_json", fragment: "line 1"),
        Case(name: "wrong content type", contentType: "text/plain", body: Array("zoom".utf8),
             status: 415, code: "unsupported_media_type", fragment: "expected application/json"),
        Case(name: "no content type", contentType: nil, body: Array(#"{"tool": "zoom"}"#.utf8),
             status: 415, code: "unsupported_media_type", fragment: "Content-Type missing"),
        Case(name: "deep JSON", body: Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8),
             status: 400, code: "malformed_json", fragment: "line 1"),
        Case(name: "non-UTF-8 body", body: Array(#"{"tool": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8),
             status: 400, code: "malformed_json", fragment: "UTF-8"),
        Case(name: "empty body", body: [], status: 400, code: "malformed_json", fragment: "line 1"),
        Case(name: "unknown tool in the catalog", uri: "/v1/tools/nosuch", contentType: nil, body: [],
             status: 404, code: "unknown_tool", fragment: "nosuch"),
        Case(name: "bad fact value", body: Array(#"{"tool": "zoom", "use": {"mode": "flying"}}"#.utf8),
             status: 422, code: "invalid_facts", fragment: "flying"),
        Case(name: "bad date", body: Array(#"{"tool": "zoom", "date": "2026-13-45"}"#.utf8),
             status: 422, code: "invalid_request", fragment: "YYYY-MM-DD"),
        Case(name: "bad lint date", uri: "/v1/lint?date=someday", body: Array("[]".utf8),
             status: 422, code: "invalid_request", fragment: "YYYY-MM-DD"),
        Case(name: "top-level array for a check", body: Array("[1]".utf8), status: 422, code: "invalid_request", fragment: "object"),
        Case(name: "unclosed CSV quote", uri: "/v1/lint", contentType: "text/csv", body: Array("tool\n\"zoom\n".utf8),
             status: 400, code: "malformed_csv", fragment: "never closed"),
        Case(name: "lint body not a list", uri: "/v1/lint", body: Array(#"{"tool": "zoom"}"#.utf8),
             status: 400, code: "malformed_json", fragment: "expected an array of uses"),
        Case(name: "unknown tool asked about is a decision, not an error", body: Array(#"{"tool": "nosuch-tool"}"#.utf8),
             status: 200, code: "", fragment: "nosuch-tool"),
        // One character off a listed name: a near miss, answered with the candidates, not a crash.
        Case(name: "NUL bytes in a tool name", body: Array(#"{"tool": "zo\u0000om"}"#.utf8), status: 422, code: "unknown_tool", fragment: "did you mean"),
    ]

    @Test(arguments: cases)
    func hostileInputGetsItsDocumentedStatusAndError(_ item: Case) async throws {
        let services = makeServices(maxBodySize: item.maxBodySize) { $0.maxLintRows = item.maxLintRows }
        try await withRouter(services) { client in
            var headers: HTTPFields = [:]
            if let type = item.contentType { headers[.contentType] = type }
            let method: HTTPRequest.Method = item.uri.hasPrefix("/v1/tools") ? .get : .post
            try await client.execute(uri: item.uri, method: method, headers: headers,
                                     body: item.body.isEmpty ? nil : ByteBuffer(bytes: item.body)) { response in
                #expect(Int(response.status.code) == item.status, "\(String(buffer: response.body).prefix(300))")
                if item.status == 200 {
                    #expect(String(buffer: response.body).contains(item.fragment))
                } else {
                    let error = apiError(response.body)
                    #expect(error.code == item.code)
                    #expect(error.message.contains(item.fragment), "\(error.message)")
                }
            }
        }
    }

    /// A head larger than the HTTP decoder's 80 KiB limit is refused before any route runs:
    /// 400, and the connection is closed.
    @Test func aHugeHeaderIs400AndClosesTheConnection() async throws {
        try await withLiveServer(makeServices()) { port in
            let connection = try RawConnection(port: port)
            connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: \(String(repeating: "a", count: 100_000))\r\n\r\n")
            let answer = await connection.read(waiting: 5)
            #expect(answer.text.hasPrefix("HTTP/1.1 400 Bad Request"), "\(answer.text.prefix(200))")
            #expect(answer.closed)
        }
    }
}
