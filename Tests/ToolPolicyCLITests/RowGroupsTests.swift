import Testing
import ToolPolicy
import ToolPolicyReports

/// The CI reports gather rows by what they show (`RowGroups`) and keep each group's rows
/// and lines as compact differences (`CompactNumbers`): every row must come back, in
/// order, whatever the steps between them.
@Suite struct RowGroupsTests {
    @Test func compactNumbersGiveBackWhatWasAppended() {
        // Ascending rows, unknown lines (0), a step back, numbers past 2^32 and the extremes.
        let numbers = [1, 2, 3, 40, 41, 0, 0, 7, 5_000_000_000, 12, Int.max, Int.min, 0, 300, 299]
        var compact = CompactNumbers()
        for number in numbers { compact.append(number) }
        #expect(Array(compact) == numbers)
        #expect(compact.count == numbers.count)
        #expect(Array(CompactNumbers()).isEmpty)
    }

    @Test func rowsOfOneUseAndToolNameShareAGroupAndNoRowIsLost() throws {
        let policy = try #require(PolicyLoader.load(at: CLI.rules).policy)
        let linter = UseListLinter(policy: policy, today: CivilDate(year: 2026, month: 9, day: 1)!)
        var columns = UseListLinter.Columns()
        var trace = EvaluationTrace(for: policy)
        func row(_ row: Int, line: Int?, _ tool: String, mode: String) -> LintResult {
            linter.check(UseListEntry(row: row, line: line, cells: ["tool": .string(tool), "mode": .string(mode)]), columns: &columns, trace: &trace)
        }
        let results = [
            row(1, line: 2, "Zoom", mode: "web"),
            row(2, line: 3, "Zoom", mode: "install"),
            row(3, line: 5, "Zoom", mode: "web"),
            row(4, line: 6, "zoom", mode: "web"),
            row(5, line: 7, "zoom", mode: "instal"),
            row(6, line: nil, "zoom", mode: "instal"),
        ]
        #expect(results.map { $0.verdict == nil } == [false, false, false, false, true, true])
        var groups = RowGroups()
        for result in results { groups.add(result) }
        #expect(groups.groups.map { Array($0.rows) } == [[1, 3], [2], [4], [5, 6]])
        #expect(groups.groups.map { Array($0.lines) } == [[2, 5], [3], [6], [7, 0]])
        #expect(groups.groups.map(\.first.row) == [1, 2, 4, 5])
        #expect(groups.groups.reduce(0) { $0 + $1.count } == results.count)
    }
}
