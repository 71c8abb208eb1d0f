package import Hummingbird
package import Logging

/// The request context of every route.
package typealias ServerRequestContext = BasicRequestContext

/// The server: the router over `services`, bound to the options' host and port, with the
/// SIGHUP reloader running beside it. Runs until SIGTERM or SIGINT, then lets in-flight
/// requests finish.
package func buildApplication(services: ServerServices, logger: Logger) -> some ApplicationProtocol {
    var app = Application(
        router: buildRouter(services: services),
        configuration: .init(address: .hostname(services.options.host, port: services.options.port), serverName: "toolpolicy"),
        logger: logger
    )
    app.addServices(PolicyReloader(store: services.store, decisionLog: services.decisionLog, logger: logger))
    return app
}

/// Every route of ``APIRoute/all``, behind the request log and the JSON error envelope.
package func buildRouter(services: ServerServices) -> Router<ServerRequestContext> {
    let router = Router(context: ServerRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestLogMiddleware()
        APIErrorMiddleware(maxBodySize: services.options.maxBodySize)
    }
    HelpdeskController(services: services).add(to: router)
    HealthController(services: services).add(to: router)
    router.addRoutes(CatalogController(services: services).endpoints, atPath: "/v1")
    router.addRoutes(DecisionController(services: services).endpoints, atPath: "/v1")
    return router
}

/// Builds the server and runs it until SIGTERM or SIGINT.
///
/// - Throws: when the address cannot be bound.
package func runServer(services: ServerServices, logger: Logger) async throws {
    try await buildApplication(services: services, logger: logger).runService()
}
