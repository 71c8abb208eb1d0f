import Foundation
import Testing
@testable import ToolPolicy

/// `verify` on a policy with four planted problems: each is found once, at its line, with
/// a witness that `decide` confirms.
@Suite struct VerifyTests {
    /// A dead rule (no count is both above 10 and below 5), a permit that a forbid always
    /// overrides, a gap (installed uses: no rule decides them) and a catalog hole (beta's
    /// `hosted_eu` is unknown, and `hole` reads it).
    static let planted = """
    policy "planted"

    tool fact hosted_eu: bool "Hébergé dans l'Union européenne"
    use fact mode: one of install, web "Mode"
    use fact recorded: bool "Séance enregistrée"
    use fact participants: integer "Participants"

    tool alpha "Alpha"
      hosted_eu = true source "doc.txt" section "Alpha"
    tool beta "Beta"

    """ + TestPolicies.rule("permit-web", "permit when use.mode = web")
        + TestPolicies.rule("forbid-recorded", "forbid when use.recorded")
        + TestPolicies.rule("dead", "forbid when use.participants > 10 and use.participants < 5")
        + TestPolicies.rule("shadowed", "permit when use.recorded and use.mode = web")
        + TestPolicies.rule("hole", "forbid when not tool.hosted_eu and use.participants > 50")

    /// The line where a statement starts in the planted text, found independently.
    static func line(of statement: String) -> Int {
        planted.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(statement) }! + 1
    }

    @Test func theFourPlantedProblemsAreFoundAtTheirLines() throws {
        let policy = try TestPolicies.compile(Self.planted)
        let findings = try policy.verify(today: TestPolicies.day)
        #expect(findings.map(\.kind) == [.deadRule, .shadowedPermit, .gap, .catalogHole], "\(findings.map(\.message))")

        let dead = try #require(findings.first { $0.kind == .deadRule })
        #expect(dead.rule == "dead")
        #expect(dead.range.start.line == Self.line(of: "rule \"dead\""))
        #expect(dead.witness == nil)

        let shadowed = try #require(findings.first { $0.kind == .shadowedPermit })
        #expect(shadowed.rule == "shadowed")
        #expect(shadowed.range.start.line == Self.line(of: "rule \"shadowed\""))
        let shadowWitness = try #require(shadowed.witness)
        let shadowDecision = policy.decide(try #require(policy.request(for: shadowWitness, today: TestPolicies.day)))
        #expect(shadowDecision.verdict == .denied)
        #expect(shadowDecision.reasons.map(\.rule) == ["forbid-recorded"])
        #expect(shadowed.related == ["forbid-recorded"])

        let gap = try #require(findings.first { $0.kind == .gap })
        #expect(gap.tools == ["alpha", "beta"])
        #expect(gap.range.start.line == Self.line(of: "rule \"permit-web\""))
        #expect(gap.conditions == ["use.mode = install and not use.recorded"])
        let gapWitness = try #require(gap.witness)
        let gapDecision = policy.decide(try #require(policy.request(for: gapWitness, today: TestPolicies.day)))
        #expect(gapDecision.verdict == .denied)
        #expect(gapDecision.reasons.map(\.rule) == ["no-permit"])

        let hole = try #require(findings.first { $0.kind == .catalogHole })
        #expect(hole.tools == ["beta"])
        #expect(hole.range.start.line == Self.line(of: "tool beta"))
        let holeWitness = try #require(hole.witness)
        #expect(holeWitness.toolFacts == ["hosted_eu": .bool(false)])
        // As the catalog stands, the witness is allowed; once the catalog says beta is
        // hosted outside the Union, the same use is denied by `hole`.
        let asIs = policy.decide(try #require(policy.request(for: holeWitness, today: TestPolicies.day)))
        #expect(asIs.verdict == .allowed)
        let stated = Self.planted.replacingOccurrences(
            of: "tool beta \"Beta\"\n", with: "tool beta \"Beta\"\n  hosted_eu = false source \"doc.txt\" section \"Beta\"\n")
        let known = try TestPolicies.compile(stated)
        let then = known.decide(try #require(known.request(for: holeWitness, today: TestPolicies.day)))
        #expect(then.verdict == .denied)
        #expect(then.reasons.map(\.rule) == ["hole"])
    }

    @Test func aPolicyWithoutPlantedProblemsVerifiesClean() throws {
        let clean = Self.planted
            .replacingOccurrences(of: TestPolicies.rule("dead", "forbid when use.participants > 10 and use.participants < 5"), with: "")
            .replacingOccurrences(of: TestPolicies.rule("shadowed", "permit when use.recorded and use.mode = web"), with: "")
            .replacingOccurrences(of: "tool beta \"Beta\"\n", with: "tool beta \"Beta\"\n  hosted_eu = false source \"doc.txt\" section \"Beta\"\n")
            + TestPolicies.rule("forbid-install", "forbid when use.mode = install")
        let policy = try TestPolicies.compile(clean)
        #expect(try policy.verify(today: TestPolicies.day).isEmpty)
    }

    @Test func aRequirementOnlyForbiddenUsesMeetIsAContradiction() throws {
        let text = TestPolicies.mini(
            TestPolicies.rule("ok", "permit when use.a"),
            TestPolicies.rule("no-install", "forbid when use.mode = install"),
            TestPolicies.rule("web-if-b", "require use.b when use.mode = install")
        )
        let policy = try TestPolicies.compile(text)
        let findings = try policy.verify(today: TestPolicies.day)
        let contradiction = try #require(findings.first { $0.kind == .contradiction })
        #expect(contradiction.rule == "web-if-b")
        #expect(findings.filter(\.kind.isError).count == 1)
    }

    /// The shipped rules have no dead, shadowed or contradictory rule, no inert requirement
    /// or advice and no undecided use. What remains are catalog holes: each one of the
    /// gaps `validate` already warns about (`Policy.catalogGaps`), and each witness is
    /// confirmed by deciding it with the fact stated as supposed.
    @Test(arguments: TestPolicies.shippedProfiles)
    func theShippedRulesVerifyClean(_ profile: String) throws {
        let policy = try TestPolicies.shipped(profile: profile)
        let findings = try policy.verify(today: TestPolicies.day)
        let others = findings.filter { $0.kind != .catalogHole }
        #expect(others.isEmpty, "\(others.map { "\($0.kind.rawValue) \($0.rule ?? "") \($0.tools): \($0.message)" })")
        for hole in findings where hole.kind == .catalogHole {
            let witness = try #require(hole.witness)
            let fact = try #require(witness.toolFacts.keys.first)
            #expect(policy.catalogGaps.contains { $0.tool == witness.tool && $0.fact == fact && $0.rules.contains(hole.rule ?? "") })
            #expect(policy.tool(named: witness.tool)?.facts.contains { $0.name == fact } == false)
        }
    }
}
