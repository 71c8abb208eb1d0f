package import ToolPolicy

/// The words of a list report, the same in every format (text, SARIF, JUnit, GitLab):
/// where a row is, what it shows (``findings(of:)``), what is wrong with a
/// malformed row, and the summary, with counts that agree. Each rule's finding is worded
/// once per report: a school's list repeats the same few tools.
package struct ListPresenter: Sendable {
    /// The presenter of the policy's decisions.
    package let presenter: Presenter
    private var findings: [String: DecisionPresentation.Finding] = [:]

    /// A presenter for a lint run.
    package init(context: LintContext) {
        presenter = Presenter(policy: context.policy, language: context.language)
    }

    /// The words shared by every output.
    package var labels: Labels { Labels(language: presenter.language) }
    private var french: Bool { presenter.language == .fr }

    /// What a report shows for a row, the same in every format: the reasons of a denial or
    /// a review, the open requirements of a conditional answer, nothing for an allowed one
    /// (``LintOutcome/findings``), each rule worded once per report.
    package mutating func findings(of outcome: LintOutcome) -> [DecisionPresentation.Finding] {
        outcome.findings.map { finding in
            if let known = findings[finding.rule] { return known }
            let worded = presenter.finding(finding)
            findings[finding.rule] = worded
            return worded
        }
    }

    /// `row 3: Zoom` / `n° 3 : Zoom`.
    package func row(_ result: LintResult) -> String {
        let tool = result.tool.isEmpty ? "?" : result.tool
        return french ? "n° \(result.row) : \(tool)" : "row \(result.row): \(tool)"
    }

    /// `row 3` / `(n° 3)`, after a file's line.
    package func rowNumber(_ result: LintResult) -> String {
        french ? "(n° \(result.row))" : "row \(result.row)"
    }

    /// A problem and its hint: `… (did you mean …?)`.
    package func problem(_ problem: RowProblem) -> String {
        withHint(problem.text, problem.hintText)
    }

    /// Why the list could not be read and its hint, as a problem: `… (check the path…)`.
    package func readError(_ error: ListReadError) -> String {
        withHint(error.text, error.hintText)
    }

    /// `text (hint)` in the report's language, or the text alone.
    private func withHint(_ text: LocalizedText, _ hint: LocalizedText?) -> String {
        text.text(in: presenter.language) + (hint.map { " (" + $0.text(in: presenter.language) + ")" } ?? "")
    }

    /// `error` / `erreur`.
    package var error: String { french ? "erreur" : "error" }
    /// `warning` / `attention`.
    package var warning: String { french ? "attention" : "warning" }

    /// The summary line, with counts that agree: `1 ligne : 1 autorisée, …`.
    package func summary(_ summary: LintSummary) -> String {
        let l = labels
        let parts = [
            l.count(summary.allowed, ("autorisée", "allowed"), ("autorisées", "allowed")),
            l.count(summary.conditional, ("sous conditions", "conditional"), ("sous conditions", "conditional")),
            l.count(summary.denied, ("refusée", "denied"), ("refusées", "denied")),
            l.count(summary.review, ("à examiner", "review"), ("à examiner", "review")),
            l.count(summary.malformed, ("invalide", "malformed"), ("invalides", "malformed")),
        ]
        return l.count(summary.rows, ("ligne", "row"), ("lignes", "rows")) + l.colon + parts.joined(separator: ", ")
    }
}
