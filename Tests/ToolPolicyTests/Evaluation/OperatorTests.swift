import Testing
@testable import ToolPolicy

/// One condition, one request, and the truth the condition must have.
struct OperatorCase: Sendable, CustomTestStringConvertible {
    var condition: String
    var facts: [String: String]
    var tool: String = "alpha"
    var today: CivilDate = TestPolicies.day
    var expected: Truth

    var testDescription: String { "\(condition) with \(facts.sorted { $0.key < $1.key }) on \(tool) → \(expected)" }
}

/// The operators of §3 on the mini catalog: alpha (web client, hosting "France",
/// max 10 participants, contract until 2026-08-31, reserved for pupils) and beta
/// (monetises its data, nothing else known).
@Suite struct OperatorTests {
    static let cases: [OperatorCase] = [
        // contains (a set fact contains one value)
        .init(condition: "use.audience contains pupils", facts: ["audience": "pupils,staff"], expected: .true),
        .init(condition: "use.audience contains pupils", facts: ["audience": "staff"], expected: .false),
        .init(condition: "use.audience contains pupils", facts: [:], expected: .unknown),
        .init(condition: "not use.audience contains pupils", facts: ["audience": "staff, external"], expected: .true),
        // contains any of
        .init(condition: "use.accounts contains any of {staff, pupils, external}", facts: ["accounts": "external"], expected: .true),
        .init(condition: "use.accounts contains any of {staff, pupils, external}", facts: ["accounts": "none"], expected: .false),
        .init(condition: "use.accounts contains any of {staff, pupils}", facts: [:], expected: .unknown),
        // contains all of
        .init(condition: "use.audience contains all of {pupils, staff}", facts: ["audience": "pupils,staff,external"], expected: .true),
        .init(condition: "use.audience contains all of {pupils, staff}", facts: ["audience": "pupils"], expected: .false),
        .init(condition: "use.audience contains all of {pupils, staff}", facts: ["audience": "staff,pupils"], expected: .true),
        // in / not in (one value among several)
        .init(condition: "use.computer in {administrative, pedagogical}", facts: ["computer": "pedagogical"], expected: .true),
        .init(condition: "use.computer in {administrative, pedagogical}", facts: ["computer": "personal"], expected: .false),
        .init(condition: "use.computer in {administrative, pedagogical}", facts: [:], expected: .unknown),
        .init(condition: "use.computer not in {administrative, pedagogical}", facts: ["computer": "personal"], expected: .true),
        .init(condition: "use.computer not in {administrative, pedagogical}", facts: ["computer": "administrative"], expected: .false),
        .init(condition: "use.computer not in {administrative, pedagogical}", facts: [:], expected: .unknown),
        // enum equality
        .init(condition: "use.mode = web", facts: ["mode": "web"], expected: .true),
        .init(condition: "use.mode = web", facts: ["mode": "install"], expected: .false),
        .init(condition: "use.mode != web", facts: ["mode": "install"], expected: .true),
        // set equality
        .init(condition: "use.accounts = {none}", facts: ["accounts": "none"], expected: .true),
        .init(condition: "use.accounts = {none}", facts: ["accounts": "none,staff"], expected: .false),
        .init(condition: "use.accounts = {none}", facts: ["accounts": "staff"], expected: .false),
        .init(condition: "use.accounts = {none}", facts: [:], expected: .unknown),
        .init(condition: "use.accounts != {none}", facts: ["accounts": "pupils"], expected: .true),
        .init(condition: "use.accounts = {staff, pupils}", facts: ["accounts": "pupils|staff"], expected: .true),
        .init(condition: "use.accounts = {}", facts: ["accounts": "staff"], expected: .false),
        .init(condition: "use.audience = tool.reserved_for", facts: ["audience": "pupils"], expected: .true),
        .init(condition: "use.audience = tool.reserved_for", facts: ["audience": "pupils,staff"], expected: .false),
        .init(condition: "tool.reserved_for contains pupils", facts: [:], expected: .true),
        // A tool fact the catalog leaves unknown is a catalog gap: the rule reads it as not acting.
        .init(condition: "tool.reserved_for contains pupils", facts: [:], tool: "beta", expected: .false),
        // integers
        .init(condition: "use.participants > tool.max_participants", facts: ["participants": "12"], expected: .true),
        .init(condition: "use.participants > tool.max_participants", facts: ["participants": "10"], expected: .false),
        .init(condition: "use.participants > tool.max_participants", facts: ["participants": "12"], tool: "beta", expected: .false),
        .init(condition: "use.participants <= 10", facts: ["participants": "10"], expected: .true),
        .init(condition: "use.participants <= 10", facts: ["participants": "11"], expected: .false),
        .init(condition: "use.participants < 10", facts: ["participants": "9"], expected: .true),
        .init(condition: "use.participants >= 10", facts: ["participants": "9"], expected: .false),
        .init(condition: "use.participants = 0", facts: ["participants": "0"], expected: .true),
        .init(condition: "use.participants != 3", facts: [:], expected: .unknown),
        // dates, with `today` from the request
        .init(condition: "tool.dpa_valid_until < today", facts: [:], today: CivilDate(year: 2026, month: 9, day: 1)!, expected: .true),
        .init(condition: "tool.dpa_valid_until < today", facts: [:], today: CivilDate(year: 2026, month: 8, day: 31)!, expected: .false),
        .init(condition: "tool.dpa_valid_until >= today", facts: [:], today: CivilDate(year: 2026, month: 8, day: 31)!, expected: .true),
        .init(condition: "tool.dpa_valid_until < today", facts: [:], tool: "beta", expected: .false),
        .init(condition: "today > 2026-08-31", facts: [:], today: CivilDate(year: 2027, month: 1, day: 1)!, expected: .true),
        .init(condition: "today > 2026-08-31", facts: [:], today: CivilDate(year: 2026, month: 8, day: 31)!, expected: .false),
        .init(condition: "tool.dpa_valid_until = 2026-08-31", facts: [:], expected: .true),
        .init(condition: "use.deadline > 2026-01-01", facts: ["deadline": "2026-01-02"], expected: .true),
        .init(condition: "use.deadline > 2026-01-01", facts: ["deadline": "2025-12-31"], expected: .false),
        .init(condition: "use.deadline <= today", facts: ["deadline": "2026-03-15"], expected: .true),
        // strings
        .init(condition: "tool.hosting = \"France\"", facts: [:], expected: .true),
        .init(condition: "tool.hosting != \"France\"", facts: [:], expected: .false),
        .init(condition: "tool.hosting = \"France\"", facts: [:], tool: "beta", expected: .false),
        .init(condition: "tool.hosting in {\"Allemagne\", \"France\"}", facts: [:], expected: .true),
        .init(condition: "tool.hosting in {\"Allemagne\", \"Suisse\"}", facts: [:], expected: .false),
        .init(condition: "use.country = \"France\"", facts: ["country": "France"], expected: .true),
        .init(condition: "use.country = \"France\"", facts: ["country": "Belgique"], expected: .false),
        .init(condition: "use.country != \"France\"", facts: ["country": "Belgique"], expected: .true),
        .init(condition: "use.country = tool.hosting", facts: ["country": "France"], expected: .true),
        .init(condition: "use.country = tool.hosting", facts: ["country": "Espagne"], expected: .false),
        .init(condition: "use.country = use.other_country", facts: ["country": "Espagne", "other_country": "Espagne"], expected: .true),
        .init(condition: "use.country = use.other_country", facts: ["country": "Belgique", "other_country": "Espagne"], expected: .false),
        .init(condition: "use.country != use.other_country", facts: ["country": "Belgique", "other_country": "Espagne"], expected: .true),
        // booleans
        .init(condition: "use.a = false", facts: ["a": "false"], expected: .true),
        .init(condition: "use.a != true", facts: ["a": "true"], expected: .false),
        .init(condition: "use.a = tool.web_client", facts: ["a": "true"], expected: .true),
        .init(condition: "true", facts: [:], expected: .true),
        .init(condition: "false or use.a", facts: [:], expected: .unknown),
        // tool.id
        .init(condition: "tool.id = alpha", facts: [:], expected: .true),
        .init(condition: "tool.id = alpha", facts: [:], tool: "beta", expected: .false),
        .init(condition: "tool.id in {alpha, beta}", facts: [:], tool: "beta", expected: .true),
        .init(condition: "tool.id in {beta}", facts: [:], tool: "Gamma", expected: .false),
        .init(condition: "tool.id not in {beta}", facts: [:], tool: "Gamma", expected: .true),
        .init(condition: "tool.id != alpha", facts: [:], tool: "Gamma", expected: .true),
        .init(condition: "tool.id = \"beta\"", facts: [:], tool: "beta", expected: .true),
        // tool is …
        .init(condition: "tool is unclassified", facts: [:], expected: .true),
        .init(condition: "tool is unlisted", facts: [:], expected: .false),
        .init(condition: "tool is unlisted", facts: [:], tool: "Gamma", expected: .true),
        .init(condition: "tool is unclassified", facts: [:], tool: "Gamma", expected: .false),
        .init(condition: "tool is tolerated", facts: [:], expected: .false),
    ]

