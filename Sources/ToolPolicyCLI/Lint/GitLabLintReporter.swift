import Foundation
import ToolPolicy
import ToolPolicyReports

/// GitLab's Code Quality report (`artifacts:reports:codequality`): a JSON array of issues,
/// each with `description`, `check_name` (the policy rule), `fingerprint`, `severity` and
/// `location.path` / `location.lines.begin`. GitLab shows issues only, so the rows are
/// gathered by what they show (``RowGroups``) and each group's issues sit on its first
/// row, naming every row in `occurrences`. It lists the same findings as SARIF for the
/// same groups: the reasons of a denied or review use, the open conditions of a
/// conditional one, one issue per malformed-row problem. The issues are written at the
/// end, when the groups are complete.
struct GitLabLintReporter: LintReporter, ~Copyable {
    let context: LintContext
    var output = OutputBuffer()
    private var first = true

    private var words: ListPresenter
    private var groups = RowGroups()
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
    /// issue of a fingerprint, so two groups breaking one rule must not share one (a
    /// group's row is its first). 32 hex digits: 16 of a SHA-256 of the list, rule and
    /// finding, then the row's 16.
    static func fingerprint(path: String, row: Int, rule: String, index: Int) -> String {
        String(SHA256.hex(Array("\(path)\u{0}\(rule)\u{0}\(index)".utf8)).prefix(16)) + RowTemplate.hex16(row)
    }

    /// Writes an issue; a group's issue also says how many rows it stands for and names
    /// each of them (`occurrences`: `count`, `rows`, `lines`), which GitLab keeps in the
    /// report without reading.
    private mutating func issue(rule: String, severity: String, description: String, line: Int?, row: Int, index: Int = 0, group: RowGroups.Group? = nil) {
        output.write((first ? "\n" : ",\n")
            + "{\"description\":\(JSONText.quoted(description)),\"check_name\":\(JSONText.quoted(rule)),"
            + "\"fingerprint\":\"\(Self.fingerprint(path: context.path, row: row, rule: rule, index: index))\","
            + "\"severity\":\"\(severity)\","
            + "\"location\":{\"path\":\(pathJSON),\"lines\":{\"begin\":\(max(1, line ?? 1))}}")
        first = false
        if let group {
            output.write(",\"occurrences\":{\"count\":\(group.count),")
            output.writeRowsAndLines(of: group)
            output.write("}")
        }
        output.write("}")
    }

    mutating func begin(columnWarnings: [RowProblem]) {
        output.write("[")
        for (index, warning) in columnWarnings.enumerated() {
            issue(rule: "unknown-column", severity: "minor", description: words.problem(warning),
                  line: 1, row: 0, index: index)
        }
    }

    mutating func report(_ result: LintResult) {
        groups.add(result)
    }

    /// Writes a group's issues at its first row: one per finding, or per problem of a
    /// malformed row; an allowed group has none.
    private mutating func write(_ group: RowGroups.Group) {
        let result = group.first
        let labels = words.labels
        let prefix = words.group(group)
        guard let verdict = result.verdict else {
            for (index, problem) in result.problems.enumerated() {
                issue(rule: "malformed-row", severity: "major", description: prefix + labels.colon + words.problem(problem),
                      line: result.line, row: result.row, index: index, group: group)
            }
            return
        }
        guard let outcome = result.outcome else { return }
        for finding in words.findings(of: outcome) {
            issue(rule: finding.rule, severity: Self.severity(of: verdict),
                  description: "\(prefix) — \(labels.verdict(verdict))\(labels.colon)\(finding.text)",
                  line: result.line, row: result.row, group: group)
        }
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        for group in groups.groups { write(group) }
        if let readError {
            issue(rule: "unreadable-list", severity: "blocker", description: words.readError(readError),
                  line: readError.line, row: -1)
        }
        output.write("\n]\n")
        output.flush()
    }
}
