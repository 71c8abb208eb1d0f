import Testing
@testable import ToolPolicy

/// The decision table answers exactly what the evaluator answers, for every combination of
/// the use facts it tables, and leaves to the evaluator the rows it cannot table.
@Suite struct DecisionTableTests {
    /// A policy with each effect, a require, sets, enums and bools; one rule reads an
    /// integer use fact for `alpha` only (its `max_participants` is known; `beta`'s is a
    /// gap), and, `withToday`, one reads `today` for every tool.
    private func policy(withToday: Bool) throws -> Policy {
        var rules = [
            TestPolicies.rule("f-install", "forbid when use.mode = install and tool.monetises"),
            TestPolicies.rule("r-computer", "require use.computer != personal when use.audience contains pupils"),
            TestPolicies.rule("p", "permit when use.a or not use.b"),
            TestPolicies.rule("rv", "review when use.accounts contains external and tool.web_client"),
            TestPolicies.rule("adv", "advise when use.participants > tool.max_participants"),
        ]
        if withToday { rules.append(TestPolicies.rule("f-late", "forbid when use.a and today > 2026-12-31")) }
        return try TestPolicies.compile(TestPolicies.miniBase + "\n" + rules.joined(separator: "\n"))
    }

    /// Every request over the tabled facts, for each catalog row and an unlisted tool,
    /// with `participants` unknown and then given.
    private func requests(_ policy: Policy) throws -> [UseRequest] {
        let handle = { (name: String) throws -> UseFactHandle in try #require(policy.useFact(name)) }
        let (a, b, mode, computer, accounts, audience, participants) = (
            try handle("a"), try handle("b"), try handle("mode"), try handle("computer"),
            try handle("accounts"), try handle("audience"), try handle("participants")
        )
        let bools: [FactValue?] = [nil, .bool(false), .bool(true)]
        let modes: [FactValue?] = [nil, .enumeration("install"), .enumeration("web")]
        let computers: [FactValue?] = [nil, .enumeration("administrative"), .enumeration("personal")]
        let sets: [FactValue?] = [nil, .set(["staff"]), .set(["pupils", "external"]), .set(["pupils", "staff", "external"])]
        var requests: [UseRequest] = []
        for tool in ["alpha", "beta", "Gamma"] {
            for (av, bv, mv, cv) in bools.flatMap({ x in bools.flatMap { y in modes.flatMap { m in computers.map { (x, y, m, $0) } } } }) {
                for (accountsValue, audienceValue, count) in sets.flatMap({ s in sets.flatMap { t in [nil, 25].map { (s, t, $0) } } }) {
                    var builder = policy.requestBuilder(today: TestPolicies.day)
                    builder.tool(named: tool)
                    for (fact, value) in [(a, av), (b, bv), (mode, mv), (computer, cv), (accounts, accountsValue), (audience, audienceValue)] {
                        if let value { try builder.set(fact, value) }
                    }
                    if let count { try builder.set(participants, .integer(Int64(count))) }
                    requests.append(builder.request)
                }
            }
        }
        return requests
    }

    @Test func theTableAgreesWithTheEvaluatorOnEveryCombination() throws {
        for withToday in [false, true] {
            let policy = try policy(withToday: withToday)
            let tables = policy.storage.tables
            let rows = tables.decisionTable.rowStarts
            // alpha reads `participants` (an integer): the evaluator decides it. beta and an
            // unlisted tool read only tabled facts, unless a rule reads `today`.
            #expect(rows[0] < 0)
            #expect((rows[1] >= 0) == !withToday && (rows[2] >= 0) == !withToday, "today: \(withToday)")
            var tabled = EvaluationTrace(for: policy)
            var evaluated = EvaluationTrace(for: policy)
            for request in try requests(policy) {
                let verdict = policy.verdict(for: request, trace: &tabled)
                let row = request.tool < 0 ? tables.unlistedRow : Int(request.tool)
                let expected = request.slots.withUnsafeBufferPointer {
                    tables.evaluate($0, row: row, today: request.today.days, trace: &evaluated)
                }
                #expect(verdict == expected && tabled == evaluated, "\(request.toolQuery) \(policy.givenFacts(of: request))")
            }
        }
    }

    /// A policy of more than 64 rules is not tabled: the entries hold one word of truths.
    @Test func aPolicyOfMoreThan64RulesIsLeftToTheEvaluator() throws {
        let rules = (0 ..< 65).map { TestPolicies.rule("p\($0)", "permit when use.a") }
        let policy = try TestPolicies.compile(TestPolicies.miniBase + "\n" + rules.joined(separator: "\n"))
        #expect(policy.storage.tables.decisionTable.rowStarts.allSatisfy { $0 < 0 })
        #expect(try TestPolicies.decide(policy, "beta", ["a": "true"]).verdict == .allowed)
    }
}
