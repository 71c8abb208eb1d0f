import Testing
@testable import ToolPolicy

/// Three-valued logic (§4): the `Truth` operators, and the same laws through compiled conditions.
@Suite struct KleeneLogicTests {
    // Kleene's strong tables, written out as the spec states them.
    static let conjunction: [(Truth, Truth, Truth)] = [
        (.true, .true, .true), (.true, .false, .false), (.true, .unknown, .unknown),
        (.false, .true, .false), (.false, .false, .false), (.false, .unknown, .false),
        (.unknown, .true, .unknown), (.unknown, .false, .false), (.unknown, .unknown, .unknown),
    ]
    static let disjunction: [(Truth, Truth, Truth)] = [
        (.true, .true, .true), (.true, .false, .true), (.true, .unknown, .true),
        (.false, .true, .true), (.false, .false, .false), (.false, .unknown, .unknown),
        (.unknown, .true, .true), (.unknown, .false, .unknown), (.unknown, .unknown, .unknown),
    ]

    @Test(arguments: conjunction)
    func andFollowsKleene(lhs: Truth, rhs: Truth, expected: Truth) {
        #expect((lhs && rhs) == expected)
    }

    @Test(arguments: disjunction)
    func orFollowsKleene(lhs: Truth, rhs: Truth, expected: Truth) {
        #expect((lhs || rhs) == expected)
    }

    @Test(arguments: [(Truth.true, Truth.false), (.false, .true), (.unknown, .unknown)])
    func notKeepsUnknown(value: Truth, expected: Truth) {
        #expect(!value == expected)
    }

    // MARK: Through compiled conditions

    /// The truth of `condition` for a request, read from the evaluation trace of a probe rule.
    static func truth(of condition: String, _ facts: [String: String], tool: String = "alpha") throws -> Truth {
        let policy = try TestPolicies.compile(TestPolicies.mini(TestPolicies.rule("probe", "advise when " + condition)))
        let request = try policy.request(tool: tool, facts: facts.mapValues { FactValue.string($0) }, today: TestPolicies.day)
        var trace = EvaluationTrace(for: policy)
        _ = policy.verdict(for: request, trace: &trace)
        let index = try #require(policy.rules.firstIndex { $0.id == "probe" })
        return trace.conditions[index]
    }

    /// `use.a`, `use.b` given as true/false, or left out for unknown.
    static func facts(_ a: Truth, _ b: Truth) -> [String: String] {
        var facts: [String: String] = [:]
        if a != .unknown { facts["a"] = a == .true ? "true" : "false" }
        if b != .unknown { facts["b"] = b == .true ? "true" : "false" }
        return facts
    }

    @Test(arguments: conjunction)
    func compiledAndFollowsKleene(a: Truth, b: Truth, expected: Truth) throws {
        #expect(try Self.truth(of: "use.a and use.b", Self.facts(a, b)) == expected)
    }

    @Test(arguments: disjunction)
    func compiledOrFollowsKleene(a: Truth, b: Truth, expected: Truth) throws {
        #expect(try Self.truth(of: "use.a or use.b", Self.facts(a, b)) == expected)
    }

    @Test(arguments: [(Truth.true, Truth.false), (.false, .true), (.unknown, .unknown)])
    func compiledNotKeepsUnknown(a: Truth, expected: Truth) throws {
        #expect(try Self.truth(of: "not use.a", Self.facts(a, .unknown)) == expected)
    }

    @Test func falseAndUnknownDoesNotBlock() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(
            TestPolicies.rule("f", "forbid when use.a and use.b"),
            TestPolicies.rule("p", "permit when true")
        ))
        let decision = try TestPolicies.decide(policy, "alpha", ["a": "false"])
        #expect(decision.verdict == .allowed)
        #expect(decision.conditions.isEmpty)
        #expect(decision.unknownFacts.isEmpty)
    }

    @Test func trueOrUnknownPermits() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(TestPolicies.rule("p", "permit when use.a or use.b")))
        #expect(try TestPolicies.decide(policy, "alpha", ["a": "true"]).verdict == .allowed)
        #expect(try TestPolicies.decide(policy, "alpha", ["a": "false"]).verdict == .conditional)
        #expect(try TestPolicies.decide(policy, "alpha", ["a": "false", "b": "false"]).verdict == .denied)
    }

    @Test func notUnknownLeavesTheForbidOpen() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(
            TestPolicies.rule("f", "forbid when not use.c"),
            TestPolicies.rule("p", "permit when true")
        ))
        let open = try TestPolicies.decide(policy, "alpha")
        #expect(open.verdict == .conditional)
        #expect(open.conditions.map { "\($0.rule):\($0.status)" } == ["f:unknown"])
        #expect(open.unknownFacts == ["use.c"])
        #expect(try TestPolicies.decide(policy, "alpha", ["c": "true"]).verdict == .allowed)
        #expect(try TestPolicies.decide(policy, "alpha", ["c": "false"]).verdict == .denied)
    }

    /// Issue 9, pattern 1: an unknown tool fact is the catalog's gap, never the requester's
    /// condition: a test on it folds to the value that keeps the rule from acting, under
    /// `not` too, while an unknown use fact stays unknown.
    @Test func anUnknownToolFactIsACatalogGapNotACondition() throws {
        // beta states nothing about its web client; alpha says it has one.
        #expect(try Self.truth(of: "tool.web_client", [:], tool: "beta") == .false)
        #expect(try Self.truth(of: "not tool.web_client", [:], tool: "beta") == .false)
        #expect(try Self.truth(of: "tool.web_client or use.a", [:], tool: "beta") == .unknown)
        #expect(try Self.truth(of: "tool.web_client", [:], tool: "alpha") == .true)
        #expect(try Self.truth(of: "not tool.web_client", [:], tool: "alpha") == .false)
        // A tool nobody listed knows no fact at all.
        #expect(try Self.truth(of: "tool.monetises", [:], tool: "gamma") == .false)
    }
}
