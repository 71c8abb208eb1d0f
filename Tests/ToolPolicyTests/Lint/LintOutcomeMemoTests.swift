import Testing
import ToolPolicy

/// The linter decides each distinct use (tool and typed facts) once per run and hands the
/// same outcome to the rows that repeat it: a row checked among others must get exactly
/// what it gets checked alone.
@Suite struct LintOutcomeMemoTests {
    static func policy() throws -> Policy {
        try #require(PolicyLoader.load(at: TestPolicies.rulesFolder).policy)
    }

    /// A school's list: the same few uses over and over, spelt differently, with empty
    /// (unknown) cells, a bad value and an unlisted tool among them.
    static let entries: [UseListEntry] = {
        let uses: [[String: FactValue?]] = [
            ["tool": .string("Zoom"), "mode": .string("install"), "computer": .string("administrative")],
            ["tool": .string("zoom"), "mode": .string("install"), "computer": .string("administrative")],
            ["tool": .string("Teams"), "mode": .string("web"), "accounts": .string("pupils"), "audience": nil],
            ["tool": .string("Jitsi"), "mode": .string("web")],
            ["tool": .string("Discord"), "mode": .string("web")],
            ["tool": .string("bbb-ent"), "mode": .string("instal")],
            ["tool": .string("BBB visio-agents"), "participants": .string("12"), "recorded": .string("oui")],
            ["tool": .string("BBB visio-agents"), "participants": .string("13"), "recorded": .string("oui")],
        ]
        return (0..<64).map { UseListEntry(row: $0 + 1, line: $0 + 2, cells: uses[($0 * 5) % uses.count]) }
    }()

    @Test func aRepeatedRowGetsWhatItGetsAlone() throws {
        let policy = try Self.policy()
        for explain in [false, true] {
            let linter = UseListLinter(policy: policy, today: CivilDate(year: 2026, month: 3, day: 2)!, explain: explain)
            var columns = UseListLinter.Columns()
            var trace = EvaluationTrace(for: policy)
            for entry in Self.entries {
                let shared = linter.check(entry, columns: &columns, trace: &trace)
                let alone = linter.check(entry)
                #expect(shared == alone, "row \(entry.row), explain \(explain)")
                #expect((shared.decision != nil) == (explain && shared.verdict != nil))
            }
        }
    }

    @Test func moreDistinctUsesThanRememberedStillDecideEachRow() throws {
        let policy = try Self.policy()
        let linter = UseListLinter(policy: policy, today: CivilDate(year: 2026, month: 3, day: 2)!)
        var columns = UseListLinter.Columns()
        var trace = EvaluationTrace(for: policy)
        let count = UseListLinter.rememberedOutcomes + 100
        // Every row is a new use; the few compared alone include rows after the memory
        // started afresh, and rows seen before it did.
        for participants in Array(1...count) + [1, 2, 3] {
            let entry = UseListEntry(row: participants, line: nil, cells: ["tool": .string("Teams"), "participants": .string("\(participants)")])
            let shared = linter.check(entry, columns: &columns, trace: &trace)
            if participants % 997 == 0 || participants <= 3 || participants > count - 3 {
                #expect(shared == linter.check(entry), "participants \(participants)")
            }
        }
    }
}
