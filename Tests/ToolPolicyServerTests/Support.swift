import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing
import ToolPolicy
@testable import ToolPolicyServer

/// The repository's shipped `Rules/` folder, found from this file.
let shippedRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rules").path

/// Services over the shipped rules (or `path`), with the policy loaded.
func makeServices(
    path: String = shippedRules, profile: String? = nil, maxBodySize: Int = 1 << 20, decisionLog: DecisionLog? = nil,
    configure: (inout ServerOptions) -> Void = { _ in }
) -> ServerServices {
    var options = ServerOptions()
    options.policyPath = path
    options.profile = profile
    options.maxBodySize = maxBodySize
    configure(&options)
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

/// Runs `body` against the whole server (``buildApplication(services:logger:)``, with its
/// connection handlers and its connection cap) on a loopback port, given to `body`.
/// HummingbirdTesting's `.live` is not used: it drops the connection cap of the
/// configuration (`ApplicationConfiguration.with(address:)` leaves the delegate out).
func withLiveServer(_ services: ServerServices, _ body: @Sendable (Int) async throws -> Void) async throws {
    var logger = Logger(label: "toolpolicy-tests")
    logger.logLevel = .critical
    var options = services.options
    options.port = 20_000 + Int.random(in: 0..<5_000)
    let port = options.port
    let live = ServerServices(options: options, store: services.store, decisionLog: services.decisionLog, metrics: services.metrics)
    let group = ServiceGroup(configuration: .init(services: [buildApplication(services: live, logger: logger)], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var listening = false
        for _ in 0..<200 where !listening {
            if let probe = try? RawConnection(port: port) {
                probe.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                listening = await probe.read(waiting: 5).closed
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        do {
            try #require(listening, "the server did not listen on \(port)")
            try await Task.sleep(for: .milliseconds(100))
            try await body(port)
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
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
