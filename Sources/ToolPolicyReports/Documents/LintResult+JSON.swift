package import ToolPolicy

extension LintResult {
    /// The row's result as compact JSON with sorted keys: the same bytes as
    /// `JSONOutput.encoder(pretty: false).encode(self)`, written by hand because a lint
    /// report writes one per row.
    package var jsonBytes: [UInt8] {
        var json = JSONWriter()
        json.raw("{")
        if let decision {
            json.key("decision")
            decision.write(to: &json)
            json.raw(",")
        }
        if let line { json.key("line"); json.integer(line); json.raw(",") }
        json.key("problems")
        json.array(problems) { json, problem in
            json.raw("{"); json.key("allowed"); json.array(problem.allowed) { $0.string($1) }
            json.raw(","); json.key("column"); json.string(problem.column)
            if let hint = problem.hint { json.raw(","); json.key("hint"); json.string(hint) }
            json.raw(","); json.key("message"); json.string(problem.message)
            json.raw("}")
        }
        json.raw(","); json.key("row"); json.integer(row)
        json.raw(","); json.key("tool"); json.string(tool)
        if let verdict { json.raw(","); json.key("verdict"); json.string(verdict.rawValue) }
        json.raw("}")
        return json.bytes
    }
}
