import ToolPolicy
import ToolPolicyReports

/// One line per row that needs attention (every row with `--all`, the denied ones only with
/// `--quiet`), then a summary. Every
/// line goes through ``VisibleText``: a cell's control characters and ANSI escapes are
/// shown as `\u{1B}`, never acted on by the terminal.
struct TextLintReporter: LintReporter, ~Copyable {
    /// Which rows get a line.
    enum Shown {
        /// Denied, review, conditional and malformed rows, with the header and column warnings.
        case attention
        /// Every row.
        case all
        /// Denied rows only, and the summary (`--quiet`).
        case denied
    }

    let context: LintContext
    let shown: Shown
    var output = OutputBuffer()
    /// The first sentence of each rule's message, computed once per rule.
    private var sentences: [String: String] = [:]

    init(context: LintContext, shown: Shown) {
        self.context = context
        self.shown = shown
    }

    private mutating func sentence(_ finding: Decision.Finding) -> String {
        if let known = sentences[finding.rule] { return known }
        let sentence = DecisionText.firstSentence(finding.message.text(in: context.language))
        sentences[finding.rule] = sentence
        return sentence
    }

    private var labels: Labels { Labels(language: context.language) }

    /// Writes one line, escaped, and its line break.
    private mutating func line(_ text: String) {
        output.write(VisibleText.escape(text) + "\n")
    }

    mutating func begin(columnWarnings: [RowProblem]) {
        guard shown != .denied else { return }
        line("\(context.path) · \(labels.profile) \(context.policy.profileName) · \(context.policy.digest.prefix(19))…")
        for warning in columnWarnings {
            line("\(context.path):1: warning: \(warning.message)\(warning.hint.map { " (\($0))" } ?? "")")
        }
    }

    mutating func report(_ result: LintResult) {
        let place = "\(context.path):\(result.line.map(String.init) ?? "?") row \(result.row)"
        guard let verdict = result.verdict else {
            guard shown != .denied else { return }
            for problem in result.problems {
                line("\(place): error: \(problem.message)\(problem.hint.map { " — \($0)" } ?? "")")
            }
            return
        }
        let wanted = switch shown {
        case .all: true
        case .attention: verdict != .allowed
        case .denied: verdict == .denied
        }
        guard wanted, let decision = result.decision else { return }
        var text = "\(place): \(labels.verdict(verdict)) — \(result.tool)"
        let findings = decision.reportedFindings
        if !findings.isEmpty {
            text += ": " + findings.map { "\(sentence($0)) [\($0.rule)]" }.joined(separator: "; ")
        }
        line(text)
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        if let readError {
            line("\(context.path):\(readError.place): error: \(readError.message)\(readError.hint.map { " — \($0)" } ?? "")")
        }
        let words = context.language == .fr
            ? "\(summary.rows) lignes : \(summary.allowed) autorisées, \(summary.conditional) sous conditions, \(summary.denied) refusées, \(summary.review) à examiner, \(summary.malformed) invalides"
            : "\(summary.rows) rows: \(summary.allowed) allowed, \(summary.conditional) conditional, \(summary.denied) denied, \(summary.review) review, \(summary.malformed) malformed"
        line(words)
        output.flush()
    }
}
