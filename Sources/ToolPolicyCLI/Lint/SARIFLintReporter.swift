import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

/// SARIF 2.1.0: the rows are gathered by what they show (``RowGroups``), and each group
/// gets one result per reason of a denied or review use (level error / warning), per open
/// condition of a conditional use (note), per problem of a malformed row (error). The
/// location is the group's first row, so code scanning shows it on that line;
/// `occurrenceCount` says how many rows the result stands for and `properties.rows` /
/// `properties.lines` name each of them. The SARIF rule is the policy rule. The results
/// are written at the end, when the groups are complete.
struct SARIFLintReporter: LintReporter, ~Copyable {
    let context: LintContext
    var output = OutputBuffer()
    private var first = true
    private let ruleIndex: [String: Int]
    /// The list's path as a JSON string, written in every result.
    private let pathJSON: String
    private let encoder = JSONOutput.encoder(pretty: false)

    /// Rules that are not in the policy but that results may name.
    static let builtInRules: [(id: String, text: LocalizedText)] = [
        ("no-permit", LocalizedText(fr: "Aucune règle n'autorise cet usage ; sans autorisation explicite, l'usage est refusé.",
                                    en: "No rule permits this use; without an explicit permit, the use is denied.")),
        ("unlisted-tool", LocalizedText(fr: "L'outil n'est pas référencé : sa conformité doit être examinée avant tout usage.",
                                        en: "The tool is not listed: its compliance must be reviewed before any use.")),
        ("malformed-row", LocalizedText(fr: "La ligne n'a pas pu être vérifiée : une cellule manque ou contient une valeur impossible.",
                                        en: "The row could not be checked: a cell is missing or holds a value outside the fact's type.")),
        ("unknown-column", LocalizedText(fr: "Une colonne de la liste n'est pas une information de l'usage ; elle est ignorée.",
                                         en: "A column of the list is not a use fact; it is ignored.")),
        ("unreadable-list", LocalizedText(fr: "La liste n'a pas pu être lue jusqu'au bout.", en: "The list could not be read to its end.")),
    ]
    private var words: ListPresenter
    private var groups = RowGroups()

    init(context: LintContext) {
        self.context = context
        words = ListPresenter(context: context)
        var index: [String: Int] = [:]
        for (offset, rule) in context.policy.rules.enumerated() { index[rule.id] = offset }
        for (offset, rule) in Self.builtInRules.enumerated() { index[rule.id] = context.policy.rules.count + offset }
        ruleIndex = index
        pathJSON = JSONText.quoted(context.path)
    }

    private func encode(_ value: some Encodable) -> String {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    private func ruleDescriptor(id: String, text: String, help: String?, citations: [Citation]) -> String {
        var properties: [String: [String]] = ["citations": words.presenter.sources(citations)]
        properties["tags"] = ["toolpolicy"]
        return "{\"id\":\(encode(id)),\"shortDescription\":{\"text\":\(encode(Presenter.firstSentence(text)))},"
            + "\"fullDescription\":{\"text\":\(encode(text))}"
            + (help.map { ",\"help\":{\"text\":\(encode($0))}" } ?? "")
            + ",\"properties\":\(encode(properties))}"
    }

    mutating func begin(columnWarnings: [RowProblem]) {
        let language = context.language
        var rules = context.policy.rules.map {
            ruleDescriptor(id: $0.id, text: $0.message.text(in: language), help: $0.remedy?.text(in: language), citations: $0.citations)
        }
        rules += Self.builtInRules.map { ruleDescriptor(id: $0.id, text: $0.text.text(in: language), help: nil, citations: []) }
        output.write("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{")
        output.write("\"tool\":{\"driver\":{\"name\":\"toolpolicy\",\"version\":\(encode(ToolPolicyCommand.configuration.version)),")
        output.write("\"informationUri\":\"https://example.invalid/toolpolicy\",\"rules\":[\(rules.joined(separator: ","))]}},")
        output.write("\"artifacts\":[{\"location\":{\"uri\":\(encode(context.path))}}],\"columnKind\":\"unicodeCodePoints\",")
        output.write("\"properties\":{\"policy\":\(encode(context.policy.identity))},\"results\":[")
        for warning in columnWarnings {
            result(rule: "unknown-column", level: "warning", message: words.problem(warning), line: 1)
        }
    }

    /// Writes a result; a group's result also gives how many rows it stands for
    /// (`occurrenceCount`) and every one of them (`properties.rows` and `.lines`).
    private mutating func result(rule: String, level: String, message: String, line: Int?, column: Int? = nil, group: RowGroups.Group? = nil) {
        var location = "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\(pathJSON),\"index\":0}"
        if let line { location += ",\"region\":{\"startLine\":\(max(1, line))\(column.map { ",\"startColumn\":\($0)" } ?? "")}" }
        location += "}}"
        output.write((first ? "\n" : ",\n")
            + "{\"ruleId\":\(JSONText.quoted(rule)),\"ruleIndex\":\(ruleIndex[rule] ?? 0),\"level\":\"\(level)\","
            + "\"message\":{\"text\":\(JSONText.quoted(message))},\"locations\":[\(location)]")
        first = false
        if let group {
            output.write(",\"occurrenceCount\":\(group.count),\"properties\":{")
            output.writeRowsAndLines(of: group)
            output.write("}")
        }
        output.write("}")
    }

    mutating func report(_ result: LintResult) {
        groups.add(result)
    }

    /// Writes a group's results at its first row: one per finding, or per problem of a
    /// malformed row; an allowed group has none.
    private mutating func write(_ group: RowGroups.Group) {
        let result = group.first
        let labels = words.labels
        let prefix = words.group(group)
        guard let verdict = result.verdict else {
            for problem in result.problems {
                self.result(rule: "malformed-row", level: "error", message: prefix + labels.colon + words.problem(problem), line: result.line, group: group)
            }
            return
        }
        guard let outcome = result.outcome else { return }
        let level = switch verdict {
        case .denied: "error"
        case .review: "warning"
        case .conditional: "note"
        case .allowed: "none"
        }
        for finding in words.findings(of: outcome) {
            self.result(rule: finding.rule, level: level, message: "\(prefix) — \(labels.verdict(verdict))\(labels.colon)\(finding.text)",
                        line: result.line, group: group)
        }
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        for group in groups.groups { write(group) }
        if let readError {
            result(rule: "unreadable-list", level: "error", message: words.readError(readError),
                   line: readError.line, column: readError.column)
        }
        let successful = readError == nil
        output.write("\n],\"invocations\":[{\"executionSuccessful\":\(successful),\"properties\":{\"summary\":\(encode(summary))}}]}]}\n")
        output.flush()
    }
}
