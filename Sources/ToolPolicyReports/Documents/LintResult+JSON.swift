package import ToolPolicy

extension LintResult {
    /// The row's result as compact JSON with sorted keys: the `row`, `line` and `tool`; the
    /// `verdict`, `findings` (rule id → status) and `unknownFacts` of a checked row, or the
    /// `problems` of a malformed one; the whole `decision` when the linter explained every
    /// row. Empty `findings`, `unknownFacts` and `problems` are left out, so a typical row
    /// is tens of bytes; the rules' words are in the report's `rules` table
    /// (``LintRulesTable``), written once.
    package var jsonBytes: [UInt8] {
        var json = JSONWriter(capacity: decision == nil ? 128 : 4096)
        json.raw("{")
        if let decision {
            json.key("decision"); decision.write(to: &json); json.raw(",")
        }
        if let outcome, !outcome.findings.isEmpty {
            json.key("findings"); json.raw("{")
            for (index, finding) in outcome.findings.enumerated() {
                if index > 0 { json.raw(",") }
                json.string(finding.rule); json.raw(":"); json.string(finding.status.rawValue)
            }
            json.raw("},")
        }
        if let line { json.key("line"); json.integer(line); json.raw(",") }
        if !problems.isEmpty {
            json.key("problems")
            json.array(problems) { json, problem in
                json.raw("{"); json.key("allowed"); json.array(problem.allowed) { $0.string($1) }
                json.raw(","); json.key("column"); json.string(problem.column)
                if let hint = problem.hint { json.raw(","); json.key("hint"); json.string(hint) }
                json.raw(","); json.key("message"); json.string(problem.message)
                json.raw("}")
            }
            json.raw(",")
        }
        json.key("row"); json.integer(row)
        json.raw(","); json.key("tool"); json.string(tool)
        if let outcome {
            if !outcome.unknownFacts.isEmpty {
                json.raw(","); json.key("unknownFacts"); json.array(outcome.unknownFacts) { $0.string($1) }
            }
            json.raw(","); json.key("verdict"); json.string(outcome.verdict.rawValue)
        }
        json.raw("}")
        return json.bytes
    }
}

/// The `rules` table of a lint report: each rule a row's findings name, once, keyed by
/// its id, with its effect, layer, message, remedy and citations (as SARIF's
/// `tool.driver.rules`). Rows name rules by id only.
package struct LintRulesTable: Sendable {
    private var order: [Decision.Finding] = []
    private var seen: Set<String> = []

    /// An empty table.
    package init() {}

    /// Adds the rules of a row's findings not seen yet.
    package mutating func add(_ outcome: LintOutcome) {
        for finding in outcome.findings where !seen.contains(finding.rule) {
            seen.insert(finding.rule)
            order.append(finding)
        }
    }

    /// `{"rule-id":{"citations":[…],"effect":…,"layer":…,"message":{…},"remedy":{…}},…}`,
    /// in the order the rows first named them.
    package var jsonBytes: [UInt8] {
        var json = JSONWriter()
        json.raw("{")
        for (index, rule) in order.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(rule.rule); json.raw(":")
            json.raw("{"); json.key("citations"); json.array(rule.citations) { $0.citation($1) }
            json.raw(","); json.key("effect"); json.string(rule.effect.rawValue)
            json.raw(","); json.key("layer"); json.string(rule.layer)
            json.raw(","); json.key("message"); json.text(rule.message)
            if let remedy = rule.remedy { json.raw(","); json.key("remedy"); json.text(remedy) }
            json.raw("}")
        }
        json.raw("}")
        return json.bytes
    }
}
