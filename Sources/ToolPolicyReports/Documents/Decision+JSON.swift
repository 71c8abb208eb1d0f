package import ToolPolicy

extension Decision {
    /// The decision document as compact JSON with sorted keys (``DecisionDocument/jsonBytes``).
    package var jsonBytes: [UInt8] { document.jsonBytes }

    /// Writes the decision object.
    package func write(to json: inout JSONWriter) { document.write(to: &json) }
}

extension DecisionDocument {
    /// The decision document as compact JSON with sorted keys: the same bytes as
    /// `JSONOutput.encoder(pretty: false).encode(self)`, about ten times faster. The HTTP
    /// API answers every `/v1/check` with it.
    package var jsonBytes: [UInt8] {
        var json = JSONWriter()
        write(to: &json)
        return json.bytes
    }

    /// Writes the decision object.
    package func write(to json: inout JSONWriter) {
        json.raw("{")
        json.key("advice"); json.array(advice) { $0.finding($1) }
        json.raw(","); json.key("conditions"); json.array(conditions) { $0.finding($1) }
        json.raw(","); json.key("date"); json.string(date)
        json.raw(","); json.key("policy")
        json.raw("{"); json.key("digest"); json.string(policy.digest)
        json.raw(","); json.key("name"); json.string(policy.name)
        json.raw(","); json.key("profile"); json.string(policy.profile); json.raw("}")
        json.raw(","); json.key("reasons"); json.array(reasons) { $0.finding($1) }
        json.raw(","); json.key("remedies"); json.array(remedies) { $0.text($1) }
        json.raw(","); json.key("tool")
        json.raw("{"); json.key("classCitations"); json.array(tool.classCitations) { $0.citation($1) }
        if let id = tool.id { json.raw(","); json.key("id"); json.string(id) }
        if let name = tool.name { json.raw(","); json.key("name"); json.string(name) }
        json.raw(","); json.key("query"); json.string(tool.query)
        json.raw(","); json.key("standing"); json.string(tool.standing.rawValue); json.raw("}")
        json.raw(","); json.key("unknownFacts"); json.array(unknownFacts) { $0.string($1) }
        json.raw(","); json.key("use"); json.facts(use)
        json.raw(","); json.key("verdict"); json.string(verdict.rawValue)
        json.raw(","); json.key("waysToComply"); json.array(waysToComply) { $0.remedy($1) }
        json.raw("}")
    }
}

extension JSONWriter {
    mutating func finding(_ finding: Decision.Finding) {
        raw("{"); key("citations"); array(finding.citations) { $0.citation($1) }
        raw(","); key("effect"); string(finding.effect.rawValue)
        raw(","); key("layer"); string(finding.layer)
        raw(","); key("message"); text(finding.message)
        if let remedy = finding.remedy { raw(","); key("remedy"); text(remedy) }
        raw(","); key("rule"); string(finding.rule)
        raw(","); key("status"); string(finding.status.rawValue)
        raw("}")
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
