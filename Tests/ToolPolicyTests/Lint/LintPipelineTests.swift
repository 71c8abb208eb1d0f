import Testing
@testable import ToolPolicy

/// The lint pipeline reads on a second thread when asked: the reporter must see exactly
/// what it sees with one thread — the same rows, in the file's order, the rows before a
/// broken one, and the error that stopped the reading.
@Suite struct LintPipelineTests {
    /// Keeps every call, in order.
    struct Recorder: LintReporter {
        var calls: [String] = []
        var results: [LintResult] = []

        mutating func begin(columnWarnings: [RowProblem]) { calls.append("begin \(columnWarnings.map(\.column))") }
        mutating func report(_ result: LintResult) { results.append(result) }
        mutating func finish(summary: LintSummary, readError: ListReadError?) {
            calls.append("finish \(summary.rows) \(summary.malformed) \(readError?.line ?? 0) \(readError?.message ?? "")")
        }
    }

    static func run(_ input: ListInput, concurrent: Bool, allowUnknownColumns: Bool = true) throws -> Recorder {
        let policy = try #require(PolicyLoader.load(at: TestPolicies.rulesFolder).policy)
        var recorder = Recorder()
        _ = LintPipeline.run(UseListLinter(policy: policy, today: CivilDate(year: 2026, month: 3, day: 2)!), input: input,
                             into: &recorder, allowUnknownColumns: allowUnknownColumns, concurrent: concurrent)
        return recorder
    }

    /// Several batches of rows (``LintPipeline/batchRows`` each), a bad value among them,
    /// then a quote left open: reading stops there, after every row before it.
    static let brokenList: [UInt8] = {
        let uses = ["zoom;install;administrative;x", "teams;web;;x", "jitsi;web;pedagogical;x", "bbb-ent;flying;;x"]
        let rows = (0..<(LintPipeline.batchRows * 3 + 17)).map { uses[$0 % uses.count] }
        return Array(("tool;mode;computer;notes\n" + rows.joined(separator: "\n") + "\n\"zoom;web\n").utf8)
    }()

    @Test func twoThreadsReportWhatOneDoesInTheFilesOrder() throws {
        for input in [ListInput.csv(Self.brokenList), .entries([], columns: ["tool"]), .csv([])] {
            let one = try Self.run(input, concurrent: false)
            let two = try Self.run(input, concurrent: true)
            #expect(one.calls == two.calls)
            #expect(one.results == two.results)
            #expect(two.results.map(\.row) == Array(0..<two.results.count).map { $0 + 1 })
        }
        let broken = try Self.run(.csv(Self.brokenList), concurrent: true)
        #expect(broken.results.count == LintPipeline.batchRows * 3 + 17)
        #expect(broken.results.filter { $0.verdict == nil }.count == (LintPipeline.batchRows * 3 + 17) / 4, "one bad row in four, none hidden")
        #expect(broken.calls.first == "begin [\"notes\"]")
        #expect(broken.calls.last?.hasPrefix("finish \(LintPipeline.batchRows * 3 + 17) ") == true)
        #expect(broken.calls.last?.contains(" \(LintPipeline.batchRows * 3 + 19) ") == true, "the open quote's line: \(broken.calls)")
    }

    @Test func aMisspeltColumnRefusesTheListBeforeAnyRowOnEitherThread() throws {
        let list = Array("tool;mdoe\nzoom;web\nteams;web\n".utf8)
        for concurrent in [false, true] {
            let refused = try Self.run(.csv(list), concurrent: concurrent, allowUnknownColumns: false)
            #expect(refused.results.isEmpty)
            #expect(refused.calls.last?.hasPrefix("finish 0 0 1 ") == true, "\(refused.calls)")
        }
    }

    /// A column no rule reads (`notes`) is not decoded: a note pasted from another program in
    /// Windows-1252 no longer makes the row's UTF-8 cells read as Windows-1252 (which turned
    /// `Ma classe à la maison` into `Ma classe Ã  la maison`, an unlisted tool). Cells under
    /// a column with no name are still read, so they still make their row malformed.
    @Test func anIgnoredColumnIsNotDecodedAndCannotSpoilItsRow() throws {
        let list = Array("tool;mode;notes;\n".utf8)
            + Array("Ma classe à la maison;web;".utf8) + [0x72, 0xE9, 0x75, 0x6E, 0x69, 0x6F, 0x6E] + Array(";\n".utf8)  // "réunion" in Windows-1252
            + Array("Ma classe à la maison;web;note;stray\n".utf8)
        for concurrent in [false, true] {
            let results = try Self.run(.csv(list), concurrent: concurrent).results
            #expect(results.count == 2)
            #expect(results.first?.tool == "Ma classe à la maison", "\(results)")
            #expect(results.first?.verdict != nil && results.first?.verdict != .review, "a listed tool, not one to review: \(results)")
            #expect(results.last?.verdict == nil && results.last?.problems.first?.column == "#4", "the unnamed column's cell: \(results)")
        }
    }
}
