import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ToolPolicy
@testable import ToolPolicyServer

/// The repository's shipped `Rules/` folder, found from this file.
let shippedRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rules").path

/// Services over the shipped rules (or `path`), with the policy loaded.
func makeServices(path: String = shippedRules, profile: String? = nil, maxBodySize: Int = 1 << 20, decisionLog: DecisionLog? = nil) -> ServerServices {
    var options = ServerOptions()
    options.policyPath = path
    options.profile = profile
    options.maxBodySize = maxBodySize
    let store = PolicyStore(path: path, profile: profile)
    store.reload()
    return ServerServices(options: options, store: store, decisionLog: decisionLog)
}

/// Runs `body` against the router, without a socket.
func withRouter(_ services: ServerServices = makeServices(), _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    var logger = Logger(label: "toolpolicy-tests")
    logger.logLevel = .critical
    let app = Application(router: buildRouter(services: services), logger: logger)
    try await app.test(.router, body)
}

/// The JSON object of a response body.
func jsonObject(_ buffer: ByteBuffer) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
}

/// The `error` member of an error response.
func apiError(_ buffer: ByteBuffer) -> (code: String, message: String, details: [String: Any]) {
    let error = jsonObject(buffer)["error"] as? [String: Any] ?? [:]
    return (error["code"] as? String ?? "", error["message"] as? String ?? "", error["details"] as? [String: Any] ?? [:])
}

/// A JSON request body.
func jsonBody(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// `Content-Type: application/json`.
let jsonHeaders: HTTPFields = [.contentType: "application/json"]
