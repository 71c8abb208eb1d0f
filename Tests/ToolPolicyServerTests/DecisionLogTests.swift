import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
import ToolPolicyReports
@testable import ToolPolicyServer

/// `--decision-log`: one JSON line per decision, with what an audit needs and nothing about
/// who asked.
@Suite struct DecisionLogTests {
    private func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("decisions-\(UUID().uuidString).jsonl").path
    }

    private func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func everyDecisionIsOneLineWithItsRequestRulesAndDigest() async throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let services = makeServices(decisionLog: try DecisionLog(path: path))
        let digest = try #require(services.store.current?.policy.digest)
        try await withRouter(services) { client in
            let check = #"{"tool": "zoom", "use": {"mode": "install", "computer": "administrative"}, "date": "2026-03-02"}"#
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(check)) { response in
                #expect(response.status == .ok)
            }
            let list = #"[{"tool": "discord", "audience": "pupils"}, {"tool": "bbb-ent", "mode": "flying"}, {"tool": "nosuch"}]"#
            try await client.execute(uri: "/v1/lint", method: .post, headers: jsonHeaders, body: jsonBody(list)) { response in
                #expect(response.status == .ok)
            }
            let form = "tool=Zoom&use.mode=web&requester=Mme+Secret-Name&signature=Agent+Secret"
            try await client.execute(uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form)) { response in
                #expect(response.status == .ok)
            }
        }
        let entries = try lines(path)
        #expect(entries.map { $0["route"] as? String } == ["/v1/check", "/v1/lint", "/"])
        let first = entries[0]
        #expect(first["verdict"] as? String == "denied")
        #expect(first["digest"] as? String == digest)
        #expect((first["requestId"] as? String)?.isEmpty == false)
        #expect((first["time"] as? String)?.hasSuffix("Z") == true)
        let asked = first["request"] as? [String: Any] ?? [:]
        #expect(asked["tool"] as? String == "zoom")
        #expect((asked["use"] as? [String: Any])?["mode"] as? String == "install")
        #expect(asked["date"] as? String == "2026-03-02")
        let fired = first["rulesFired"] as? [String] ?? []
        #expect(fired.contains("rennes-no-install-on-school-computers"))
        #expect((first["decision"] as? [String: Any])?["verdict"] as? String == "denied")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("Secret"))
    }

    @Test func concurrentWritersNeverInterleaveLines() async throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try DecisionLog(path: path)
        let services = makeServices(decisionLog: log)
        let policy = try #require(services.store.current?.policy)
        let decision = policy.decide(try policy.request(tool: "zoom", facts: ["mode": .string("web")], today: .today()))
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask { log.record(decision, requestID: "r\(index)", route: "/v1/check") }
            }
        }
        let entries = try lines(path)
        #expect(entries.count == 200)
        #expect(Set(entries.compactMap { $0["requestId"] as? String }).count == 200)
    }

    @Test func linesAreWhatJSONEncoderWrites() throws {
        let policy = try #require(makeServices().store.current?.policy)
        let requests: [(String, [String: FactValue?])] = [
            ("zoom", ["mode": .string("install"), "computer": .string("administrative")]),
            ("teams", ["accounts": .string("pupils,staff"), "participants": .integer(31), "recorded": .bool(true)]),
            ("cned", [:]),
            ("outil \"inconnu\" / é", ["audience": .string("external")]),
        ]
        for (tool, facts) in requests {
            let decision = policy.decide(try policy.request(tool: tool, facts: facts, today: CivilDate(parsing: "2026-03-02")!))
            let entry = DecisionLogLine.Entry(
                time: "2026-03-02T08:00:00.000Z", requestId: "ticket/42", route: "/v1/check",
                request: .init(tool: decision.tool.query, use: decision.use, date: decision.date),
                verdict: decision.verdict, rulesFired: decision.rulesFired, digest: decision.policy.digest, decision: decision
            )
            let expected = try JSONOutput.encoder(pretty: false).encode(entry)
            #expect(entry.jsonBytes == Array(expected), "\(tool)")
        }
    }

    @Test func anUnwritablePathIsAnOpenError() {
        #expect(throws: DecisionLog.OpenError.self) { try DecisionLog(path: "/nonexistent/folder/decisions.jsonl") }
    }
}

extension DecisionLogTests {
    @Test func reopenFollowsALogMovedAway() throws {
        let path = temporaryFile()
        let moved = path + ".1"
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: moved) }
        let log = try DecisionLog(path: path)
        let policy = try #require(makeServices().store.current?.policy)
        let decision = policy.decide(try policy.request(tool: "zoom", today: .today()))
        log.record(decision, requestID: "before", route: "/v1/check")
        try FileManager.default.moveItem(atPath: path, toPath: moved)
        try log.reopen()
        log.record(decision, requestID: "after", route: "/v1/check")
        #expect(try lines(moved).map { $0["requestId"] as? String } == ["before"])
        #expect(try lines(path).map { $0["requestId"] as? String } == ["after"])
    }
}
