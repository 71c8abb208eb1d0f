import Foundation

/// The one way a list is linted, pulled one way: a reader hands over rows, the linter
/// decides them, a reporter writes them. With `concurrent`, the list is read (decoded,
/// split into cells) on a second thread while this one decides and writes, with at most
/// ``queuedBatches`` batches of ``batchRows`` rows between them; the rows are reported in
/// the list's order either way.
package enum LintPipeline {
    /// Rows per batch handed from the reading thread to the checking one.
    static let batchRows = 1024
    /// The most batches waiting between the two threads.
    static let queuedBatches = 8

    /// Reads `input`, checks each row and reports it; returns the summary and the error
    /// that stopped reading, if any (the rows before it are reported). Unless
    /// `allowUnknownColumns`, a column that is a near miss of a known one (`outil2`,
    /// `mdoe`) refuses the list before any row: its cells would be dropped silently.
    /// `progress` is called after each row, on this thread.
    package static func run(
        _ linter: UseListLinter,
        input: ListInput,
        into reporter: inout some LintReporter & ~Copyable,
        allowUnknownColumns: Bool = true,
        concurrent: Bool = false,
        progress: () -> Void = {}
    ) -> (summary: LintSummary, readError: ListReadError?) {
        var state = Checking(linter: linter, allowUnknownColumns: allowUnknownColumns)
        if concurrent {
            let queue = ListBatchQueue(capacity: queuedBatches)
            let reading = Thread { read(input, ignoring: { linter.ignoredColumns($0) }, emit: queue.push) }
            reading.stackSize = 1 << 22
            reading.start()
            while state.take(queue.pop(), into: &reporter, progress: progress) {}
        } else {
            read(input, ignoring: { linter.ignoredColumns($0) }) { batch in _ = state.take(batch, into: &reporter, progress: progress) }
        }
        return (state.summary, state.readError)
    }

    /// Opens `input` and hands over its columns, its rows in batches, then its end; the
    /// cells of the columns `ignoring` marks are not decoded.
    static func read(_ input: ListInput, ignoring: ([String]) -> [Bool], emit: (ListBatch) -> Void) {
        let rows: any ListRows
        do {
            rows = try input.open(ignoring: ignoring)
        } catch {
            emit(.end(error))
            return
        }
        emit(.columns(rows.columns))
        var batch: [UseListEntry] = []
        batch.reserveCapacity(batchRows)
        do {
            while let entry = try rows.next() {
                batch.append(entry)
                if batch.count == batchRows {
                    emit(.rows(batch))
                    batch = []
                    batch.reserveCapacity(batchRows)
                }
            }
        } catch {
            if !batch.isEmpty { emit(.rows(batch)) }
            emit(.end(error))
            return
        }
        if !batch.isEmpty { emit(.rows(batch)) }
        emit(.end(nil))
    }

    /// The checking side: what the rows so far add up to.
    private struct Checking {
        let linter: UseListLinter
        let allowUnknownColumns: Bool
        var summary = LintSummary()
        var columns = UseListLinter.Columns()
        var trace: EvaluationTrace
        var begun = false
        var refused: ListReadError?
        var readError: ListReadError?

        init(linter: UseListLinter, allowUnknownColumns: Bool) {
            self.linter = linter
            self.allowUnknownColumns = allowUnknownColumns
            trace = EvaluationTrace(for: linter.policy)
        }

        /// Takes one batch; `false` after the end.
        mutating func take(_ batch: ListBatch, into reporter: inout some LintReporter & ~Copyable, progress: () -> Void) -> Bool {
            switch batch {
            case .columns(let names):
                let misspelt = allowUnknownColumns ? [] : linter.misspeltColumns(names)
                let named = Set(misspelt.map(\.column))
                reporter.begin(columnWarnings: linter.unknownColumns(names).filter { !named.contains($0.column) })
                begun = true
                refused = ListReadError.refusedColumns(misspelt)
                return true
            case .rows(let entries):
                guard refused == nil else { return true }
                // Local copies, so that checking a row neither copies the linter nor
                // shares the caches with `self` (both would cost per row).
                let linter = linter
                var columns = columns
                self.columns = UseListLinter.Columns()
                var summary = summary
                for entry in entries {
                    let result = linter.check(entry, columns: &columns, trace: &trace)
                    summary.add(result)
                    reporter.report(result)
                    progress()
                }
                self.columns = columns
                self.summary = summary
                return true
            case .end(let error):
                readError = refused ?? error
                if !begun { reporter.begin(columnWarnings: []) }
                reporter.finish(summary: summary, readError: readError)
                return false
            }
        }
    }
}
