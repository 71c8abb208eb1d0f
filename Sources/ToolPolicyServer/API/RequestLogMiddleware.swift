import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives each request an id (the client's `X-Request-Id`, else a new one), returns it in
/// `X-Request-Id`, and logs one line per request: method, route, status and duration, which
/// also go to the metrics. Never the body, the query or any header that could hold personal
/// data. A client's `X-Request-Id` that is not a plain token gets 400 `invalid_request_id`
/// under a new id, rather than being replaced silently.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where requests are counted.
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var refused: APIError?
        if let given = request.headers[.requestID] {
            if Self.isPlainToken(given) {
                context.logger[metadataKey: "hb.request.id"] = .string(given)
            } else {
                refused = .invalidRequestID(given)
            }
        }
        let started = ContinuousClock.now
        var response = if let refused {
            try refused.response(from: request, context: context)
        } else {
            try await next(request, context)
        }
        response.headers[.requestID] = context.id
        let elapsed = ContinuousClock.now - started
        let route = context.endpointPath ?? "-"
        metrics.request(route: route, method: request.method.rawValue, status: Int(response.status.code), duration: elapsed)
        context.logger.info("request", metadata: [
            "http.method": .string(request.method.rawValue),
            "http.route": .string(route),
            "http.status": .stringConvertible(response.status.code),
            "duration_ms": .string(elapsed.millisecondsText),
        ])
        return response
    }

    /// 1 to 64 characters from `A-Za-z0-9._-`: safe to log and echo.
    static func isPlainToken(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x2E || byte == 0x5F
        }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
