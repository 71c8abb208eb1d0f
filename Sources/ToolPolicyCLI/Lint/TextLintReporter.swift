import ToolPolicy
import ToolPolicyReports

/// One line per row that needs attention (every row with `--all`), then a summary.
struct TextLintReporter: LintReporter, ~Copyable {
    let context: LintContext
    let showAll: Bool
    var output = OutputBuffer()
    /// The first sentence of each rule's message, computed once per rule.
    private var sentences: [String: String] = [:]

    init(context: LintContext, showAll: Bool) {
        self.context = context
        self.showAll = showAll
    }

    private mutating func sentence(_ finding: Decision.Finding) -> String {
        if let known = sentences[finding.rule] { return known }
        let sentence = DecisionText.firstSentence(finding.message.text(in: context.language))
        sentences[finding.rule] = sentence
        return sentence
    }

    private var labels: Labels { Labels(language: context.language) }

    mutating func begin(columnWarnings: [RowProblem]) {
        output.write("\(context.path) · \(labels.profile) \(context.policy.profileName) · \(context.policy.digest.prefix(19))…\n")
        for warning in columnWarnings {
            output.write("\(context.path):1: warning: \(warning.message)\(warning.hint.map { " (\($0))" } ?? "")\n")
        }
    }

    mutating func report(_ result: LintResult) {
        let place = "\(context.path):\(result.line.map(String.init) ?? "?") row \(result.row)"
        guard let verdict = result.verdict else {
            for problem in result.problems {
                output.write("\(place): error: \(problem.message)\(problem.hint.map { " — \($0)" } ?? "")\n")
            }
            return
        }
        guard showAll || verdict != .allowed, let decision = result.decision else { return }
        var line = "\(place): \(labels.verdict(verdict)) — \(result.tool)"
        let findings = decision.reportedFindings
        if !findings.isEmpty {
            line += ": " + findings.map { "\(sentence($0)) [\($0.rule)]" }.joined(separator: "; ")
        }
        output.write(line + "\n")
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        if let readError {
            output.write("\(context.path):\(readError.place): error: \(readError.message)\(readError.hint.map { " — \($0)" } ?? "")\n")
        }
        let words = context.language == .fr
            ? "\(summary.rows) lignes : \(summary.allowed) autorisées, \(summary.conditional) sous conditions, \(summary.denied) refusées, \(summary.review) à examiner, \(summary.malformed) invalides"
            : "\(summary.rows) rows: \(summary.allowed) allowed, \(summary.conditional) conditional, \(summary.denied) denied, \(summary.review) review, \(summary.malformed) malformed"
        output.write(words + "\n")
        output.flush()
    }
}
