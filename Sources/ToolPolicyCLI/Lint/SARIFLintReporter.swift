import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

/// SARIF 2.1.0: one result per reason of a denied or review row (level error / warning),
/// per open condition of a conditional row (note), per malformed row (error). The
/// location is the row's line in the list, so code scanning shows it on the line; the
/// SARIF rule is the policy rule. Results are streamed.
struct SARIFLintReporter: LintReporter, ~Copyable {
    let context: LintContext
    var output = OutputBuffer()
    private var first = true
    private let ruleIndex: [String: Int]
    private let encoder = JSONOutput.encoder(pretty: false)

    /// Rules that are not in the policy but that results may name.
    static let builtInRules: [(id: String, text: String)] = [
        ("no-permit", "No rule permits this use; without an explicit permit, the use is denied."),
        ("unlisted-tool", "The tool is not in the catalog: its compliance must be reviewed (AMIGO request)."),
        ("malformed-row", "The row could not be checked: a cell is missing or holds a value outside the fact's type."),
        ("unknown-column", "A column of the list is not a use fact; it is ignored."),
        ("unreadable-list", "The list could not be read to its end."),
    ]

    init(context: LintContext) {
        self.context = context
        var index: [String: Int] = [:]
        for (offset, rule) in context.policy.rules.enumerated() { index[rule.id] = offset }
        for (offset, rule) in Self.builtInRules.enumerated() { index[rule.id] = context.policy.rules.count + offset }
        ruleIndex = index
    }

    private func encode(_ value: some Encodable) -> String {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    private func ruleDescriptor(id: String, text: String, help: String?, citations: [Citation]) -> String {
        var properties: [String: [String]] = ["citations": citations.map { "\($0.document) — \($0.section)" }]
        properties["tags"] = ["toolpolicy"]
        return "{\"id\":\(encode(id)),\"shortDescription\":{\"text\":\(encode(DecisionText.firstSentence(text)))},"
            + "\"fullDescription\":{\"text\":\(encode(text))}"
            + (help.map { ",\"help\":{\"text\":\(encode($0))}" } ?? "")
            + ",\"properties\":\(encode(properties))}"
    }

    mutating func begin(columnWarnings: [RowProblem]) {
        let language = context.language
        var rules = context.policy.rules.map {
            ruleDescriptor(id: $0.id, text: $0.message.text(in: language), help: $0.remedy?.text(in: language), citations: $0.citations)
        }
        rules += Self.builtInRules.map { ruleDescriptor(id: $0.id, text: $0.text, help: nil, citations: []) }
        output.write("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{")
        output.write("\"tool\":{\"driver\":{\"name\":\"toolpolicy\",\"version\":\(encode(ToolPolicyCommand.configuration.version)),")
        output.write("\"informationUri\":\"https://example.invalid/toolpolicy\",\"rules\":[\(rules.joined(separator: ","))]}},")
        output.write("\"artifacts\":[{\"location\":{\"uri\":\(encode(context.path))}}],\"columnKind\":\"unicodeCodePoints\",")
        output.write("\"properties\":{\"policy\":\(encode(context.policy.identity))},\"results\":[")
        for warning in columnWarnings {
            result(rule: "unknown-column", level: "warning", message: warning.message + (warning.hint.map { " (\($0))" } ?? ""), line: 1)
        }
    }

    private mutating func result(rule: String, level: String, message: String, line: Int?, column: Int? = nil) {
        var location = "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\(encode(context.path)),\"index\":0}"
        if let line { location += ",\"region\":{\"startLine\":\(max(1, line))\(column.map { ",\"startColumn\":\($0)" } ?? "")}" }
        location += "}}"
        output.write((first ? "\n" : ",\n")
            + "{\"ruleId\":\(encode(rule)),\"ruleIndex\":\(ruleIndex[rule] ?? 0),\"level\":\"\(level)\","
            + "\"message\":{\"text\":\(encode(message))},\"locations\":[\(location)]}")
        first = false
    }

    mutating func report(_ result: LintResult) {
        let labels = Labels(language: context.language)
        let prefix = "row \(result.row): \(result.tool.isEmpty ? "?" : result.tool)"
        guard let verdict = result.verdict else {
            for problem in result.problems {
                self.result(rule: "malformed-row", level: "error",
                            message: "\(prefix): \(problem.message)\(problem.hint.map { " (\($0))" } ?? "")", line: result.line)
            }
            return
        }
        guard let decision = result.decision else { return }
        let level = switch verdict {
        case .denied: "error"
        case .review: "warning"
        case .conditional: "note"
        case .allowed: "none"
        }
        for finding in decision.reportedFindings {
            let text = finding.message.text(in: context.language)
            self.result(rule: finding.rule, level: level, message: "\(prefix) — \(labels.verdict(verdict)): \(text)", line: result.line)
        }
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        if let readError {
            result(rule: "unreadable-list", level: "error", message: readError.message + (readError.hint.map { " (\($0))" } ?? ""),
                   line: readError.line, column: readError.column)
        }
        let successful = readError == nil
        output.write("\n],\"invocations\":[{\"executionSuccessful\":\(successful),\"properties\":{\"summary\":\(encode(summary))}}]}]}\n")
        output.flush()
    }
}
