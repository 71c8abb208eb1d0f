package import Hummingbird
package import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The request context of every route.
package typealias ServerRequestContext = BasicRequestContext

/// The server: the router over `services`, bound to the options' host and port, with the
/// connection limits of the options and the SIGHUP reloader running beside it.
package func buildApplication(services: ServerServices, logger: Logger) -> some ApplicationProtocol {
    let options = services.options
    let headerTimeout = TimeAmount.seconds(Int64(options.headerTimeout))
    var app = Application(
        router: buildRouter(services: services),
        server: .http1(configuration: .init(
            additionalChannelHandlers: [FlushBeforeCloseHandler(), HeaderTimeoutHandler(timeout: headerTimeout)],
            idleTimeout: .seconds(Int64(options.idleTimeout))
        )),
        configuration: .init(
            address: .hostname(options.host, port: options.port), serverName: "toolpolicy",
            availableConnectionsDelegate: ConnectionCounter(maximum: options.maxConnections, metrics: services.metrics)
        ),
        logger: logger
    )
    app.addServices(PolicyReloader(store: services.store, decisionLog: services.decisionLog, metrics: services.metrics, logger: logger))
    return app
}

/// Every route of ``APIRoute/all``, behind the request log and the JSON error envelope.
package func buildRouter(services: ServerServices) -> Router<ServerRequestContext> {
    let router = Router(context: ServerRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestLogMiddleware(metrics: services.metrics)
        APIErrorMiddleware(maxBodySize: services.options.maxBodySize)
    }
    HelpdeskController(services: services).add(to: router)
    HealthController(services: services).add(to: router)
    ContractController().add(to: router)
    router.addRoutes(CatalogController(services: services).endpoints, atPath: "/v1")
    router.addRoutes(DecisionController(services: services).endpoints, atPath: "/v1")
    return router
}

/// Builds the server and runs it until SIGTERM or SIGINT. Then it stops accepting
/// connections, lets the requests in flight finish for up to `--shutdown-grace` seconds,
/// cancels what is left, and returns.
///
/// - Throws: when the address cannot be bound.
package func runServer(services: ServerServices, logger: Logger) async throws {
    var configuration = ServiceGroupConfiguration(
        services: [.init(service: buildApplication(services: services, logger: logger))],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger
    )
    configuration.maximumGracefulShutdownDuration = .seconds(services.options.shutdownGrace)
    configuration.maximumCancellationDuration = .seconds(1)
    try await ServiceGroup(configuration: configuration).run()
}
