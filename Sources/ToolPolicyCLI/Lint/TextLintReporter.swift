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
    private var words: ListPresenter
    private var templates = RowTemplates()

    init(context: LintContext, shown: Shown) {
        self.context = context
        self.shown = shown
        words = ListPresenter(context: context)
    }

    private var labels: Labels { words.labels }

    /// Writes one line, escaped, and its line break.
    private mutating func line(_ text: String) {
        output.write(VisibleText.escape(text) + "\n")
    }

    mutating func begin(columnWarnings: [RowProblem]) {
        guard shown != .denied else { return }
        line("\(context.path) · \(labels.profile) \(context.policy.profileName) · \(context.policy.digest.prefix(19))…")
        for warning in columnWarnings {
            line("\(context.path):1: \(words.warning)\(labels.colon)\(words.problem(warning))")
        }
    }

    mutating func report(_ result: LintResult) {
        if let line = result.line, let template = templates[result] {
            output.write(template, row: result.row, line: line)
            return
        }
        guard let line = result.line, RowTemplates.applies(to: result) else { return write(result) }
        let mark = output.beginCapture()
        write(RowTemplates.marked(result))
        let template = RowTemplate(rendered: output.endCapture(from: mark))
        templates.remember(template, for: result)
        output.write(template, row: result.row, line: line)
    }

    /// Writes a row's line (none for a row not shown).
    private mutating func write(_ result: LintResult) {
        let place = "\(context.path):\(result.line.map(String.init) ?? "?") \(words.rowNumber(result))"
        guard let verdict = result.verdict else {
            guard shown != .denied else { return }
            for problem in result.problems {
                line("\(place)\(labels.colon)\(words.error)\(labels.colon)\(words.problem(problem))")
            }
            return
        }
        let wanted = switch shown {
        case .all: true
        case .attention: verdict != .allowed
        case .denied: verdict == .denied
        }
        guard wanted, let outcome = result.outcome else { return }
        var text = "\(place)\(labels.colon)\(labels.verdict(verdict)) — \(result.tool)"
        let findings = words.findings(of: outcome)
        if !findings.isEmpty {
            text += labels.colon + findings.map { "\($0.summary) [\($0.rule)]" }.joined(separator: "; ")
        }
        line(text)
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        if let readError {
            let language = context.language
            line("\(context.path):\(readError.place): \(words.error)\(labels.colon)\(readError.text.text(in: language))"
                + ((readError.hintText?.text(in: language)).map { " — \($0)" } ?? ""))
        }
        line(words.summary(summary))
        output.flush()
    }
}
