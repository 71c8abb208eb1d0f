import Foundation
import Testing
import ToolPolicy
import ToolPolicyReports

/// The hand-written decision encoder writes exactly the bytes `JSONEncoder` writes, for
/// every tool of every shipped profile under a spread of uses, and for strings that need
/// escaping.
@Suite struct DecisionJSONTests {
    static let uses: [[String: FactValue?]] = [
        [:],
        ["mode": .string("install"), "computer": .string("administrative")],
        ["mode": .string("web"), "computer": .string("pedagogical"), "accounts": .string("none"), "recorded": .string("false")],
        ["audience": .string("pupils,staff"), "purpose": .string("class"), "participants": .string("30"), "waiting_room": .string("false")],
        ["accounts": .string("pupils"), "audience": .string("pupils"), "recorded": .string("true")],
    ]

    @Test(arguments: ["rennes", "orleans-tours", "poitiers", "strasbourg"])
    func sameBytesAsJSONEncoder(_ profile: String) throws {
        let policy = try #require(PolicyLoader.load(at: CLI.rules, profile: profile).policy)
        let encoder = JSONOutput.encoder(pretty: false)
        let queries = policy.tools.map(\.id) + ["Jitsi \"perso\"\n\t\\ é/ü \u{1}\u{7F}"]
        var compared = 0
        for query in queries {
            for use in Self.uses {
                let decision = policy.decide(try policy.request(tool: query, facts: use, today: CivilDate(year: 2026, month: 3, day: 2)!))
                let expected = Array(try encoder.encode(decision))
                #expect(decision.jsonBytes == expected, "\(profile) \(query) \(use)")
                compared += 1
            }
        }
        #expect(compared == (policy.tools.count + 1) * Self.uses.count)
    }

    /// A lint row's `decision` (with `--decisions`) is the bytes `check --format json`
    /// gives; the rest of the row reads back as the result it was written from.
    @Test func lintRowsCarryTheDecisionBytesAndReadBack() throws {
        let policy = try #require(PolicyLoader.load(at: CLI.rules).policy)
        let linter = UseListLinter(policy: policy, today: CivilDate(year: 2026, month: 3, day: 2)!, explain: true)
        let encoder = JSONOutput.encoder(pretty: false)
        var columns = UseListLinter.Columns()
        var trace = EvaluationTrace(for: policy)
        let entries: [UseListEntry] = [
            UseListEntry(row: 1, line: 2, cells: ["tool": .string("zoom"), "mode": .string("install"), "computer": .string("administrative")]),
            UseListEntry(row: 2, line: nil, cells: ["tool": .string("bbb-ent"), "mode": .string("flying"), "participants": .string("x")]),
            UseListEntry(row: 3, line: 9, cells: ["tool": .string("Jitsi \"perso\"")]),
            UseListEntry(row: 4, line: 10, cells: ["tool": nil]),
            UseListEntry(row: 5, line: 11, cells: ["tool": .string("teams"), "mode": .string("web")]),
        ]
        for entry in entries {
            let result = linter.check(entry, columns: &columns, trace: &trace)
            let bytes = result.jsonBytes
            let row = try JSONDecoder().decode(LintReport.Row.self, from: Data(bytes))
            #expect(row.row == result.row && row.line == result.line && row.tool == result.tool && row.verdict == result.verdict)
            #expect(row.problems.map(\.column) == result.problems.map(\.column) && row.problems.map(\.message) == result.problems.map(\.message))
            #expect(row.findings == Dictionary(uniqueKeysWithValues: (result.outcome?.findings ?? []).map { ($0.rule, $0.status) }))
            #expect(row.unknownFacts == result.outcome?.unknownFacts ?? [])
            if let decision = result.decision {
                let expected = Array(try encoder.encode(decision))
                #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("{\"decision\":" + String(decoding: expected, as: UTF8.self) + ","), "row \(entry.row)")
            } else {
                #expect(result.verdict == nil, "a checked row is explained with explain: true")
            }
        }
    }
}
