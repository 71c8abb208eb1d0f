import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
import ToolPolicyReports
@testable import ToolPolicyServer

/// `/v1/lint` cannot amplify: the rows are capped (`--max-lint-rows`), the report is
/// streamed in blocks, and a list leaves one decision-log line whatever its length.
@Suite struct LintLimitTests {
    @Test func theStreamedReportIsTheCLIsDocument() async throws {
        let services = makeServices()
        let policy = try #require(services.store.current?.policy)
        let csv = "tool;mode;computer\n" + (0..<1_500).map { ["zoom;web;pedagogical", "teams;install;administrative", "nosuch;web;", "bbb-ent;flying;"][$0 % 4] }.joined(separator: "\n") + "\n"
        let today = try #require(CivilDate(parsing: "2026-03-02"))
        var reporter = JSONLintReporter(context: LintContext(policy: policy, path: "list.csv", language: .fr), to: .memory)
        _ = LintPipeline.run(UseListLinter(policy: policy, today: today), input: .csv(Array(csv.utf8)), into: &reporter)
        let expected = reporter.output.take()
        #expect(expected.count > 1 << 17, "the document should span several streamed blocks")
        try await withRouter(services) { client in
            try await client.execute(uri: "/v1/lint?date=2026-03-02&name=list.csv", method: .post,
                                     headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView) == expected)
                #expect(response.headers[.lintSummary]?.hasPrefix("rows=1500 ") == true)
            }
        }
    }

    /// Rows name their rules by id, and the rules' words come once; `?decisions=true` puts
    /// each row's whole decision back; another value is refused, not ignored.
    @Test func rowsAreNormalisedUnlessDecisionsAreAskedFor() async throws {
        let services = makeServices()
        let csv = "tool;mode;computer\n" + String(repeating: "zoom;install;administrative\n", count: 50)
        try await withRouter(services) { client in
            var sizes: [Int] = []
            for query in ["", "&decisions=false", "&decisions=true"] {
                try await client.execute(uri: "/v1/lint?date=2026-03-02" + query, method: .post,
                                         headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)) { response in
                    #expect(response.status == .ok)
                    let report = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                    let rows = try #require(report["results"] as? [[String: Any]])
                    let rules = try #require(report["rules"] as? [String: Any])
                    #expect(rows.count == 50)
                    #expect(rows.allSatisfy { ($0["findings"] as? [String: String])?.keys.allSatisfy { rules[$0] != nil } == true })
                    #expect(rows.allSatisfy { ($0["decision"] != nil) == (query == "&decisions=true") }, "\(query)")
                    sizes.append(response.body.readableBytes)
                }
            }
            #expect(sizes[0] == sizes[1] && sizes[2] > 10 * sizes[0], "\(sizes)")
            try await client.execute(uri: "/v1/lint?decisions=yes", method: .post,
                                     headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .unprocessableContent)
                let error = apiError(response.body)
                #expect(error.code == "invalid_request" && error.details["path"] as? String == "decisions")
            }
        }
    }

    @Test func aListOverTheRowLimitIs413WholeAndLogsNothing() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let services = makeServices(decisionLog: try DecisionLog(path: path)) { $0.maxLintRows = 100 }
        try await withRouter(services) { client in
            let csv = "tool\n" + String(repeating: "zoom\n", count: 101)
            try await client.execute(uri: "/v1/lint", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .contentTooLarge)
                let error = apiError(response.body)
                #expect(error.code == "too_many_rows")
                #expect(error.details["limit"] as? Int == 100 && error.details["rows"] as? Int == 101)
            }
            let fits = "tool\n" + String(repeating: "zoom\n", count: 100)
            try await client.execute(uri: "/v1/lint", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(string: fits)) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func aListLeavesOneLogLineWithItsDecisionsGrouped() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let services = makeServices(decisionLog: try DecisionLog(path: path))
        let digest = try #require(services.store.current?.policy.digest)
        try await withRouter(services) { client in
            // Installing a tolerated tool on a school computer is denied (003, « SOLUTIONS TOLÉRÉES »).
            let csv = "tool;mode;computer\n" + String(repeating: "zoom;install;administrative\n", count: 1_000) + "bbb-ent;web;pedagogical\n"
            try await client.execute(uri: "/v1/lint?name=ecole.csv", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .ok)
            }
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(text.utf8.count < 2_000, "a 1,001-row list should leave a short line, not \(text.utf8.count) bytes")
        let line = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(line["route"] as? String == "/v1/lint" && line["list"] as? String == "ecole.csv" && line["digest"] as? String == digest)
        #expect((line["summary"] as? [String: Any])?["rows"] as? Int == 1_001)
        let groups = line["decisions"] as? [[String: Any]] ?? []
        #expect(groups.count == 2)
        #expect(groups.first?["tool"] as? String == "zoom" && groups.first?["count"] as? Int == 1_000)
        #expect(groups.first?["rows"] as? [Int] == Array(1...10))
        #expect(groups.first?["verdict"] as? String == "denied")
    }
}
