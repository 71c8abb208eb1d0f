import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
import ToolPolicyReports
@testable import ToolPolicyServer

/// The answer cache gives the same bytes as a fresh decision, follows reloads, and stays
/// within its capacity.
@Suite struct AnswerCacheTests {
    @Test func aRepeatedBodyGetsTheSameAnswerAndIsLogged() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let services = makeServices(decisionLog: try DecisionLog(path: path))
        let body = #"{"tool": "zoom", "use": {"mode": "web", "accounts": ["none"]}}"#
        try await withRouter(services) { client in
            var answers: [String] = []
            for _ in 0..<3 {
                try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                    #expect(response.status == .ok)
                    answers.append(String(buffer: response.body))
                }
            }
            #expect(Set(answers).count == 1)
            let policy = try #require(services.store.current?.policy)
            let fresh = policy.decide(try policy.request(tool: "zoom", facts: ["mode": .string("web"), "accounts": .string("none")], today: .today()))
            #expect(answers[0] == String(decoding: fresh.jsonBytes, as: UTF8.self))
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
    }

    @Test func aReloadIsANewKey() async throws {
        let rules = try ReloadTests.RulesCopy()
        let services = makeServices(path: rules.url.path)
        let body = #"{"tool": "discord"}"#
        @Sendable func digest(_ client: some TestClientProtocol) async throws -> String {
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                try JSONDecoder().decode(Decision.self, from: Data(response.body.readableBytesView)).policy.digest
            }
        }
        try await withRouter(services) { client in
            let before = try await digest(client)
            try rules.append("\n# changed\n", to: "rennes.rules")
            #expect(services.store.reload().succeeded)
            let after = try await digest(client)
            #expect(before != after)
            #expect(after == services.store.current?.policy.digest)
        }
    }

    @Test func capacityBoundsTheEntriesAndZeroTurnsItOff() throws {
        let policy = try #require(makeServices().store.current?.policy)
        let decision = policy.decide(try policy.request(tool: "zoom", today: .today()))
        let cache = AnswerCache(capacity: 4)
        for index in 0..<10 {
            cache.store(.init(decision: decision, json: [UInt8(index)]), for: .init(digest: "d", day: 1, body: [UInt8(index)]))
        }
        let kept = (0..<10).filter { cache.answer(for: .init(digest: "d", day: 1, body: [UInt8($0)])) != nil }
        #expect(kept.count <= 4 && kept.contains(9))
        let off = AnswerCache(capacity: 0)
        off.store(.init(decision: decision, json: [1]), for: .init(digest: "d", day: 1, body: [1]))
        #expect(off.answer(for: .init(digest: "d", day: 1, body: [1])) == nil)
    }
}
