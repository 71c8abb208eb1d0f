import Testing
@testable import ToolPolicy

/// A policy past the inline capacities (128 rules in a trace, 12 use facts in a request)
/// is evaluated exactly like a small one: the overflow storage is used, not truncated.
@Suite struct LargePolicyTests {
    static let factCount = 14
    static let ruleCount = 150

    /// `use.f0` … `use.f13`, and rules: rule i < 140 forbids when `use.f(i % 14)` and
    /// `use.f((i + 1) % 14)` both hold; the last ten permit when `use.f(i % 14)` holds.
    static func source() -> String {
        var text = "policy \"large\"\n\n"
        for fact in 0 ..< factCount { text += "use fact f\(fact): bool \"F\(fact)\"\n" }
        text += "\ntool alpha \"Alpha\"\n\n"
        for rule in 0 ..< ruleCount {
            let effect = rule < 140
                ? "forbid when use.f\(rule % factCount) and use.f\((rule + 1) % factCount)"
                : "permit when use.f\(rule % factCount)"
            text += "rule \"r\(rule)\"\n  \(effect)\n  says fr \"R\(rule)\"\n  cites \"doc.txt\" section \"S\"\n\n"
        }
        return text
    }

    @Test(arguments: [[], [13], [0, 13], [12, 13], [5, 6], [9]])
    func everyRuleAndFactPastTheInlineStorageCounts(_ trueFacts: Set<Int>) throws {
        let policy = try TestPolicies.compile(Self.source())
        #expect(policy.rules.count == Self.ruleCount && policy.useFacts.count == Self.factCount)
        var builder = policy.requestBuilder(today: TestPolicies.day)
        builder.tool(named: "alpha")
        for fact in 0 ..< Self.factCount {
            try builder.set(try #require(policy.useFact("f\(fact)")), .bool(trueFacts.contains(fact)))
        }
        var trace = EvaluationTrace(for: policy)
        let verdict = policy.verdict(for: builder.request, trace: &trace)
        var forbids: [Int] = []
        var permits: [Int] = []
        for rule in 0 ..< Self.ruleCount {
            let holds = rule < 140
                ? trueFacts.contains(rule % Self.factCount) && trueFacts.contains((rule + 1) % Self.factCount)
                : trueFacts.contains(rule % Self.factCount)
            #expect(trace.conditions[rule] == (holds ? .true : .false), "rule r\(rule)")
            if holds { rule < 140 ? forbids.append(rule) : permits.append(rule) }
        }
        let expected: Verdict = !forbids.isEmpty ? .denied : permits.isEmpty ? .denied : .allowed
        #expect(verdict == expected)
        #expect(policy.decide(builder.request).verdict == expected)
        #expect(policy.decide(builder.request).reasons.map(\.rule) == (forbids.isEmpty ? (permits.isEmpty ? ["no-permit"] : permits.map { "r\($0)" }) : forbids.map { "r\($0)" }))
        // The same trace reused for another request forgets the first one's truths.
        builder.reset()
        builder.tool(named: "alpha")
        _ = policy.verdict(for: builder.request, trace: &trace)
        #expect(trace.conditions.allSatisfy { $0 != .true })
    }

    /// Unknown facts past the inline storage make their rules unknown.
    @Test func unknownFactsPastTheInlineStorage() throws {
        let policy = try TestPolicies.compile(Self.source())
        var builder = policy.requestBuilder(today: TestPolicies.day)
        builder.tool(named: "alpha")
        try builder.set(try #require(policy.useFact("f13")), .bool(true))
        var trace = EvaluationTrace(for: policy)
        #expect(policy.verdict(for: builder.request, trace: &trace) == .conditional)
        #expect(trace.conditions[139] == .unknown)  // f13 and f0: f0 unknown
        #expect(trace.conditions[149] == .unknown)  // f9 unknown
        #expect(policy.decide(builder.request).unknownFacts.contains("use.f0"))
    }
}
