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
            let request = try policy.request(tool: "zoom", facts: ["mode": .string("web"), "accounts": .string("none")], today: .today())
            var fresh = policy.decide(request)
            fresh.waysToComply = policy.remedies(for: request)
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
                try JSONDecoder().decode(DecisionDocument.self, from: Data(response.body.readableBytesView)).policy.digest
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

    @Test func capacityBoundsTheBytesAndZeroTurnsItOff() throws {
        let policy = try #require(makeServices().store.current?.policy)
        let decision = policy.decide(try policy.request(tool: "zoom", today: .today()))
        let answer = AnswerCache.Answer(logLine: DecisionLogLine.Prepared(decision), verdict: decision.verdict, profile: policy.profileName)
        let capacity = 10 * answer.byteCount
        let cache = AnswerCache(capacity: capacity)
        for index in 0..<100 {
            cache.store(answer, for: .init(digest: "d", day: 1, body: [UInt8(index)]))
            #expect(cache.bytes <= capacity)
        }
        let kept = (0..<100).filter { cache.answer(for: .init(digest: "d", day: 1, body: [UInt8($0)])).answer != nil }
        #expect(kept.count <= 10 && kept.contains(99))
        let off = AnswerCache(capacity: 0)
        off.store(answer, for: .init(digest: "d", day: 1, body: [1]))
        #expect(off.answer(for: .init(digest: "d", day: 1, body: [1])).answer == nil)
    }

    @Test func keysAreDigestsNotBodies() {
        let body = [UInt8](repeating: 0x20, count: 1 << 20)
        let key = AnswerCache.Key(digest: "sha256:abc", day: 20_000, body: body)
        // The 32 bytes of the body's SHA-256, not the megabyte of the body.
        #expect(key.body.count == 32)
        #expect(key.body == SHA256.digest(body))
        #expect(key != AnswerCache.Key(digest: "sha256:abc", day: 20_000, body: body.dropLast() + [0x21]))
        #expect(key != AnswerCache.Key(digest: "sha256:abc", day: 20_001, body: body))
        #expect(key != AnswerCache.Key(digest: "sha256:abd", day: 20_000, body: body))
        #expect(key == AnswerCache.Key(digest: "sha256:abc", day: 20_000, body: body))
    }

    /// The attack of issue 8: distinct bodies padded with 1 MB of spaces. The cache keeps
    /// their answers (a few KB each), never the bodies, and stays under its byte capacity.
    @Test func paddedBodiesCostTheirAnswersNotTheirPadding() async throws {
        var options = ServerOptions()
        options.policyPath = shippedRules
        options.maxBodySize = 2 << 20
        options.answerCacheBytes = 256 << 10
        let store = PolicyStore(path: shippedRules, profile: nil)
        store.reload()
        let services = ServerServices(options: options, store: store, decisionLog: nil)
        let padding = String(repeating: " ", count: 1 << 20)
        try await withRouter(services) { client in
            for index in 0..<40 {
                let body = #"{"tool": "zoom", "use": {"participants": \#(index)}}"# + padding
                try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                    #expect(response.status == .ok)
                }
            }
        }
        #expect(services.answers.bytes > 0)
        #expect(services.answers.bytes <= 256 << 10)
    }
}
