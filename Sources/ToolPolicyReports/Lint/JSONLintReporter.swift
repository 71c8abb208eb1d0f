import Foundation
package import ToolPolicy

/// `{"list": …, "policy": …, "warnings": […], "results": […], "rules": {…}, "summary": …, "error": …}`,
/// results streamed one per line; the `rules` table names once each rule the rows cite
/// (docs/schemas/lint.schema.json).
package struct JSONLintReporter: LintReporter, ~Copyable {
    /// The run being reported.
    package let context: LintContext
    /// Where the document goes.
    package var output: OutputBuffer
    private var first = true
    private var rules = LintRulesTable()
    private var templates = RowTemplates()
    private let encoder = JSONOutput.encoder(pretty: false)

    /// A reporter writing to standard output, or to memory for an HTTP body.
    package init(context: LintContext, to destination: OutputBuffer.Destination = .standardOutput) {
        self.context = context
        output = OutputBuffer(to: destination)
    }

    private func encode(_ value: some Encodable) -> String {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    package mutating func begin(columnWarnings: [RowProblem]) {
        output.write("{\"list\":\(encode(context.path)),\"policy\":\(encode(context.policy.identity)),\"warnings\":\(encode(columnWarnings)),\"results\":[")
    }

    package mutating func report(_ result: LintResult) {
        output.write(first ? "\n" : ",\n")
        first = false
        if let line = result.line, let template = templates[result] {
            return output.write(template, row: result.row, line: line)
        }
        if let outcome = result.outcome { rules.add(outcome) }
        guard let line = result.line, RowTemplates.applies(to: result) else { return output.write(bytes: result.jsonBytes) }
        let template = RowTemplate(rendered: RowTemplates.marked(result).jsonBytes)
        templates.remember(template, for: result)
        output.write(template, row: result.row, line: line)
    }

    package mutating func finish(summary: LintSummary, readError: ListReadError?) {
        output.write("\n],\"rules\":")
        output.write(bytes: rules.jsonBytes)
        output.write(",\"summary\":\(encode(summary))")
        if let readError {
            var error = "{\"message\":\(encode(readError.message))"
            if let line = readError.line { error += ",\"line\":\(line)" }
            if let column = readError.column { error += ",\"column\":\(column)" }
            if let hint = readError.hint { error += ",\"hint\":\(encode(hint))" }
            output.write(",\"error\":" + error + "}")
        }
        output.write("}\n")
        output.flush()
    }
}
