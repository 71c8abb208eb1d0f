import CoreMetrics
import Prometheus
import Synchronization
import ToolPolicy

/// The server's metrics, through swift-metrics into a Prometheus registry of its own (not
/// the process-wide `MetricsSystem`, so that every server, a test's included, counts
/// alone). `GET /metrics` writes the registry in the Prometheus text format.
package struct ServerMetrics: Sendable {
    /// The registry `GET /metrics` writes.
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let openConnections: CoreMetrics.Gauge
    private let cacheBytes: CoreMetrics.Gauge
    private let cacheHits: CoreMetrics.Counter
    private let cacheMisses: CoreMetrics.Counter
    /// The decision counters made so far, by verdict and profile: made once each, since
    /// making one looks its labels up in the registry (`/v1/check` counts every answer).
    private let decisionCounters = DecisionCounters()

    private final class DecisionCounters: Sendable {
        struct Key: Hashable {
            var verdict: Verdict
            var profile: String
        }

        let made = Mutex<[Key: CoreMetrics.Counter]>([:])
    }

    /// The latency buckets, in seconds: 1 ms to 10 s.
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    /// Metrics in a fresh registry.
    package init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        self.factory = factory
        openConnections = CoreMetrics.Gauge(label: "toolpolicy_open_connections", factory: factory)
        cacheBytes = CoreMetrics.Gauge(label: "toolpolicy_answer_cache_bytes", factory: factory)
        openConnections.record(0)
        cacheBytes.record(0)
        for outcome in ["succeeded", "failed"] {
            CoreMetrics.Counter(label: "toolpolicy_reloads_total", dimensions: [("outcome", outcome)], factory: factory).increment(by: 0)
        }
        CoreMetrics.Counter(label: "toolpolicy_decision_log_write_failures_total", factory: factory).increment(by: 0)
        cacheHits = CoreMetrics.Counter(label: "toolpolicy_answer_cache_lookups_total", dimensions: [("outcome", "hit")], factory: factory)
        cacheMisses = CoreMetrics.Counter(label: "toolpolicy_answer_cache_lookups_total", dimensions: [("outcome", "miss")], factory: factory)
        cacheHits.increment(by: 0)
        cacheMisses.increment(by: 0)
    }

    /// One request answered: its route pattern, status and duration.
    func request(route: String, method: String, status: Int, duration: Duration) {
        let dimensions = [("route", route), ("method", method), ("status", String(status))]
        CoreMetrics.Counter(label: "toolpolicy_http_requests_total", dimensions: dimensions, factory: factory).increment()
        CoreMetrics.Timer(label: "toolpolicy_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// `count` decisions with `verdict` under `profile`.
    func decisions(_ verdict: Verdict, profile: String, count: Int = 1) {
        guard count > 0 else { return }
        let key = DecisionCounters.Key(verdict: verdict, profile: profile)
        let counter = decisionCounters.made.withLock { made in
            if let counter = made[key] { return counter }
            let counter = CoreMetrics.Counter(label: "toolpolicy_decisions_total", dimensions: [("verdict", verdict.rawValue), ("profile", profile)],
                                              factory: factory)
            made[key] = counter
            return counter
        }
        counter.increment(by: count)
    }

    /// A reload (SIGHUP) attempted.
    package func reload(succeeded: Bool) {
        CoreMetrics.Counter(label: "toolpolicy_reloads_total", dimensions: [("outcome", succeeded ? "succeeded" : "failed")], factory: factory).increment()
    }

    /// A decision-log line that could not be written.
    func decisionLogWriteFailed() {
        CoreMetrics.Counter(label: "toolpolicy_decision_log_write_failures_total", factory: factory).increment()
    }

    /// An answer-cache lookup, and the bytes the cache holds after it.
    func cacheLookup(hit: Bool, bytes: Int) {
        (hit ? cacheHits : cacheMisses).increment()
        cacheBytes.record(bytes)
    }

    /// The connections open now.
    func connections(_ count: Int) { openConnections.record(count) }

    /// The registry in the Prometheus text format.
    var text: String { registry.emitToString() }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
