import ToolPolicy

/// Writes the results of a lint run in one format, as they come.
protocol LintReporter: ~Copyable {
    /// Called once, before the rows, with the warnings about the list's columns.
    mutating func begin(columnWarnings: [RowProblem])
    /// Called for each row, in order.
    mutating func report(_ result: LintResult)
    /// Called once at the end; `readError` is set when the list could not be read to its end.
    mutating func finish(summary: LintSummary, readError: ListReadError?)
}

extension Decision {
    /// What a list report shows for a row: the reasons of a denial or a review, the open
    /// requirements of a conditional answer, nothing for an allowed one.
    var reportedFindings: [Finding] {
        switch verdict {
        case .denied, .review: reasons
        case .conditional: conditions.filter { $0.status == .unknown && $0.effect != .forbid }
        case .allowed: []
        }
    }
}

/// What every reporter knows about the run.
struct LintContext {
    let policy: Policy
    let path: String
    let language: Language
}
