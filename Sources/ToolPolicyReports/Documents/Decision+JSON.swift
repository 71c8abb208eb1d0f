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
        json.raw(","); json.key("tool"); json.tool(tool)
        json.raw(","); json.key("unknownFacts"); json.array(unknownFacts) { $0.string($1) }
        json.raw(","); json.key("use"); json.facts(use)
        json.raw(","); json.key("verdict"); json.string(verdict.rawValue)
        json.raw(","); json.key("waysToComply"); json.array(waysToComply) { $0.remedy($1) }
        json.raw("}")
    }
}

extension Decision {
    /// The same bytes as ``jsonBytes``, written from the decision's ``Decision/explanation``
    /// with the words of its rules, its tool and its policy copied from `fragments`, the
    /// table of the policy that decided; a table of another policy is not used. No
    /// finding, document or dictionary is built. The HTTP API answers every `/v1/check`
    /// with it.
    package func jsonBytes(using fragments: DecisionFragments) -> [UInt8] {
        guard fragments.identity == compiledPolicy.identity else { return jsonBytes }
        let explanation = explanation
        var json = JSONWriter()
        json.raw("{")
        json.key("advice"); findings(explanation.advice, fragments, into: &json)
        json.raw(","); json.key("conditions"); findings(explanation.conditions, fragments, into: &json)
        json.raw(","); json.key("date"); json.string(date)
        json.raw(","); json.key("policy"); json.append(fragments.policy)
        json.raw(","); json.key("reasons"); findings(explanation.reasons, fragments, into: &json)
        json.raw(","); json.key("remedies")
        json.array(explanation.remedyRules.compactMap { fragments.remedies[$0] }) { $0.append($1) }
        json.raw(","); json.key("tool")
        let tool = tool
        if let id = tool.id, let index = fragments.toolIndex[id] {
            json.append(fragments.tools[index].head); json.string(tool.query); json.append(fragments.tools[index].tail)
        } else {
            json.tool(tool)
        }
        json.raw(","); json.key("unknownFacts"); json.array(explanation.unknownFacts) { $0.string($1) }
        json.raw(","); json.key("use"); json.givenFacts(compiledPolicy.givenFacts(of: request))
        json.raw(","); json.key("verdict"); json.string(verdict.rawValue)
        json.raw(","); json.key("waysToComply"); json.array(waysToComply) { $0.remedy($1) }
        json.raw("}")
        return json.bytes
    }

    /// `[finding,…]`: a rule's from its pre-rendered head and the status, a built-in one
    /// (`no-permit`, `unlisted-tool`) field by field.
    private func findings(_ refs: [FindingRef], _ fragments: DecisionFragments, into json: inout JSONWriter) {
        json.array(refs) { json, ref in
            guard case .rule(let index) = ref.source else { return json.finding(finding(ref)) }
            json.append(fragments.findings[index]); json.string(ref.status.rawValue); json.raw("}")
        }
    }
}

extension JSONWriter {
    mutating func tool(_ tool: Decision.ToolSummary) {
        raw("{"); key("classCitations"); array(tool.classCitations) { $0.citation($1) }
        if let id = tool.id { raw(","); key("id"); string(id) }
        if let name = tool.name { raw(","); key("name"); string(name) }
        raw(","); key("query"); string(tool.query)
        raw(","); key("standing"); string(tool.standing.rawValue); raw("}")
    }

    /// `{"name":value,…}` of the facts a request gave, names sorted as ``facts(_:)`` sorts them.
    mutating func givenFacts(_ facts: [UseRequest.GivenFact]) {
        raw("{")
        for (index, fact) in facts.sorted(by: { $0.name < $1.name }).enumerated() {
            if index > 0 { raw(",") }
            string(fact.name)
            raw(":")
            factValue(fact.value)
        }
        raw("}")
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
