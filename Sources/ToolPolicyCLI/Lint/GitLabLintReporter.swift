import Foundation
import ToolPolicy
import ToolPolicyReports

/// GitLab's Code Quality report (`artifacts:reports:codequality`): a JSON array of issues,
/// each with `description`, `check_name` (the policy rule), `fingerprint`, `severity` and
/// `location.path` / `location.lines.begin` (the row's line in the list). It lists the
/// same findings as SARIF for the same row: the reasons of a denied or review row, the
/// open conditions of a conditional one, one issue per malformed-row problem. Issues are
/// streamed.
struct GitLabLintReporter: LintReporter, ~Copyable {
    let context: LintContext
    var output = OutputBuffer()
    private var first = true

    private var words: ListPresenter
    private var templates = RowTemplates()
    /// The list's path as a JSON string, written in every issue.
    private let pathJSON: String

    init(context: LintContext) {
        self.context = context
        words = ListPresenter(context: context)
        pathJSON = JSONText.quoted(context.path)
    }

    /// GitLab's scale is info, minor, major, critical, blocker: a forbidden use is
    /// critical, a use to review major, an open condition minor.
    static func severity(of verdict: Verdict) -> String {
        switch verdict {
        case .denied: "critical"
        case .review: "major"
        case .conditional: "minor"
        case .allowed: "info"
        }
    }

    /// A fingerprint unique per list, row, rule and finding: GitLab keeps only the first
    /// issue of a fingerprint, so two rows breaking one rule must not share one. 32 hex
    /// digits: 16 of a SHA-256 of the list, rule and finding, then the row's 16.
    static func fingerprint(path: String, row: Int, rule: String, index: Int) -> String {
        String(SHA256.hex(Array("\(path)\u{0}\(rule)\u{0}\(index)".utf8)).prefix(16)) + RowTemplate.hex16(row)
    }

    private mutating func issue(rule: String, severity: String, description: String, line: Int?, row: Int, index: Int = 0) {
        output.write((first ? "\n" : ",\n")
            + "{\"description\":\(JSONText.quoted(description)),\"check_name\":\(JSONText.quoted(rule)),"
            + "\"fingerprint\":\"\(Self.fingerprint(path: context.path, row: row, rule: rule, index: index))\","
            + "\"severity\":\"\(severity)\","
            + "\"location\":{\"path\":\(pathJSON),\"lines\":{\"begin\":\(max(1, line ?? 1))}}}")
        first = false
    }

    mutating func begin(columnWarnings: [RowProblem]) {
        output.write("[")
        for (index, warning) in columnWarnings.enumerated() {
            issue(rule: "unknown-column", severity: "minor", description: words.problem(warning),
                  line: 1, row: 0, index: index)
        }
    }

    mutating func report(_ result: LintResult) {
        if let line = result.line, let template = templates[result] {
            return write(template, result: result, line: line)
        }
        guard let line = result.line, RowTemplates.applies(to: result) else { return write(result) }
        // Rendered as if not first, so every issue starts with its `,`.
        let (wasFirst, mark) = (first, output.beginCapture())
        first = false
        write(RowTemplates.marked(result))
        let template = RowTemplate(rendered: output.endCapture(from: mark))
        first = wasFirst
        templates.remember(template, for: result)
        write(template, result: result, line: line)
    }

    /// Writes a row's issues from its template; the first issue of the document goes
    /// without the template's leading `,`.
    private mutating func write(_ template: RowTemplate, result: LintResult, line: Int) {
        output.write(template, row: result.row, line: line, skip: first ? 1 : 0)
        if !template.isEmpty { first = false }
    }

    /// Writes a row's issues: one per finding, or per problem of a malformed row.
    private mutating func write(_ result: LintResult) {
        let labels = words.labels
        let prefix = words.row(result)
        guard let verdict = result.verdict else {
            for (index, problem) in result.problems.enumerated() {
                issue(rule: "malformed-row", severity: "major", description: prefix + labels.colon + words.problem(problem),
                      line: result.line, row: result.row, index: index)
            }
            return
        }
        guard let outcome = result.outcome else { return }
        for finding in words.findings(of: outcome) {
            issue(rule: finding.rule, severity: Self.severity(of: verdict),
                  description: "\(prefix) — \(labels.verdict(verdict))\(labels.colon)\(finding.text)",
                  line: result.line, row: result.row)
        }
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        if let readError {
            issue(rule: "unreadable-list", severity: "blocker", description: readError.message + (readError.hint.map { " (\($0))" } ?? ""),
                  line: readError.line, row: -1)
        }
        output.write("\n]\n")
        output.flush()
    }
}
