import Foundation
import Testing
@testable import ToolPolicy

/// The computed ways to compliance of every domain case: each, applied to the case's
/// request, really gives the verdict it claims, which is better than the case's own.
@Suite struct RemedyTests {
    static let cases = DomainCasesTests.table + DomainCasesTests.derived

    /// The case's facts with a remedy's changes applied.
    static func applying(_ remedy: Remedy, to facts: [String: String]) -> [String: FactValue?] {
        var result: [String: FactValue?] = facts.mapValues { .string($0) }
        for change in remedy.changes { result[change.fact] = change.to }
        return result
    }

    @Test(arguments: cases)
    func everyRemedyReallyGivesTheBetterVerdict(_ row: DomainCase) throws {
        let policy = try #require(DomainCasesTests.policies[row.profile ?? "default"])
        let request = try policy.request(tool: row.tool, facts: row.facts.mapValues { .string($0) }, today: TestPolicies.day)
        let verdict = policy.decide(request).verdict
        let remedies = policy.remedies(for: request)
        if verdict != .denied, verdict != .conditional { #expect(remedies.isEmpty) }
        #expect(remedies.filter { $0.by == .requester }.count <= 3)
        #expect(remedies.filter { $0.by == .school }.count <= 3)
        // The requester's first, each group fewest changes first.
        let actors = remedies.map(\.by)
        let firstSchool = actors.firstIndex(of: .school) ?? actors.endIndex
        #expect(!actors[firstSchool...].contains(.requester))
        for actor in Remedy.Actor.allCases {
            let sizes = remedies.filter { $0.by == actor }.map(\.changes.count)
            #expect(sizes == sizes.sorted())
        }
        for remedy in remedies {
            let changed = try policy.request(tool: row.tool, facts: Self.applying(remedy, to: row.facts), today: TestPolicies.day)
            let now = policy.decide(changed).verdict
            #expect(now == remedy.verdict, "\(remedy.changes)")
            #expect(now == .allowed || (verdict == .denied && now == .conditional), "\(remedy.changes) gives \(now)")
            #expect(remedy.by == (remedy.changes.contains { $0.fact == "dpa_signed" } ? .school : .requester))
            for change in remedy.changes {
                #expect(change.from == policy.givenFacts(of: request).first { $0.name == change.fact }?.value)
            }
        }
    }

    /// 003, « 2. Système d'Information »: « il est interdit d'installer les applications des
    /// solutions de visio-conférence » — the smallest remedy of an install is the browser.
    @Test func anInstalledToleratedToolOnASchoolComputerIsRemediedInABrowser() throws {
        let policy = try TestPolicies.shipped(profile: "rennes")
        let request = try policy.request(tool: "zoom", facts: [
            "mode": .string("install"), "computer": .string("pedagogical"), "accounts": .string("none"),
            "recorded": .string("false"), "audience": .string("staff"),
        ], today: TestPolicies.day)
        #expect(policy.decide(request).verdict == .denied)
        let first = try #require(policy.remedies(for: request).first)
        #expect(first.changes == [Remedy.Change(fact: "mode", from: .enumeration("install"), to: .enumeration("web"), by: .requester)])
        #expect(first.verdict == .allowed)
    }

    /// 003, « 1. Vie Privée »: the contract is the head of school's act (`settled by school`),
    /// so a use that needs one gets it as the school's remedy, apart from the requester's.
    @Test func theContractIsTheSchoolsRemedy() throws {
        let text = TestPolicies.mini(
            "use fact dpa_signed: bool \"Contrat signé par le chef d'établissement\"\n  settled by school\n",
            TestPolicies.rule("ok", "permit when use.a"),
            TestPolicies.rule("contract", "forbid when use.accounts contains pupils and not use.dpa_signed")
        )
        let policy = try TestPolicies.compile(text)
        let request = try policy.request(tool: "alpha", facts: [
            "a": .bool(true), "accounts": .string("pupils"), "dpa_signed": .bool(false),
        ], today: TestPolicies.day)
        let remedies = policy.remedies(for: request)
        let school = try #require(remedies.first { $0.by == .school })
        #expect(school.changes == [Remedy.Change(fact: "dpa_signed", from: .bool(false), to: .bool(true), by: .school)])
        #expect(remedies.contains { $0.by == .requester && $0.changes.map(\.fact) == ["accounts"] })
        // Without `settled by school`, the requester could "sign" it: the rules decide who settles a fact.
        let unsettled = try TestPolicies.compile(text.replacingOccurrences(of: "  settled by school\n", with: ""))
        let asRequester = unsettled.remedies(for: try unsettled.request(tool: "alpha", facts: [
            "a": .bool(true), "accounts": .string("pupils"), "dpa_signed": .bool(false),
        ], today: TestPolicies.day))
        #expect(!asRequester.contains { $0.by == .school })
    }
}
