package import ToolPolicy

/// Writes the results of a lint run in one format, as they come.
package protocol LintReporter: ~Copyable {
    /// Called once, before the rows, with the warnings about the list's columns.
    mutating func begin(columnWarnings: [RowProblem])
    /// Called for each row, in order.
    mutating func report(_ result: LintResult)
    /// Called once at the end; `readError` is set when the list could not be read to its end.
    mutating func finish(summary: LintSummary, readError: ListReadError?)
}

extension DecisionDocument {
    /// What a list report shows for a row: the reasons of a denial or a review, the open
    /// requirements of a conditional answer, nothing for an allowed one.
    package var reportedFindings: [Decision.Finding] {
        switch verdict {
        case .denied, .review: reasons
        case .conditional: conditions.filter { $0.status == .unknown && $0.effect != .forbid }
        case .allowed: []
        }
    }
}

/// What every reporter knows about the run.
package struct LintContext: Sendable {
    /// The policy the rows are checked against.
    package let policy: Policy
    /// The list's name as shown: its path, or `-` for a request body.
    package let path: String
    /// The language of the messages.
    package let language: Language

    /// The context of one run.
    package init(policy: Policy, path: String, language: Language) {
        self.policy = policy
        self.path = path
        self.language = language
    }
}

/// The loop every lint run shares: read the list, check each row, report it, sum it up.
package enum LintRun {
    /// Checks every entry `read` hands over and reports it; returns the summary and the
    /// error that stopped reading, if any (the rows before it are reported). Unless
    /// `allowUnknownColumns`, a column that is a near miss of a known one (`outil2`,
    /// `mdoe`) refuses the list before any row: its cells would be dropped silently.
    package static func run(
        _ linter: UseListLinter,
        into reporter: inout some LintReporter & ~Copyable,
        allowUnknownColumns: Bool = true,
        language: Language = .en,
        read: (_ header: ([String]) -> Void, _ body: (UseListEntry) -> Void) throws(ListReadError) -> Void
    ) -> (summary: LintSummary, readError: ListReadError?) {
        var summary = LintSummary()
        var columns = UseListLinter.Columns()
        var trace = EvaluationTrace(for: linter.policy)
        var readError: ListReadError?
        var refused: ListReadError?
        var begun = false
        do {
            try read(
                { names in
                    let misspelt = allowUnknownColumns ? [] : linter.misspeltColumns(names)
                    let named = Set(misspelt.map(\.column))
                    reporter.begin(columnWarnings: linter.unknownColumns(names).filter { !named.contains($0.column) })
                    begun = true
                    if let first = misspelt.first {
                        refused = ListReadError(message: misspelt.map { $0.text.text(in: language) }.joined(separator: "; "), line: 1,
                                                hint: first.hintText?.text(in: language), kind: .refused)
                    }
                },
                { entry in
                    guard refused == nil else { return }
                    let result = linter.check(entry, columns: &columns, trace: &trace)
                    summary.add(result)
                    reporter.report(result)
                }
            )
        } catch {
            readError = error
        }
        readError = refused ?? readError
        if !begun { reporter.begin(columnWarnings: []) }
        reporter.finish(summary: summary, readError: readError)
        return (summary, readError)
    }
}
