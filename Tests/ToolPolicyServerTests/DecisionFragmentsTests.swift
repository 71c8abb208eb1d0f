import Foundation
import Testing
import ToolPolicy
import ToolPolicyReports
@testable import ToolPolicyServer

/// The pre-rendered decision writer (``DecisionFragments``) writes exactly the bytes of
/// `JSONEncoder` (the contract of `docs/schemas/decision.schema.json`), for decisions of
/// every verdict, and the server builds its tables again on each reload.
@Suite struct DecisionFragmentsTests {
    static let uses: [[String: FactValue?]] = [
        [:],
        ["mode": .string("web"), "computer": .string("pedagogical"), "accounts": .string("none"), "audience": .string("pupils"), "recorded": .string("false")],
        ["mode": .string("install"), "computer": .string("administrative"), "accounts": .string("staff")],
        ["mode": .string("web"), "accounts": .string("pupils"), "audience": .string("pupils,staff"), "purpose": .string("class"), "participants": .string("30")],
        ["mode": .string("web"), "computer": .string("personal"), "audience": .string("staff,external"), "recorded": .string("true"), "waiting_room": .string("false")],
    ]

    @Test(arguments: ["rennes", "orleans-tours", "poitiers", "strasbourg"])
    func sameBytesAsJSONEncoderForEveryVerdict(_ profile: String) throws {
        let store = PolicyStore(path: shippedRules, profile: profile)
        #expect(store.reload().succeeded)
        let loaded = try #require(store.current)
        let fragments = try #require(loaded.decisionFragments(of: loaded.policy))
        let encoder = JSONOutput.encoder(pretty: false)
        let queries = loaded.policy.tools.map(\.id) + ["Microsoft Teams", "outil-inconnu", "Jitsi \"perso\"\n\t\\ é/ü \u{1}"]
        var verdicts: Set<Verdict> = []
        for query in queries {
            for use in Self.uses {
                let request = try loaded.policy.request(tool: query, facts: use, today: CivilDate(year: 2026, month: 3, day: 2)!)
                var decision = loaded.policy.decide(request)
                decision.waysToComply = loaded.policy.remedies(for: request)
                let expected = Array(try encoder.encode(decision))
                #expect(decision.jsonBytes(using: fragments) == expected, "\(profile) \(query) \(use)")
                verdicts.insert(decision.verdict)
            }
        }
        #expect(verdicts == [.allowed, .conditional, .denied, .review], "\(profile): the uses cover every verdict")
    }

    /// A profile a request names has its own table: a decision of poitiers written with
    /// rennes's table would carry rennes's texts and digest.
    @Test func eachProfileHasItsOwnTable() throws {
        let store = PolicyStore(path: shippedRules, profile: nil)
        #expect(store.reload().succeeded)
        let loaded = try #require(store.current)
        let poitiers = try loaded.policy(named: "poitiers")
        let request = try poitiers.request(tool: "cned", facts: ["participants": .string("30")], today: .today())
        let decision = poitiers.decide(request)
        let own = try #require(loaded.decisionFragments(of: poitiers))
        let other = try #require(loaded.decisionFragments(of: loaded.policy))
        let expected = Array(try JSONOutput.encoder(pretty: false).encode(decision))
        #expect(decision.jsonBytes(using: own) == expected)
        #expect(decision.jsonBytes(using: other) == expected, "a table of another policy is not used")
        #expect(!decision.advice.isEmpty, "the poitiers advice on more than 10 participants is in the answer")
    }

    /// A reload that compiles brings new tables (a changed message is in the next answer);
    /// one that fails keeps the serving policy with its tables.
    @Test func aReloadRebuildsTheTablesAndAFailedOneKeepsThem() throws {
        let rules = try ReloadTests.RulesCopy()
        let store = PolicyStore(path: rules.url.path, profile: nil)
        #expect(store.reload().succeeded)
        func answer() throws -> String {
            let loaded = try #require(store.current)
            let decision = loaded.policy.decide(try loaded.policy.request(tool: "discord", facts: ["audience": .string("pupils")], today: .today()))
            let fragments = try #require(loaded.decisionFragments(of: loaded.policy))
            return String(decoding: decision.jsonBytes(using: fragments), as: UTF8.self)
        }
        let before = try answer()
        #expect(!before.contains("(reloaded)"))
        let path = rules.url.appendingPathComponent("national/rules.rules")
        let text = try String(contentsOf: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #"says en "This tool must not be used with pupils"#,
                                               with: #"says en "(reloaded) This tool must not be used with pupils"#)
        #expect(edited != text, "the national rules forbid a tool that monetises data with pupils")
        try edited.write(to: path, atomically: true, encoding: .utf8)
        #expect(store.reload().succeeded)
        let after = try answer()
        #expect(after.contains("(reloaded) This tool"))

        try rules.append("\nrule broken:\n  forbid when use.nosuch = true\n", to: "rennes.rules")
        #expect(!store.reload().succeeded)
        #expect(try answer() == after)
    }
}
