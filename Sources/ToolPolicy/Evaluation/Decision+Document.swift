extension Decision {
    /// The tool as asked and as found in the catalog.
    public var tool: ToolSummary {
        let tool = request.toolIndex.map { compiledPolicy.tools[$0] }
        return ToolSummary(
            query: request.toolQuery, id: tool?.id, name: tool?.name, standing: tool?.standing ?? .unlisted,
            classCitations: tool?.classification?.citations ?? []
        )
    }

    /// The use facts given, by name.
    public var use: [String: FactValue] {
        var use: [String: FactValue] = [:]
        for fact in compiledPolicy.givenFacts(of: request) { use[fact.name] = fact.value }
        return use
    }

    /// The date the request was evaluated for (`2026-11-30`).
    public var date: String { request.today.description }

    /// Which policy answered.
    public var policy: PolicyIdentity { compiledPolicy.identity }

    /// The rules that decided the verdict.
    public var reasons: [Finding] { explanation.reasons.map(finding) }

    /// The conditions under which the use is permitted: unknown ones, and met ones as
    /// reminders. Empty for a denial or a review, whose reasons say what to do.
    public var conditions: [Finding] { explanation.conditions.map(finding) }

    /// Non-blocking advice whose condition holds.
    public var advice: [Finding] { explanation.advice.map(finding) }

    /// What would make the use compliant, without duplicates: the remedies of the reasons
    /// for a denial or a review, of the open requirements and permits otherwise.
    public var remedies: [LocalizedText] { explanation.remedyRules.compactMap { compiledPolicy.rules[$0].remedy } }

    /// The facts that, once known, would settle the conditions (`use.mode`, `tool.dpa_signed`).
    public var unknownFacts: [String] { explanation.unknownFacts }

    /// The whole explained decision, as one value.
    public var document: DecisionDocument {
        let explanation = explanation
        return DecisionDocument(
            verdict: verdict, tool: tool, use: use, date: date, policy: policy,
            reasons: explanation.reasons.map(finding), conditions: explanation.conditions.map(finding),
            advice: explanation.advice.map(finding),
            remedies: explanation.remedyRules.compactMap { compiledPolicy.rules[$0].remedy },
            unknownFacts: explanation.unknownFacts, waysToComply: waysToComply
        )
    }
}

extension Decision: Encodable {
    /// Encodes the decision document (``document``).
    public func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
    }
}

extension Policy {
    /// The use facts a request gives, typed, in declaration order.
    package func givenFacts(of request: UseRequest) -> [UseRequest.GivenFact] {
        var facts: [UseRequest.GivenFact] = []
        for declaration in useFacts {
            let slot = request.slots[declaration.slot]
            guard slot != Program.unknownSlot else { continue }
            let value: FactValue
            if case .string = declaration.type {
                guard let text = request.texts?.first(where: { $0.slot == declaration.slot })?.text else { continue }
                value = .string(text)
            } else {
                value = factValue(slot, of: declaration)
            }
            facts.append(UseRequest.GivenFact(name: declaration.name, value: value))
        }
        return facts
    }
}

extension Decision: Hashable {
    /// Whether two decisions answer the same request the same way, under policies with
    /// the same digest and profile.
    public static func == (lhs: Decision, rhs: Decision) -> Bool {
        lhs.verdict == rhs.verdict && lhs.trace == rhs.trace && lhs.request == rhs.request
            && lhs.waysToComply == rhs.waysToComply && lhs.compiledPolicy.identity == rhs.compiledPolicy.identity
    }

    /// Hashes the verdict, the trace and the request.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(verdict)
        hasher.combine(trace)
        hasher.combine(request)
    }
}
