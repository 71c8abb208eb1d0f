import Foundation

/// The one way a list is linted, pulled one way: a reader hands over rows, the linter
/// decides them, a reporter writes them. With `concurrent`, the list is read (decoded,
/// split into cells) on one thread and decided on another while this one writes the
/// report, with at most ``queuedBatches`` batches of ``batchRows`` rows between two
/// stages; the rows are reported in the list's order either way.
package enum LintPipeline {
    /// Rows per batch handed from one stage to the next.
    static let batchRows = 1024
    /// The most batches waiting between two stages.
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
        let deciding = Deciding(linter: linter, allowUnknownColumns: allowUnknownColumns)
        var writing = Writing()
        if concurrent {
            // Three stages on their own threads, so that the two cores share whatever
            // work each report format puts where: reading, deciding, writing.
            let read = ListBatchQueue<ListBatch>(capacity: queuedBatches)
            let decided = ListBatchQueue<DecidedBatch>(capacity: queuedBatches)
            let reading = Thread { Self.read(input, ignoring: { linter.ignoredColumns($0) }, emit: read.push) }
            let deciding = Thread {
                var deciding = deciding
                while deciding.take(read.pop(), emit: decided.push) {}
            }
            for thread in [reading, deciding] {
                thread.stackSize = 1 << 22
                thread.start()
            }
            while writing.take(decided.pop(), into: &reporter, progress: progress) {}
        } else {
            var deciding = deciding
            read(input, ignoring: { linter.ignoredColumns($0) }) { batch in
                _ = deciding.take(batch) { _ = writing.take($0, into: &reporter, progress: progress) }
            }
        }
        return (writing.summary, writing.readError)
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

    /// The deciding stage: the column warnings, the refusal of a list with a misspelt
    /// column, and each row's result, with the caches rows share.
    private struct Deciding {
        let linter: UseListLinter
        let allowUnknownColumns: Bool
        var columns = UseListLinter.Columns()
        var trace: EvaluationTrace
        var refused = false

        init(linter: UseListLinter, allowUnknownColumns: Bool) {
            self.linter = linter
            self.allowUnknownColumns = allowUnknownColumns
            trace = EvaluationTrace(for: linter.policy)
        }

        /// Decides one batch of the reader and hands what it gives to `emit`; `false` after
        /// the end.
        mutating func take(_ batch: ListBatch, emit: (DecidedBatch) -> Void) -> Bool {
            switch batch {
            case .columns(let names):
                let misspelt = allowUnknownColumns ? [] : linter.misspeltColumns(names)
                let named = Set(misspelt.map(\.column))
                let warnings = linter.unknownColumns(names).filter { !named.contains($0.column) }
                let refusal = ListReadError.refusedColumns(misspelt)
                refused = refusal != nil
                emit(.begin(columnWarnings: warnings, refused: refusal))
                return true
            case .rows(let entries):
                guard !refused else { return true }
                // Local copies, so that checking a row neither copies the linter nor
                // shares the caches with `self` (both would cost per row).
                let linter = linter
                var columns = columns
                self.columns = UseListLinter.Columns()
                var results: [LintResult] = []
                results.reserveCapacity(entries.count)
                for entry in entries { results.append(linter.check(entry, columns: &columns, trace: &trace)) }
                self.columns = columns
                emit(.results(results))
                return true
            case .end(let error):
                emit(.end(error))
                return false
            }
        }
    }

    /// The writing stage: what the rows so far add up to, and the reporter's calls in order.
    private struct Writing {
        var summary = LintSummary()
        var begun = false
        var refused: ListReadError?
        var readError: ListReadError?

        /// Takes one batch; `false` after the end.
        mutating func take(_ batch: DecidedBatch, into reporter: inout some LintReporter & ~Copyable, progress: () -> Void) -> Bool {
            switch batch {
            case .begin(let warnings, let refusal):
                reporter.begin(columnWarnings: warnings)
                begun = true
                refused = refusal
                return true
            case .results(let results):
                var summary = summary
                for result in results {
                    summary.add(result)
                    reporter.report(result)
                    progress()
                }
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
