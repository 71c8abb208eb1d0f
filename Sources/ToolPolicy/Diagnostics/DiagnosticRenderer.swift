/// Renders diagnostics the way compilers do:
///
///     Rules/rennes.rules:12:15: error[TP103]: unknown fact `tool.dpa_signd`
///        12 |   forbid when tool.dpa_signd
///           |               ^~~~~~~~~~~~~~
///           = hint: did you mean `tool.dpa_signed`?
public struct DiagnosticRenderer: Sendable {
    private let sources: [String: SourceFile]

    /// Creates a renderer that quotes lines from the given files.
    public init(sources: [SourceFile]) {
        var byPath: [String: SourceFile] = [:]
        for source in sources { byPath[source.path] = source }
        self.sources = byPath
    }

    /// Renders one diagnostic, with its source line, caret and hint, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let range = diagnostic.range {
            out += "\(range.start.file):\(range.start.line):\(range.start.column): "
        }
        out += "\(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)\n"
        if let range = diagnostic.range { out += excerpt(range) }
        let gutter = diagnostic.range.map { String(repeating: " ", count: String($0.start.line).count + 1) } ?? ""
        if let hint = diagnostic.hint { out += "\(gutter) = hint: \(hint)\n" }
        for note in diagnostic.notes {
            if let range = note.range {
                out += "\(range.start.file):\(range.start.line):\(range.start.column): note: \(note.message)\n"
                out += excerpt(range)
            } else {
                out += "\(gutter) = note: \(note.message)\n"
            }
        }
        return out
    }

    /// Renders every diagnostic, then a count line such as `3 errors, 1 warning`.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var out = diagnostics.map(render).joined(separator: "\n")
        if !diagnostics.isEmpty { out += "\n" }
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        return out
    }

    private func excerpt(_ range: SourceRange) -> String {
        guard let source = sources[range.start.file] else { return "" }
        let number = String(range.start.line)
        let pad = String(repeating: " ", count: number.count)
        let line = source.line(range.start.line).map { $0 == "\t" ? " " : $0 }
        let indent = String(repeating: " ", count: max(0, range.start.column - 1))
        let underline = "^" + String(repeating: "~", count: max(0, range.length - 1))
        return " \(number) | \(String(line))\n \(pad) | \(indent)\(underline)\n"
    }
}
