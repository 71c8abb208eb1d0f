import Foundation
import ToolPolicy

/// `{"list": …, "policy": …, "warnings": […], "results": […], "summary": …, "error": …}`,
/// results streamed one per line (docs/schemas/lint.schema.json).
struct JSONLintReporter: LintReporter, ~Copyable {
    let context: LintContext
    var output = OutputBuffer()
    private var first = true
    private let encoder = JSONOutput.encoder(pretty: false)

    init(context: LintContext) { self.context = context }

    private func encode(_ value: some Encodable) -> String {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    mutating func begin(columnWarnings: [RowProblem]) {
        output.write("{\"list\":\(encode(context.path)),\"policy\":\(encode(context.policy.identity)),\"warnings\":\(encode(columnWarnings)),\"results\":[")
    }

    mutating func report(_ result: LintResult) {
        output.write((first ? "\n" : ",\n") + encode(result))
        first = false
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        output.write("\n],\"summary\":\(encode(summary))")
        if let readError {
            var error = "{\"message\":\(encode(readError.message))"
            if let line = readError.line { error += ",\"line\":\(line)" }
            if let hint = readError.hint { error += ",\"hint\":\(encode(hint))" }
            output.write(",\"error\":" + error + "}")
        }
        output.write("}\n")
        output.flush()
    }
}
