import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `toolpolicy serve` as a process: real signals (SIGHUP reloads, SIGTERM stops cleanly)
/// and the documented exit codes.
@Suite(.serialized) struct ServeTests {
    /// A server process on a loopback port, stopped at the end.
    final class Server {
        let process = Process()
        let port: Int
        let output: URL

        init(_ arguments: [String], port: Int) throws {
            guard let binary = CLI.binary else { throw CLI.MissingBinary() }
            self.port = port
            output = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            process.executableURL = binary
            process.arguments = ["serve", "--port", String(port)] + arguments
            process.currentDirectoryURL = CLI.packageRoot
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        deinit {
            if process.isRunning { process.terminate(); process.waitUntilExit() }
            try? FileManager.default.removeItem(at: output)
        }

        var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

        /// GET or POST on the server; `nil` when it does not answer.
        func request(_ path: String, body: String? = nil, headers: [String: String] = [:]) async -> (status: Int, body: [String: Any])? {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.timeoutInterval = 2
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            if let body {
                request.httpMethod = "POST"
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                request.httpBody = Data(body.utf8)
            }
            guard let (data, response) = try? await URLSession.shared.data(for: request),
                  let http = response as? HTTPURLResponse else { return nil }
            return (http.statusCode, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
        }

        /// Waits until `/readyz` answers 200.
        func waitUntilReady() async throws {
            for _ in 0..<150 {
                if await request("/readyz")?.status == 200 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("the server did not become ready:\n\(log)")
        }

        /// Waits until `/v1/policy` satisfies `condition`.
        func waitForPolicy(_ condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
            for _ in 0..<100 {
                if let policy = await request("/v1/policy")?.body, condition(policy) { return policy }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("the policy never reached the expected state:\n\(log)")
            return [:]
        }

        func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

        func waitForExit() async throws -> Int32 {
            for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
            #expect(!process.isRunning, "the server did not stop:\n\(log)")
            return process.terminationStatus
        }
    }

    private static func freePort() -> Int { 19_000 + Int.random(in: 0..<900) }

    @Test func sighupReloadsAndSigtermStopsCleanly() async throws {
        let rules = try TemporaryFolder()
        let copy = rules.url.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLI.rules), to: copy)
        let server = try Server(["--policy", copy.path], port: Self.freePort())
        try await server.waitUntilReady()
        let first = await server.request("/v1/policy")?.body["digest"] as? String
        #expect(first?.hasPrefix("sha256:") == true)

        let rennes = copy.appendingPathComponent("rennes.rules")
        let original = try String(contentsOf: rennes, encoding: .utf8)
        try (original + "\n# reloaded\n").write(to: rennes, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        let reloaded = try await server.waitForPolicy { ($0["digest"] as? String).map { $0 != first } ?? false }
        let second = reloaded["digest"] as? String

        try (original + "\nrule broken:\n  forbid when use.nosuch = true\n").write(to: rennes, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        let failed = try await server.waitForPolicy { (($0["lastReload"] as? [String: Any])?["succeeded"] as? Bool) == false }
        #expect(failed["digest"] as? String == second)
        let check = await server.request("/v1/check", body: #"{"tool": "zoom"}"#)
        #expect(check?.status == 200)
        #expect(server.log.contains("policy reload failed"))

        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }

    @Test func jsonLogsAreOneObjectPerLineWithTheRequestIdAndNoBody() async throws {
        let server = try Server(["--policy", CLI.rules, "--log-format", "json"], port: Self.freePort())
        try await server.waitUntilReady()
        _ = await server.request("/v1/check", body: #"{"tool": "zoom", "use": {"mode": "web"}, "requester": "Mme Secret"}"#)
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        let lines = server.log.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        #expect(!lines.isEmpty && lines.allSatisfy { $0 != nil }, "\(server.log)")
        let request = lines.compactMap { $0 }.first { $0["http.route"] as? String == "/v1/check" }
        #expect(request?["http.status"] as? String == "200")
        #expect((request?["hb.request.id"] as? String)?.isEmpty == false)
        #expect(!server.log.contains("Secret") && !server.log.contains("zoom"))
        #expect((request?["time"] as? String)?.wholeMatch(of: Self.utcMillis) != nil, "\(request ?? [:])")
    }

    @Test func textLogsAreOneLinePerRequestWithTimeLevelAndSortedFields() async throws {
        let server = try Server(["--policy", CLI.rules], port: Self.freePort())
        try await server.waitUntilReady()
        _ = await server.request("/v1/check", body: #"{"tool": "zoom", "requester": "Mme Secret"}"#, headers: ["X-Request-Id": "ticket-42"])
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        let line = server.log.split(separator: "\n").first { $0.contains("http.route=/v1/check") }
        let expected = #/(?<time>\S+) info toolpolicy: duration_ms=\d+\.\d{3} hb.request.id=ticket-42 http.method=POST http.route=/v1/check http.status=200 \[ToolPolicyServer\] request/#
        let match = line.flatMap { try? expected.wholeMatch(in: $0) }
        #expect(match != nil, "\(server.log)")
        #expect(match.map { String($0.time).wholeMatch(of: Self.utcMillis) != nil } == true)
        #expect(!server.log.contains("Secret") && !server.log.contains("zoom"))
    }

    /// `2026-11-23T16:54:57.437Z`.
    private static var utcMillis: Regex<Substring> { #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/# }

    @Test func brokenRulesAtStartExit65WithDiagnostics() async throws {
        let rules = try TemporaryFolder()
        try rules.write("bad.rules", Data("policy \"x\"\nrule broken:\n  forbid when use.nosuch = true\n".utf8))
        let server = try Server(["--policy", rules.url.path], port: Self.freePort())
        #expect(try await server.waitForExit() == 65)
        #expect(server.log.contains("bad.rules:"))
    }

    @Test func unwritableDecisionLogExits69() async throws {
        let server = try Server(["--policy", CLI.rules, "--decision-log", "/nonexistent/folder/d.jsonl"], port: Self.freePort())
        #expect(try await server.waitForExit() == 69)
        #expect(server.log.contains("cannot open decision log"))
    }

    @Test func aPortInUseExits69() async throws {
        let port = Self.freePort()
        let first = try Server(["--policy", CLI.rules], port: port)
        try await first.waitUntilReady()
        let second = try Server(["--policy", CLI.rules], port: port)
        #expect(try await second.waitForExit() == 69)
        #expect(second.log.contains("cannot serve on 127.0.0.1:\(port)"))
    }
}

/// Issue 8 on the real binary: a drain that finishes, a grace that ends, and the memory a
/// 50,000-row list costs.
extension ServeTests {
    /// `curl` posting `body` as CSV to `/v1/lint?decisions=true` (every row with its whole
    /// decision, so the report is large), reading at most `rate` bytes per second
    /// into `output`; its exit status says whether the body arrived whole (18: cut short).
    final class SlowClient {
        let process = Process()
        let output: URL
        private let input: URL

        init(port: Int, csv: String, rate: String) throws {
            input = FileManager.default.temporaryDirectory.appendingPathComponent("list-\(UUID().uuidString).csv")
            output = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).json")
            try Data(csv.utf8).write(to: input)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = ["-s", "--limit-rate", rate, "-o", output.path, "-H", "Content-Type: text/csv",
                                 "--data-binary", "@" + input.path, "http://127.0.0.1:\(port)/v1/lint?decisions=true"]
            try process.run()
        }

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }

        /// Waits until the first bytes of the answer have arrived.
        func waitForFirstBytes() async throws {
            for _ in 0..<300 {
                if let size = try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int, size > 0 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("no byte of the answer arrived")
        }

        func waitForExit() async throws -> Int32 {
            for _ in 0..<3_000 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
            return process.isRunning ? -1 : process.terminationStatus
        }
    }

    private static var hasCurl: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") }

    /// `tool` then `zoom` × `rows`: about 7.7 KB of report per row, so that 2,000 rows
    /// (15 MB) are more than the kernel's socket buffers hold for a slow reader.
    private static func list(rows: Int) -> String { "tool\n" + String(repeating: "zoom\n", count: rows) }

    @Test(.enabled(if: hasCurl, "needs /usr/bin/curl")) func sigtermLetsAStreamedLintFinishWhole() async throws {
        let server = try Server(["--policy", CLI.rules, "--shutdown-grace", "60"], port: Self.freePort())
        try await server.waitUntilReady()
        let client = try SlowClient(port: server.port, csv: Self.list(rows: 2_000), rate: "4M")
        try await client.waitForFirstBytes()
        server.signal(SIGTERM)
        #expect(try await client.waitForExit() == 0, "the answer was cut short:\n\(server.log)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: client.output)) as? [String: Any]
        #expect((report?["results"] as? [Any])?.count == 2_000)
        #expect(try await server.waitForExit() == 0)
        #expect(await server.request("/healthz") == nil, "the server still answers after SIGTERM")
    }

    @Test(.enabled(if: hasCurl, "needs /usr/bin/curl")) func whenTheGraceIsOverTheServerExits0AndTheClientSeesACutBody() async throws {
        // 20,000 rows make about 130 MB of report: far more than the kernel's socket buffers
        // take in one second (with 2,000 rows, a loopback's buffers held it all and the
        // drain ended whole, so this test could not fail for the right reason).
        let server = try Server(["--policy", CLI.rules, "--shutdown-grace", "1", "--max-lint-rows", "20000"], port: Self.freePort())
        try await server.waitUntilReady()
        let client = try SlowClient(port: server.port, csv: Self.list(rows: 20_000), rate: "1M")
        try await client.waitForFirstBytes()
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        let status = try await client.waitForExit()
        #expect(status != 0, "curl took a cut body for a whole one")
    }

    /// The attacker's list: `tool` then 50,000 × `zoom` (250 KB), with the row limit raised to
    /// let it through. Before issue 8 the server grew to 840 MB; streamed, its peak resident
    /// memory stays under 150 MB and the decision log gets one short line.
    @Test(.enabled(if: hasCurl, "needs /usr/bin/curl")) func a50000RowListStaysUnder150MB() async throws {
        let folder = try TemporaryFolder()
        let log = folder.url.appendingPathComponent("decisions.jsonl")
        let server = try Server(["--policy", CLI.rules, "--max-lint-rows", "50000", "--decision-log", log.path], port: Self.freePort())
        try await server.waitUntilReady()
        let client = try SlowClient(port: server.port, csv: Self.list(rows: 50_000), rate: "10G")
        #expect(try await client.waitForExit() == 0)
        let size = try FileManager.default.attributesOfItem(atPath: client.output.path)[.size] as? Int ?? 0
        #expect(size > 100_000_000, "the report should be the whole 50,000 rows")
        let status = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/status", encoding: .utf8)
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? .max
        #expect(peak < 150 * 1024, "peak resident memory \(peak) kB")
        let logged = try Data(contentsOf: log)
        #expect(logged.count < 2_000 && logged.split(separator: 0x0A).count == 1)
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }
}
