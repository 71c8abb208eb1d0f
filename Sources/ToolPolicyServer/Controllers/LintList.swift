import Foundation
import Hummingbird
import ToolPolicy
import ToolPolicyReports

/// A `/v1/lint` body read into its rows, before any row is checked: at most `--max-lint-rows`
/// rows are kept (a longer list is refused whole), so the server knows before it answers
/// whether the list fits, and can stream the report afterwards.
struct LintList: Sendable {
    /// The column names, when the list has a header row.
    var columns: [String]?
    /// The rows, in order.
    var entries: [UseListEntry] = []
    /// Why reading stopped before the end of the body, if it did.
    var readError: ListReadError?

    /// Reads `bytes` as CSV or JSON.
    ///
    /// - Throws: ``APIError`` 413 `too_many_rows` when the list has more than `limit` rows.
    static func read(_ bytes: [UInt8], csv: Bool, limit: Int) throws(APIError) -> LintList {
        var list = LintList()
        var rows = 0
        do {
            let reader = try (csv ? ListInput.csv(bytes) : ListInput.json(bytes)).open()
            list.columns = reader.columns
            while let entry = try reader.next() {
                rows += 1
                if rows <= limit { list.entries.append(entry) }
            }
        } catch {
            list.readError = error
        }
        guard rows <= limit else { throw APIError.tooManyRows(rows, limit: limit) }
        return list
    }

    /// The list as the lint pipeline's input.
    var input: ListInput {
        .entries(entries, columns: columns ?? [], readError: readError)
    }

    /// Checks every row, into `reporter`; returns the summary.
    func lint(_ linter: UseListLinter, into reporter: inout some LintReporter & ~Copyable) -> LintSummary {
        LintPipeline.run(linter, input: input, into: &reporter).summary
    }

    /// Checks every row and writes the JSON lint document to `writer` in blocks of about
    /// 64 KiB, so that the whole document is never in memory.
    func stream(_ linter: UseListLinter, context: LintContext, to writer: inout any ResponseBodyWriter) async throws {
        var reporter = JSONLintReporter(context: context, to: .memory)
        var summary = LintSummary()
        var columnState = UseListLinter.Columns()
        var trace = EvaluationTrace(for: linter.policy)
        var block: [UInt8] = []
        reporter.begin(columnWarnings: columns.map(linter.unknownColumns) ?? [])
        for entry in entries {
            let result = linter.check(entry, columns: &columnState, trace: &trace)
            summary.add(result)
            reporter.report(result)
            block += reporter.output.take()
            if block.count >= 1 << 16 {
                try await writer.write(ByteBuffer(bytes: block))
                block.removeAll(keepingCapacity: true)
            }
        }
        reporter.finish(summary: summary, readError: nil)
        block += reporter.output.take()
        try await writer.write(ByteBuffer(bytes: block))
        try await writer.finish(nil)
    }
}

/// The decision-log line of one list: its summary and its decisions grouped
/// (``DecisionLogLine/LintEntry``), built while the rows are checked.
struct LintLogReporter: LintReporter {
    private struct GroupKey: Hashable {
        var tool: String
        var verdict: Verdict
        var rulesFired: [String]
    }

    private var groups: [GroupKey: DecisionLogLine.LintEntry.Group] = [:]
    private var order: [GroupKey] = []
    private(set) var summary = LintSummary()

    mutating func begin(columnWarnings: [RowProblem]) {}

    mutating func report(_ result: LintResult) {
        guard let outcome = result.outcome else { return }
        let key = GroupKey(tool: result.tool, verdict: outcome.verdict, rulesFired: outcome.rulesFired)
        if groups[key] == nil {
            order.append(key)
            groups[key] = .init(tool: key.tool, verdict: key.verdict, rulesFired: key.rulesFired, count: 0, rows: [])
        }
        groups[key]!.count += 1
        if groups[key]!.rows.count < DecisionLogLine.LintEntry.rowsKept { groups[key]!.rows.append(result.row) }
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) { self.summary = summary }

    /// The line, for the request `requestId` on the list `list`.
    func entry(requestId: String, list: String, digest: String, at time: Date = Date()) -> DecisionLogLine.LintEntry {
        DecisionLogLine.LintEntry(time: time.timestamp, requestId: requestId, list: list, digest: digest,
                                  summary: summary, decisions: order.compactMap { groups[$0] })
    }
}

extension Request {
    /// `?decisions=true`: every checked row of the lint document also carries its whole
    /// decision. Absent or `false`: rows carry their verdict, findings and unknown facts.
    ///
    /// - Throws: ``APIError`` 422 `invalid_request` for another value.
    var decisionsParameter: Bool {
        get throws(APIError) {
            switch uri.queryParameters["decisions"].map(String.init) {
            case nil, "false": return false
            case "true": return true
            case let other?:
                throw APIError(.unprocessableContent, code: "invalid_request",
                               message: "`decisions` is `true` or `false`, not `\(other)`", details: ["path": .string("decisions")])
            }
        }
    }
}
