import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into the JSON error envelope: unknown paths into 404, a known path
/// asked with the wrong method into 405 with `Allow`, an oversized body into 413, anything
/// unexpected into 500 (logged with its request id; the client gets no internals).
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The body limit, to say it in the 413 answer.
    let maxBodySize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try apiError(for: error, request: request, context: context).response(from: request, context: context)
        }
    }

    private func apiError(for error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as any HTTPResponseError where error.status == .notFound:
            let allowed = APIRoute.methods(servedAt: request.uri.path)
            return allowed.isEmpty
                ? .routeNotFound(request.uri.path)
                : .methodNotAllowed(request.method.rawValue, path: request.uri.path, allowed: allowed)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return .bodyTooLarge(limit: maxBodySize)
        case let error as any HTTPResponseError:
            return APIError(error.status, code: "http_\(error.status.code)", message: error.status.reasonPhrase)
        default:
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return APIError(.internalServerError, code: "internal",
                            message: "internal error; the server log has the details under request id \(context.id)")
        }
    }
}
