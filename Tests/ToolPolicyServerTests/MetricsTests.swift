import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ToolPolicyServer

/// `GET /metrics`: the Prometheus text format, with what the requests, decisions, reloads,
/// the decision log, the cache and the connections did.
@Suite struct MetricsTests {
    /// The value of the sample `name{labels}` (labels as written), if present.
    private func sample(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test func requestsDecisionsCacheAndReloadsAreCounted() async throws {
        let services = makeServices()
        try await withRouter(services) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders,
                                         body: jsonBody(#"{"tool": "zoom", "use": {"mode": "install", "computer": "administrative"}}"#)) { _ in }
            }
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody("{")) { _ in }
            services.metrics.reload(succeeded: false)
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                let text = String(buffer: response.body)
                #expect(sample(text, #"toolpolicy_http_requests_total{route="/v1/check",method="POST",status="200"}"#) == 3, "\(text)")
                #expect(sample(text, #"toolpolicy_http_requests_total{route="/v1/check",method="POST",status="400"}"#) == 1)
                #expect(sample(text, #"toolpolicy_decisions_total{verdict="denied",profile="rennes"}"#) == 3)
                #expect(sample(text, #"toolpolicy_answer_cache_lookups_total{outcome="hit"}"#) == 2)
                #expect(sample(text, #"toolpolicy_answer_cache_lookups_total{outcome="miss"}"#) == 1)
                #expect((sample(text, "toolpolicy_answer_cache_bytes") ?? 0) > 1_000)
                #expect(sample(text, #"toolpolicy_reloads_total{outcome="failed"}"#) == 1)
                #expect(sample(text, #"toolpolicy_reloads_total{outcome="succeeded"}"#) == 0)
                #expect(sample(text, "toolpolicy_decision_log_write_failures_total") == 0)
                #expect(sample(text, #"toolpolicy_http_request_duration_seconds_count{route="/v1/check"}"#) == 4)
                #expect(text.contains("# TYPE toolpolicy_http_request_duration_seconds histogram"))
            }
        }
    }

    @Test func openConnectionsAreAGauge() async throws {
        let services = makeServices()
        try await withLiveServer(services) { port in
            let held = try RawConnection(port: port)
            held.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = await held.read(waiting: 1)
            let asking = try RawConnection(port: port)
            asking.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let text = await asking.read(waiting: 5).text
            #expect(sample(text, "toolpolicy_open_connections") == 2, "\(text)")
        }
    }
}
