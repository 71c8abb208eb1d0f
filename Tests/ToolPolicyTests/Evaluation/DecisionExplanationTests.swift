import Foundation
import Testing
@testable import ToolPolicy

/// What a decision says besides its verdict: the facts to settle, the remedies, the
/// request echoed back, and that the same request always gets the same answer.
@Suite struct DecisionExplanationTests {
    @Test func unknownFactsAreExactlyThoseOfTheOpenConditions() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(
            TestPolicies.rule("p", "permit when true"),
            // Closed: use.a is given (true), tool.monetises is unknown for alpha: a catalog
            // gap, read as the forbid not acting, never a condition.
            TestPolicies.rule("f-open", "forbid when use.a and tool.monetises"),
            // Closed: use.a = false is false, so use.c does not matter.
            TestPolicies.rule("f-closed", "forbid when use.a = false and use.c"),
            // Open: neither use.b nor use.mode is known.
            TestPolicies.rule("r-open", "require use.mode = web when use.b"),
            // Closed: alpha states it has a web client, so this `when` is false.
            TestPolicies.rule("r-closed", "require use.computer = personal when not tool.web_client"),
            // Advice never asks for facts.
            TestPolicies.rule("tip", "advise when use.participants > 3")
        ))
        let decision = try TestPolicies.decide(policy, "alpha", ["a": "true"])
        #expect(decision.verdict == .conditional)
        #expect(decision.conditions.map(\.rule) == ["r-open"])
        #expect(decision.unknownFacts == ["use.b", "use.mode"])
        #expect(policy.catalogGaps.contains { $0.tool == "alpha" && $0.fact == "monetises" && $0.rules == ["f-open"] })
    }

    /// The rules fired, read from the explanation, are those of the worded document: the
    /// reasons, then the conditions met or violated, then the advice, each once.
    @Test func rulesFiredAreThoseTheDocumentShows() throws {
        let policy = try TestPolicies.shipped()
        var seen = 0
        for tool in policy.tools.map(\.id) + ["outil-inconnu"] {
            for facts in [[:], ["mode": "install", "computer": "personal", "recorded": "true"], ["mode": "web", "audience": "pupils"],
                          ["accounts": "pupils", "computer": "administrative", "purpose": "council"]] {
                let decision = try TestPolicies.decide(policy, tool, facts)
                let document = decision.document
                var expected: [String] = []
                for finding in document.reasons + document.conditions + document.advice
                where finding.status != .unknown && !expected.contains(finding.rule) {
                    expected.append(finding.rule)
                }
                #expect(decision.rulesFired == expected, "\(tool) \(facts)")
                seen += expected.count
            }
        }
        #expect(seen > 0)
    }

    @Test func unknownFactsOfAnOnlyUnknownPermitAreListed() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(
            TestPolicies.rule("p1", "permit when use.mode = web and use.computer = personal"),
            TestPolicies.rule("p2", "permit when use.a")
        ))
        let decision = try TestPolicies.decide(policy, "alpha", ["computer": "personal", "a": "false"])
        #expect(decision.verdict == .conditional)
        #expect(decision.conditions.map(\.rule) == ["p1"])
        #expect(decision.unknownFacts == ["use.mode"])
    }

    @Test func aDecidedAnswerHasNoUnknownFacts() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("f", "forbid when use.a"),
            TestPolicies.rule("g", "forbid when use.b")
        ))
        // Denied by f although g is unknown: a denial does not ask for more facts.
        let decision = try TestPolicies.decide(policy, "alpha", ["a": "true"])
        #expect(decision.verdict == .denied)
        #expect(decision.conditions.isEmpty)
        #expect(decision.unknownFacts.isEmpty)
    }

    @Test func remediesAreDeduplicatedAndKeepTheirOrder() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(
            TestPolicies.rule("p", "permit when true"),
            TestPolicies.rule("f1", "forbid when use.a", remedy: "Utiliser un outil institutionnel."),
            TestPolicies.rule("f2", "forbid when use.b", remedy: "Demander un avis."),
            TestPolicies.rule("f3", "forbid when use.c", remedy: "Utiliser un outil institutionnel."),
            TestPolicies.rule("r1", "require use.mode = web", remedy: "Passer par le web."),
            TestPolicies.rule("r2", "require use.computer = personal", remedy: "Passer par le web.")
        ))
        let denied = try TestPolicies.decide(policy, "alpha", ["a": "true", "b": "true", "c": "true"])
        #expect(denied.reasons.map(\.rule) == ["f1", "f2", "f3"])
        #expect(denied.remedies.map(\.fr) == ["Utiliser un outil institutionnel.", "Demander un avis."])

        let conditional = try TestPolicies.decide(policy, "alpha", ["a": "false", "b": "false", "c": "false"])
        #expect(conditional.verdict == .conditional)
        #expect(conditional.conditions.map(\.rule) == ["r1", "r2"])
        #expect(conditional.remedies.map(\.fr) == ["Passer par le web."])
    }

    @Test func theDecisionEchoesTheRequestAndNamesThePolicy() throws {
        let policy = try TestPolicies.compile(TestPolicies.mini(TestPolicies.rule("p", "permit when true")))
        let decision = try TestPolicies.decide(policy, "ALPHA", ["use.mode": "web", "accounts": "staff,none", "participants": "4"])
        #expect(decision.tool.query == "ALPHA")
        #expect(decision.tool.id == "alpha")
        #expect(decision.tool.name == "Alpha")
        #expect(decision.use == ["mode": .enumeration("web"), "accounts": .set(["none", "staff"]), "participants": .integer(4)])
        #expect(decision.date == "2026-03-15")
        #expect(decision.policy.name == "mini")
        #expect(decision.policy.profile == "mini")
        #expect(decision.policy.digest == policy.digest)
        #expect(decision.policy.digest.hasPrefix("sha256:"))
    }

    @Test func decidingTheSameRequestTwiceGivesEqualDecisions() throws {
        let policy = try TestPolicies.shipped()
        let requests: [(String, [String: String])] = [
            ("zoom", [:]),
            ("zoom", ["mode": "install", "computer": "administrative"]),
            ("teams", ["mode": "web", "accounts": "pupils,staff"]),
            ("cned", ["audience": "pupils", "waiting_room": "false"]),
            ("Jitsi", [:]),
        ]
        for (tool, facts) in requests {
            let first = try TestPolicies.decide(policy, tool, facts)
            let second = try TestPolicies.decide(policy, tool, facts)
            #expect(first == second, "\(tool)")
            // A policy loaded again from the same files answers the same.
            let again = try TestPolicies.decide(try TestPolicies.shipped(), tool, facts)
            #expect(first == again, "\(tool)")
        }
    }

    @Test func theDecisionEncodesToStableJSON() throws {
        let policy = try TestPolicies.shipped()
        let decision = try TestPolicies.decide(policy, "zoom", ["mode": "install", "computer": "administrative"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(decision)
        let second = try encoder.encode(try TestPolicies.decide(policy, "zoom", ["computer": "administrative", "mode": "install"]))
        #expect(first == second)
        let object = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(object["verdict"] as? String == "denied")
        let use = try #require(object["use"] as? [String: Any])
        #expect(use["mode"] as? String == "install")
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        #expect(reasons.first?["rule"] as? String == "rennes-no-install-on-school-computers")
        #expect(reasons.first?["status"] as? String == "applies")
    }
}
