import Testing
@testable import ToolPolicy

/// A compiled `Policy` is an immutable `Sendable` value: many tasks may decide with it at once.
@Suite struct ConcurrencyTests {
    static let requests: [(String, [String: String])] = [
        ("zoom", [:]),
        ("zoom", ["mode": "web", "computer": "pedagogical", "accounts": "none", "audience": "external", "recorded": "false"]),
        ("zoom", ["mode": "install", "computer": "administrative"]),
        ("teams", ["mode": "web", "accounts": "pupils"]),
        ("skype", ["mode": "install", "computer": "pedagogical"]),
        ("cned", ["audience": "pupils", "waiting_room": "false", "recorded": "false", "mode": "web", "accounts": "staff"]),
        ("discord", ["audience": "pupils"]),
        ("bbb-visio-agents", ["recorded": "true", "audience": "pupils"]),
        ("Jitsi", [:]),
        ("renavisio", ["participants": "12"]),
    ]

    @Test func decisionsFromEightConcurrentTasksAreIdentical() async throws {
        let policy = try TestPolicies.shipped()
        let built = try Self.requests.map { tool, facts in
            try policy.request(tool: tool, facts: facts.mapValues { FactValue.string($0) }, today: TestPolicies.day)
        }
        let expected = built.map { policy.decide($0) }
        let results = await withTaskGroup(of: [Decision].self) { group in
            for task in 0..<8 {
                group.addTask {
                    // Each task walks the requests from a different start, many times over,
                    // and keeps its last round's decisions by request index.
                    var decisions = [Decision?](repeating: nil, count: built.count)
                    for round in 0..<50 {
                        for offset in built.indices {
                            let index = (offset + task + round) % built.count
                            decisions[index] = policy.decide(built[index])
                        }
                    }
                    return decisions.compactMap { $0 }
                }
            }
            var all: [[Decision]] = []
            for await decisions in group { all.append(decisions) }
            return all
        }
        #expect(results.count == 8)
        for decisions in results {
            #expect(decisions == expected)
        }
        // The answers are the varied ones the table expects, not one repeated answer.
        #expect(Set(expected.map(\.verdict)) == [.conditional, .allowed, .denied, .review])
    }

    @Test func aSharedTraceFreeFastPathAgreesAcrossTasks() async throws {
        let policy = try TestPolicies.shipped()
        let built = try Self.requests.map { tool, facts in
            try policy.request(tool: tool, facts: facts.mapValues { FactValue.string($0) }, today: TestPolicies.day)
        }
        let expected = built.map { policy.decide($0).verdict }
        let verdicts = await withTaskGroup(of: [Verdict].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var trace = EvaluationTrace(for: policy)
                    return built.map { policy.verdict(for: $0, trace: &trace) }
                }
            }
            var all: [[Verdict]] = []
            for await verdicts in group { all.append(verdicts) }
            return all
        }
        #expect(verdicts.count == 8)
        #expect(verdicts.allSatisfy { $0 == expected })
    }
}
