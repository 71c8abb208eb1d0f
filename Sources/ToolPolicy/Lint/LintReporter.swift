/// Writes the results of a lint run in one format, as they come: the end of the one-way
/// lint pipeline (``LintPipeline``), which calls it from one thread, in list order.
package protocol LintReporter: ~Copyable {
    /// Called once, before the rows, with the warnings about the list's columns.
    mutating func begin(columnWarnings: [RowProblem])
    /// Called for each row, in order.
    mutating func report(_ result: LintResult)
    /// Called once at the end; `readError` is set when the list could not be read to its end.
    mutating func finish(summary: LintSummary, readError: ListReadError?)
}
