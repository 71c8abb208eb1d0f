import Foundation
import ToolPolicy
import HTTPTypes
package import Hummingbird
import ToolPolicyReports

/// An error answered as `{"error": {"code", "message", "details"}}` with its HTTP status.
///
/// `code` is stable and meant for programs (`malformed_json`, `unknown_tool`); `message`
/// is for people; `details` says where and what is allowed.
package struct APIError: HTTPResponseError, Sendable {
    /// The HTTP status.
    package let status: HTTPResponse.Status
    /// The stable error code.
    package let code: String
    /// What went wrong, for a person.
    package let message: String
    /// Where it broke and what would be accepted.
    package let details: [String: JSONValue]
    /// Extra response headers (`Allow` for 405).
    package var headers: HTTPFields = [:]

    /// An error with its status, code, message and details.
    package init(_ status: HTTPResponse.Status, code: String, message: String, details: [String: JSONValue] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    private struct Envelope: Encodable {
        struct Body: Encodable {
            let code: String
            let message: String
            let details: [String: JSONValue]
        }
        let error: Body
    }

    /// The JSON body of the error.
    package var body: [UInt8] {
        let envelope = Envelope(error: .init(code: code, message: message, details: details))
        return Array((try? JSONOutput.encoder(pretty: false).encode(envelope)) ?? Data(#"{"error":{"code":"internal","message":"unencodable error","details":{}}}"#.utf8))
    }

    /// The error as an HTTP response.
    package func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension APIError {
    /// 404 for a path that no route serves.
    static func routeNotFound(_ path: String) -> APIError {
        APIError(.notFound, code: "not_found", message: "no route for \(path)",
                 details: ["path": .string(path), "hint": .string("the API is under /v1; see GET /openapi.yaml")])
    }

    /// 400 for an `X-Request-Id` that is not 1 to 64 characters from `A-Za-z0-9._-`.
    static func invalidRequestID(_ given: String) -> APIError {
        APIError(.badRequest, code: "invalid_request_id",
                 message: "X-Request-Id must be 1 to 64 characters from A-Za-z0-9._- (got \(given.utf8.count) bytes)",
                 details: ["path": .string("X-Request-Id"),
                           "hint": .string("send an id such as ticket-4711, or no X-Request-Id and the server makes one")])
    }

    /// 405 for a known path asked with another method.
    static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> APIError {
        var error = APIError(.methodNotAllowed, code: "method_not_allowed", message: "\(path) does not accept \(method)",
                             details: ["allowed": .strings(allowed)])
        error.headers[.allow] = allowed.joined(separator: ", ")
        return error
    }

    /// 413 for a body over the limit.
    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", message: "the request body is larger than \(limit) bytes",
                 details: ["limit": .integer(limit), "hint": .string("split the list, or start the server with a larger --max-body-size")])
    }

    /// 415 for a body in a type the route does not read.
    static func unsupportedMediaType(_ received: String?, accepted: [String]) -> APIError {
        APIError(.unsupportedMediaType, code: "unsupported_media_type",
                 message: "Content-Type \(received.map { "`\($0)`" } ?? "missing"): expected \(accepted.joined(separator: " or "))",
                 details: ["received": .string(received ?? ""), "accepted": .strings(accepted)])
    }

    /// 400 for a body that is not well-formed JSON, with the line and column where it broke.
    static func malformedJSON(_ error: JSONSyntaxError) -> APIError {
        APIError(.badRequest, code: "malformed_json", message: "malformed JSON at line \(error.line), column \(error.column): \(error.message)",
                 details: ["line": .integer(error.line), "column": .integer(error.column)])
    }

    /// 413 for a list with more rows than `--max-lint-rows`.
    static func tooManyRows(_ rows: Int, limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "too_many_rows",
                 message: "the list has \(rows) rows; the limit is \(limit) (--max-lint-rows)",
                 details: ["rows": .integer(rows), "limit": .integer(limit),
                           "hint": .string("split the list, or start the server with a larger --max-lint-rows")])
    }

    /// 503 when `--decision-log-required` is set and the decision could not be logged.
    static func decisionNotLogged(_ health: DecisionLog.Health) -> APIError {
        APIError(.serviceUnavailable, code: "decision_not_logged",
                 message: "the decision could not be written to the decision log, and this server answers only logged decisions",
                 details: ["reason": .string(health.lastFailure ?? "unknown"), "failed": .integer(health.failed),
                           "hint": .string("free space for \(health.path), or ask another server; GET /v1/policy shows the log's state")])
    }

    /// 503 while no policy has loaded.
    static var notReady: APIError {
        APIError(.serviceUnavailable, code: "not_ready", message: "no policy is loaded",
                 details: ["hint": .string("GET /v1/policy shows the diagnostics of the last load")])
    }
}
