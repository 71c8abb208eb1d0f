package import ToolPolicy

extension Decision {
    /// The decision document as compact JSON with sorted keys (``DecisionDocument/jsonBytes``).
    package var jsonBytes: [UInt8] { document.jsonBytes }

    /// Writes the decision object.
    package func write(to json: inout JSONWriter) { document.write(to: &json) }
}

extension DecisionDocument {
    /// The decision document as compact JSON with sorted keys: the same bytes as
    /// `JSONOutput.encoder(pretty: false).encode(self)`, about ten times faster.
    package var jsonBytes: [UInt8] {
        var json = JSONWriter()
        write(to: &json)
        return json.bytes
    }

    /// The same bytes as ``jsonBytes``, copying the parts that depend on the policy alone
    /// from `fragments` (the table of the policy that decided). The HTTP API answers every
    /// `/v1/check` with it.
    package func jsonBytes(using fragments: DecisionFragments) -> [UInt8] {
        var json = JSONWriter()
        write(to: &json, fragments: fragments)
        return json.bytes
    }

    /// Writes the decision object; with `fragments`, the policy's parts are copied from
    /// them when they are the fragments of the policy that decided.
    package func write(to json: inout JSONWriter, fragments: DecisionFragments? = nil) {
        let fragments = fragments.flatMap { $0.identity == policy ? $0 : nil }
        json.raw("{")
        json.key("advice"); json.findings(advice, fragments)
        json.raw(","); json.key("conditions"); json.findings(conditions, fragments)
        json.raw(","); json.key("date"); json.string(date)
        json.raw(","); json.key("policy")
        if let fragments {
            json.append(fragments.policy)
        } else {
            json.raw("{"); json.key("digest"); json.string(policy.digest)
            json.raw(","); json.key("name"); json.string(policy.name)
            json.raw(","); json.key("profile"); json.string(policy.profile); json.raw("}")
        }
        json.raw(","); json.key("reasons"); json.findings(reasons, fragments)
        json.raw(","); json.key("remedies"); json.array(remedies) { $0.text($1) }
        json.raw(","); json.key("tool")
        if let id = tool.id, let index = fragments?.toolIndex[id], let parts = fragments?.tools[index] {
            json.append(parts.head); json.string(tool.query); json.append(parts.tail)
        } else {
            json.raw("{"); json.key("classCitations"); json.array(tool.classCitations) { $0.citation($1) }
            if let id = tool.id { json.raw(","); json.key("id"); json.string(id) }
            if let name = tool.name { json.raw(","); json.key("name"); json.string(name) }
            json.raw(","); json.key("query"); json.string(tool.query)
            json.raw(","); json.key("standing"); json.string(tool.standing.rawValue); json.raw("}")
        }
        json.raw(","); json.key("unknownFacts"); json.array(unknownFacts) { $0.string($1) }
        json.raw(","); json.key("use"); json.facts(use)
        json.raw(","); json.key("verdict"); json.string(verdict.rawValue)
        json.raw(","); json.key("waysToComply"); json.array(waysToComply) { $0.remedy($1) }
        json.raw("}")
    }
}

extension JSONWriter {
    /// `[finding,…]`, each from its pre-rendered head when `fragments` has one.
    mutating func findings(_ findings: [Decision.Finding], _ fragments: DecisionFragments?) {
        guard let fragments else { return array(findings) { $0.finding($1) } }
        array(findings) { json, finding in
            guard let head = fragments.head(of: finding) else { return json.finding(finding) }
            json.append(head); json.string(finding.status.rawValue); json.raw("}")
        }
    }

    mutating func finding(_ finding: Decision.Finding) {
        findingHead(rule: finding.rule, effect: finding.effect, message: finding.message, remedy: finding.remedy,
                    citations: finding.citations, layer: finding.layer)
        string(finding.status.rawValue)
        raw("}")
    }

    /// A finding's object up to `"status":`, the last key: what depends on the rule alone.
    mutating func findingHead(rule: String, effect: RuleEffect, message: LocalizedText, remedy: LocalizedText?,
                              citations: [Citation], layer: String) {
        raw("{"); key("citations"); array(citations) { $0.citation($1) }
        raw(","); key("effect"); string(effect.rawValue)
        raw(","); key("layer"); string(layer)
        raw(","); key("message"); text(message)
        if let remedy { raw(","); key("remedy"); text(remedy) }
        raw(","); key("rule"); string(rule)
        raw(","); key("status")
    }

    mutating func remedy(_ remedy: Remedy) {
        raw("{"); key("by"); string(remedy.by.rawValue)
        raw(","); key("changes"); array(remedy.changes) { json, change in
            json.raw("{"); json.key("by"); json.string(change.by.rawValue)
            json.raw(","); json.key("fact"); json.string(change.fact)
            if let from = change.from { json.raw(","); json.key("from"); json.factValue(from) }
            json.raw(","); json.key("to"); json.factValue(change.to); json.raw("}")
        }
        raw(","); key("verdict"); string(remedy.verdict.rawValue); raw("}")
    }

    mutating func citation(_ citation: Citation) {
        raw("{"); key("document"); string(citation.document)
        raw(","); key("section"); string(citation.section); raw("}")
    }

    mutating func text(_ text: LocalizedText) {
        raw("{")
        if let english = text.en { key("en"); string(english); raw(",") }
        key("fr"); string(text.fr); raw("}")
    }

    /// Appends `{"name":value,…}` with the names sorted, as `JSONEncoder` writes a
    /// decision's `use`.
    package mutating func facts(_ facts: [String: FactValue]) {
        raw("{")
        for (index, name) in facts.keys.sorted().enumerated() {
            if index > 0 { raw(",") }
            string(name)
            raw(":")
            factValue(facts[name]!)
        }
        raw("}")
    }

    mutating func factValue(_ value: FactValue) {
        switch value {
        case .bool(let flag): bool(flag)
        case .integer(let number): integer(number)
        case .date(let day): string(day.description)
        case .string(let text), .enumeration(let text): string(text)
        case .set(let values): array(values) { $0.string($1) }
        }
    }
}