    @Test(arguments: cases)
    func conditionHasTheExpectedTruth(_ testCase: OperatorCase) throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(TestPolicies.rule("probe", "advise when " + testCase.condition)))
        let request = try policy.request(
            tool: testCase.tool, facts: testCase.facts.mapValues { FactValue.string($0) }, today: testCase.today
        )
        var trace = EvaluationTrace(for: policy)
        _ = policy.verdict(for: request, trace: &trace)
        #expect(trace.conditions[0] == testCase.expected)
        // The explained decision agrees with the trace: advice is listed exactly when true.
        #expect(policy.decide(request).advice.map(\.rule) == (testCase.expected == .true ? ["probe"] : []))
    }

    @Test func aForbidOnAnExpiredContractUsesTheRequestDate() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(
            TestPolicies.rule("expired", "forbid when tool.dpa_valid_until < today"),
            TestPolicies.rule("p", "permit when true")
        ))
        let before = try policy.request(tool: "alpha", today: CivilDate(year: 2026, month: 8, day: 31)!)
        let after = try policy.request(tool: "alpha", today: CivilDate(year: 2026, month: 9, day: 1)!)
        #expect(policy.decide(before).verdict == .allowed)
        #expect(policy.decide(before).date == "2026-08-31")
        #expect(policy.decide(after).verdict == .denied)
        #expect(policy.decide(after).reasons.map(\.rule) == ["expired"])
    }
}
