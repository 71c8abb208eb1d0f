import Testing
@testable import ToolPolicy

/// The order of §5: forbid, then review, then no permit, then conditional, then allowed.
@Suite struct PrecedenceTests {
    private func policy(_ rules: String...) throws -> Policy {
        try TestPolicies.compile(TestPolicies.miniBase + "\n" + rules.joined(separator: "\n"))
    }

    private func statuses(_ findings: [Decision.Finding]) -> [String] {
        findings.map { "\($0.rule):\($0.status.rawValue)" }
    }

    // MARK: 1. Forbid beats everything

    @Test func aTrueForbidBeatsATruePermit() throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("f", "forbid when use.a", remedy: "Ne pas faire A.")
        )
        let decision = try TestPolicies.decide(policy, "alpha", ["a": "true"])
        #expect(decision.verdict == .denied)
        #expect(statuses(decision.reasons) == ["f:applies"])
        #expect(decision.reasons.first?.effect == .forbid)
        #expect(decision.reasons.first?.citations == [Citation(document: "doc.txt", section: "Section")])
        #expect(decision.reasons.first?.layer == "mini")
        #expect(decision.conditions.isEmpty)
        #expect(decision.remedies == [LocalizedText(fr: "Ne pas faire A.")])
        // The same request without `a` is allowed: the permit alone decides.
        #expect(try TestPolicies.decide(policy, "alpha", ["a": "false"]).verdict == .allowed)
    }

    @Test func aTrueForbidBeatsAReviewRule() throws {
        let policy = try policy(
            TestPolicies.rule("r", "review when true"),
            TestPolicies.rule("f", "forbid when use.a"),
            TestPolicies.rule("p", "permit when true")
        )
        #expect(try TestPolicies.decide(policy, "alpha", ["a": "true"]).verdict == .denied)
        #expect(try TestPolicies.decide(policy, "alpha", ["a": "false"]).verdict == .review)
    }

    /// Issue 9, pattern 5: an unlisted tool is reviewed whatever the use; a forbid that
    /// holds is said with the review.
    @Test func anUnlistedToolIsReviewedEvenWhenAForbidHolds() throws {
        let policy = try policy(TestPolicies.rule("f", "forbid when use.a"))
        let decision = try TestPolicies.decide(policy, "Gamma", ["a": "true"])
        #expect(decision.verdict == .review)
        #expect(statuses(decision.reasons) == ["unlisted-tool:applies", "f:applies"])
        #expect(decision.tool.standing == .unlisted)
    }

    // MARK: 2. Review

    @Test func anUnlistedToolIsReviewedEvenWhenAPermitWouldMatch() throws {
        let policy = try policy(TestPolicies.rule("p", "permit when true"))
        let decision = try TestPolicies.decide(policy, "Gamma")
        #expect(decision.verdict == .review)
        // No review rule exists: the built-in reason explains it.
        #expect(decision.reasons.map(\.rule) == ["unlisted-tool"])
        let reason = try #require(decision.reasons.first)
        #expect(reason.effect == .review)
        #expect(reason.status == .applies)
        #expect(reason.citations.isEmpty)
        #expect(reason.layer == "mini")
        #expect(!reason.message.fr.isEmpty)
        #expect(decision.tool.query == "Gamma")
        #expect(decision.tool.id == nil)
        #expect(decision.tool.name == nil)
        #expect(decision.tool.standing == .unlisted)
        #expect(decision.conditions.isEmpty)
    }

    @Test func anUnlistedToolIsReviewedByTheReviewRuleThatHolds() throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("amigo", "review when tool is unlisted", remedy: "Demander sur AMIGO.")
        )
        let decision = try TestPolicies.decide(policy, "Gamma")
        #expect(decision.verdict == .review)
        #expect(statuses(decision.reasons) == ["amigo:applies"])
        #expect(decision.remedies == [LocalizedText(fr: "Demander sur AMIGO.")])
        // A listed tool is not touched by that rule.
        #expect(try TestPolicies.decide(policy, "alpha").verdict == .allowed)
    }

    @Test func aTrueReviewRuleBeatsATruePermit() throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("r", "review when tool.monetises")
        )
        let beta = try TestPolicies.decide(policy, "beta")
        #expect(beta.verdict == .review)
        #expect(statuses(beta.reasons) == ["r:applies"])
        #expect(try TestPolicies.decide(policy, "alpha").verdict == .allowed)
    }

    @Test func anUnclassifiedToolCanBeSentToReview() throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("unclassified", "review when tool is unclassified")
        )
        let decision = try TestPolicies.decide(policy, "alpha")
        #expect(decision.tool.standing == .unclassified)
        #expect(decision.verdict == .review)
        #expect(statuses(decision.reasons) == ["unclassified:applies"])
    }

    // MARK: 3. No permit means denied

    @Test func noPermitAtAllDenies() throws {
        let policy = try policy(TestPolicies.rule("advice", "advise when true"))
        let decision = try TestPolicies.decide(policy, "alpha")
        #expect(decision.verdict == .denied)
        #expect(decision.reasons.map(\.rule) == ["no-permit"])
        let reason = try #require(decision.reasons.first)
        #expect(reason.effect == .forbid)
        #expect(reason.status == .applies)
        #expect(reason.citations.isEmpty)
        #expect(reason.layer == "mini")
        #expect(decision.remedies.isEmpty)
    }

    @Test func onlyFalsePermitsDeny() throws {
        let policy = try policy(TestPolicies.rule("p", "permit when use.a"))
        let decision = try TestPolicies.decide(policy, "alpha", ["a": "false"])
        #expect(decision.verdict == .denied)
        #expect(decision.reasons.map(\.rule) == ["no-permit"])
    }

    // MARK: 4. Conditional

    @Test func onlyUnknownPermitsGiveConditional() throws {
        let policy = try policy(TestPolicies.rule("p", "permit when use.a", remedy: "Préciser A."))
        let decision = try TestPolicies.decide(policy, "alpha")
        #expect(decision.verdict == .conditional)
        #expect(decision.reasons.isEmpty)
        #expect(statuses(decision.conditions) == ["p:unknown"])
        #expect(decision.unknownFacts == ["use.a"])
        #expect(decision.remedies == [LocalizedText(fr: "Préciser A.")])
    }

    @Test func anUnknownForbidGivesConditionalEvenWithATruePermit() throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("f", "forbid when use.b")
        )
        let decision = try TestPolicies.decide(policy, "alpha")
        #expect(decision.verdict == .conditional)
        #expect(statuses(decision.reasons) == ["p:applies"])
        #expect(statuses(decision.conditions) == ["f:unknown"])
    }

    // MARK: require R when W

    /// `require use.mode = web when use.a`, plus a true permit, for each truth of W and R.
    @Test(arguments: [
        // (W = use.a, R = use.mode, verdict, the require's status or nil when it is not listed)
        ("true", "install", Verdict.denied, Decision.Finding.Status?.some(.violated)),
        ("true", nil, .conditional, .unknown),
        ("true", "web", .allowed, .met),
        ("false", "install", .allowed, nil),
        ("false", nil, .allowed, nil),
        (nil, "install", .conditional, .unknown),
        (nil, nil, .conditional, .unknown),
        (nil, "web", .allowed, .met),
    ] as [(String?, String?, Verdict, Decision.Finding.Status?)])
    func requireDependsOnItsWhenAndItsRequirement(when: String?, mode: String?, verdict: Verdict, status: Decision.Finding.Status?) throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("web-only", "require use.mode = web when use.a", remedy: "Utiliser le web.")
        )
        var facts: [String: String] = [:]
        if let when { facts["a"] = when }
        if let mode { facts["mode"] = mode }
        let decision = try TestPolicies.decide(policy, "alpha", facts)
        #expect(decision.verdict == verdict)
        let finding = (decision.reasons + decision.conditions).first { $0.rule == "web-only" }
        #expect(finding?.status == status)
        #expect(finding.map { $0.effect == .require } ?? true)
        switch status {
        case .violated?:
            #expect(decision.reasons.map(\.rule) == ["web-only"])
            #expect(decision.conditions.isEmpty)
            #expect(decision.remedies == [LocalizedText(fr: "Utiliser le web.")])
        case .unknown?:
            #expect(decision.conditions.map(\.rule) == ["web-only"])
            #expect(decision.remedies == [LocalizedText(fr: "Utiliser le web.")])
            #expect(decision.unknownFacts == [when == nil ? "use.a" : nil, mode == nil ? "use.mode" : nil].compactMap { $0 })
        case .met?:
            #expect(decision.conditions.map(\.rule) == ["web-only"])
            // A requirement that holds is a reminder, not something to fix.
            #expect(decision.remedies.isEmpty)
            #expect(decision.unknownFacts.isEmpty)
        default:
            #expect(decision.conditions.isEmpty)
        }
    }

    @Test func aRequireWithoutWhenAlwaysApplies() throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("no-accounts", "require use.accounts = {none}")
        )
        let denied = try TestPolicies.decide(policy, "alpha", ["accounts": "pupils"])
        #expect(denied.verdict == .denied)
        #expect(statuses(denied.reasons) == ["no-accounts:violated"])
        let allowed = try TestPolicies.decide(policy, "beta", ["accounts": "none"])
        #expect(allowed.verdict == .allowed)
        #expect(statuses(allowed.conditions) == ["no-accounts:met"])
        #expect(try TestPolicies.decide(policy, "alpha").verdict == .conditional)
    }

    @Test func aViolatedRequirementIsSaidWithTheReviewOfAnUnlistedTool() throws {
        let policy = try policy(TestPolicies.rule("web-only", "require use.mode = web"))
        let decision = try TestPolicies.decide(policy, "Gamma", ["mode": "install"])
        #expect(decision.verdict == .review)
        #expect(statuses(decision.reasons) == ["unlisted-tool:applies", "web-only:violated"])
    }

    @Test func forbidsAndViolatedRequirementsAreAllListedAsReasons() throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("f1", "forbid when use.a"),
            TestPolicies.rule("req", "require use.mode = web"),
            TestPolicies.rule("f2", "forbid when use.b"),
            TestPolicies.rule("f3", "forbid when use.c")
        )
        let decision = try TestPolicies.decide(policy, "alpha", ["a": "true", "b": "true", "c": "false", "mode": "install"])
        #expect(decision.verdict == .denied)
        #expect(statuses(decision.reasons) == ["f1:applies", "f2:applies", "req:violated"])
    }

    // MARK: Advice

    @Test(arguments: [("true", true), ("false", false), (nil, false)] as [(String?, Bool)])
    func adviceIsListedOnlyWhenItsConditionIsTrue(a: String?, listed: Bool) throws {
        let policy = try policy(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("tip", "advise when use.a", remedy: "Un conseil.")
        )
        let decision = try TestPolicies.decide(policy, "alpha", a.map { ["a": $0] } ?? [:])
        // Advice never changes the verdict, nor the remedies, nor the facts to settle.
        #expect(decision.verdict == .allowed)
        #expect(decision.advice.map(\.rule) == (listed ? ["tip"] : []))
        #expect(decision.advice.allSatisfy { $0.status == .applies && $0.effect == .advise })
        #expect(decision.remedies.isEmpty)
        #expect(decision.unknownFacts.isEmpty)
    }

    // MARK: Classification

    @Test func classifyStatementsAreTriedInOrderAndTheFirstTrueWins() throws {
        // alpha has a web client; beta monetises its data; a tool with neither fact known
        // matches no statement and stays unclassified.
        let text = TestPolicies.miniBase + """
        tool gamma "Gamma"
          web_client = true   source "doc.txt" section "Gamma"
          monetises = true    source "doc.txt" section "Gamma"
        tool delta "Delta"

        classify forbidden when tool.monetises
          cites "doc.txt" section "Interdits"
        classify tolerated when tool.web_client
          cites "doc.txt" section "Tolérés"
        classify institutional when tool.web_client
          cites "doc.txt" section "Jamais atteint"

        """ + TestPolicies.rule("ok", "permit when tool is tolerated or tool is institutional")
            + TestPolicies.rule("no", "forbid when tool is forbidden")
        let policy = try TestPolicies.compile(text)
        #expect(policy.tool(named: "alpha")?.toolClass == .tolerated)
        #expect(policy.tool(named: "beta")?.toolClass == .forbidden)
        #expect(policy.tool(named: "gamma")?.toolClass == .forbidden)
        #expect(policy.tool(named: "delta")?.toolClass == nil)
        let alpha = try TestPolicies.decide(policy, "alpha")
        #expect(alpha.verdict == .allowed)
        #expect(alpha.tool.standing == .tolerated)
        #expect(alpha.tool.classCitations == [Citation(document: "doc.txt", section: "Tolérés")])
        #expect(try TestPolicies.decide(policy, "gamma").verdict == .denied)
        let delta = try TestPolicies.decide(policy, "delta")
        #expect(delta.tool.standing == .unclassified)
        #expect(delta.tool.classCitations.isEmpty)
        #expect(delta.verdict == .denied)
        #expect(delta.reasons.map(\.rule) == ["no-permit"])
    }

    @Test func anUnknownClassifyConditionDoesNotClassify() throws {
        // beta's web client is unknown: the tolerated statement is not true for it, so the
        // next statement (on monetises, true) decides.
        let policy = try TestPolicies.compile(TestPolicies.miniBase + """
        classify tolerated when tool.web_client
          cites "doc.txt" section "Tolérés"
        classify forbidden when tool.monetises
          cites "doc.txt" section "Interdits"

        """)
        #expect(policy.tool(named: "beta")?.toolClass == .forbidden)
        #expect(policy.tool(named: "alpha")?.toolClass == .tolerated)
    }
}
