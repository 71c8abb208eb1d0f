import Foundation
import Testing
@testable import ToolPolicy

/// Issue 12, "one mistake, one diagnostic": three garbage lines planted in a shipped profile
/// used to give 24 errors (an unterminated string flipped every later string, `@@ ?? ]]`
/// gave one error per character) and the third mistake was never reported. Planted
/// anywhere in any shipped profile, three independent mistakes now give exactly three
/// diagnostics, each at its line and column.
@Suite struct PlantedMistakesTests {
    /// The shipped sources, with `profile`'s file replaced by `text`.
    private func load(profile: String, text: String) throws -> PolicyLoadResult {
        let root = URL(fileURLWithPath: TestPolicies.rulesFolder)
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".rules") }.sorted()
        let sources = try files.map { relative in
            relative == "\(profile).rules"
                ? SourceFile(path: relative, text: text)
                : SourceFile(path: relative, text: try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8))
        }
        return PolicyLoader.load(sources: sources, profile: profile)
    }

    private func lines(of profile: String) throws -> [String] {
        let url = URL(fileURLWithPath: TestPolicies.rulesFolder).appendingPathComponent("\(profile).rules")
        return try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    }

    /// A planting: three mistakes in three different rules of a profile, and where each
    /// must be reported (1-based line, column) in the planted text.
    private struct Planting: CustomTestStringConvertible {
        var profile: String
        var text: String
        var expected: [(line: Int, column: Int, code: String)]
        var testDescription: String { "\(profile): \(expected.map { "\($0.code)@\($0.line):\($0.column)" })" }
    }

    /// Plants, in rules number `a`, `b`, `c` (in file order) of `profile`:
    /// a garbage line `rule ) "unterminated` before rule `a`; `  @@ ?? ]]` after the first
    /// line of rule `b`; and rule `c`'s first multi-line string continuation unindented.
    private func plant(_ profile: String, _ a: Int, _ b: Int, _ c: Int) throws -> Planting? {
        var lines = try lines(of: profile)
        let rules = lines.indices.filter { lines[$0].hasPrefix("rule \"") }
        guard [a, b, c].allSatisfy({ $0 < rules.count }) else { return nil }
        func end(of rule: Int) -> Int { rule + 1 < rules.count ? rules[rule + 1] : lines.count }
        // A continuation line of a string inside rule c: an indented line after a line with an open quote.
        guard let continuation = (rules[c] + 1 ..< end(of: c)).first(where: { index in
            lines[index - 1].filter { $0 == "\"" }.count % 2 == 1 && lines[index].hasPrefix(" ")
        }) else { return nil }
        // Edit from the bottom up so the earlier indices stay valid; record final places after.
        var edits: [(index: Int, apply: (inout [String]) -> Void, code: String, column: Int, inserted: Bool)] = [
            (rules[a], { $0.insert("rule ) \"unterminated", at: rules[a]) }, "TP101", 6, true),
            (rules[b] + 1, { $0.insert("  @@ ?? ]]", at: rules[b] + 1) }, "TP001", 3, true),
            (continuation, { $0[continuation] = $0[continuation].trimmingCharacters(in: .whitespaces) }, "TP006", 1, false),
        ]
        edits.sort { $0.index > $1.index }
        for edit in edits { edit.apply(&lines) }
        // Final line numbers: each insertion above a place pushes it down by one.
        let expected = edits.map { edit in
            let shift = edits.filter { $0.inserted && $0.index < edit.index }.count
            return (line: edit.index + shift + 1, column: edit.column, code: edit.code)
        }.sorted { $0.line < $1.line }
        return Planting(profile: profile, text: lines.joined(separator: "\n"), expected: expected)
    }

    private static let plantings: [(String, Int, Int, Int)] = [
        ("rennes", 0, 1, 2), ("rennes", 5, 2, 0), ("rennes", 2, 0, 6), ("rennes", 6, 4, 1),
        ("poitiers", 0, 1, 2), ("poitiers", 2, 0, 1), ("poitiers", 1, 3, 0),
        ("orleans-tours", 0, 1, 2), ("orleans-tours", 1, 2, 0),
        ("strasbourg", 0, 1, 0), ("strasbourg", 1, 0, 1),
    ]

    @Test func threeMistakesGiveExactlyThreeDiagnosticsAtTheirPlaces() throws {
        var planted = 0
        for (profile, a, b, c) in Self.plantings {
            guard let planting = try plant(profile, a, b, c) else { continue }
            planted += 1
            let errors = try load(profile: profile, text: planting.text).diagnostics.filter { $0.severity == .error }
            let found = errors.map { ($0.range?.start.line ?? 0, $0.range?.start.column ?? 0, $0.code) }
            #expect(found.map { "\($0.2)@\($0.0):\($0.1)" } == planting.expected.map { "\($0.code)@\($0.line):\($0.column)" },
                    "\(planting.testDescription)")
            for error in errors { #expect(error.hint != nil, "\(error.code) has no hint") }
        }
        // Each profile has rules with multi-line strings, so most plantings apply.
        #expect(planted >= 8)
    }

    @Test func aMissingQuoteStopsAtTheNextClause() throws {
        let text = TestPolicies.mini(
            "rule \"a\"\n  forbid when use.a\n  says fr \"Texte sans fin\n  cites \"doc.txt\" section \"S\"\n",
            TestPolicies.rule("b", "forbid when use.b")
        )
        let errors = TestPolicies.load(text).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message))")
        #expect(errors.first?.code == "TP002")
        let says = try #require(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  says fr \"Texte sans fin") }) + 1
        #expect(errors.first?.message.contains("line \(says + 1) starts a new clause") == true)
        #expect(errors.first?.range?.start.line == says)
    }

    @Test func aMissingQuoteStopsAtTheNextStatement() throws {
        let text = TestPolicies.mini(
            "rule \"a\"\n  forbid when use.a\n  cites \"doc.txt\" section \"S\"\n  says fr \"Texte sans fin\n",
            TestPolicies.rule("b", "forbid when use.b")
        )
        let errors = TestPolicies.load(text).diagnostics.filter { $0.severity == .error }
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors.map(\.message))")
        #expect(error.code == "TP002")
        #expect(error.message.contains("starts a new statement"))
    }

    @Test func aRunOfStrayCharactersIsOneDiagnosticCoveringTheRun() throws {
        let text = TestPolicies.mini(TestPolicies.rule("a", "forbid when use.a") + "  @@ ?? ]]\n")
        let errors = TestPolicies.load(text).diagnostics.filter { $0.severity == .error }
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "unexpected characters `@@ ?? ]]`")
        #expect(error.range?.length == "@@ ?? ]]".count)
    }

    @Test func aClauseAtColumnOneIsNamedAsMissingIndentation() throws {
        let text = TestPolicies.mini("rule \"a\"\n  forbid when use.a\n  says fr \"Texte.\"\ncites \"doc.txt\" section \"S\"\n")
        let errors = TestPolicies.load(text).diagnostics.filter { $0.severity == .error }
        let error = try #require(errors.first { $0.code == "TP104" }, "\(errors.map(\.message))")
        #expect(error.message.contains("missing indentation"))
        #expect(error.range?.start.column == 1)
    }
}
