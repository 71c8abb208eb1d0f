import Foundation
package import ToolPolicy

/// Builds the ``DecisionPresentation`` of decisions of one policy, in one language: the
/// one piece of code that chooses what a person reads. It words facts and values with the
/// policy's own words (`label`, `asks`, `value`) and names sources by their declared title.
package struct Presenter: Sendable {
    /// The policy whose decisions are presented.
    package let policy: Policy
    /// The language of the words.
    package let language: Language

    /// A presenter for a policy and a language.
    package init(policy: Policy, language: Language) {
        self.policy = policy
        self.language = language
    }

    private var words: Labels { Labels(language: language) }

    /// The whole presentation of a decision.
    package func present(_ decision: Decision) -> DecisionPresentation {
        let tool = toolName(decision)
        let standing = words.standing(decision.tool.standing)
        let verdictWords = words.verdict(decision.verdict)
        return DecisionPresentation(
            language: language,
            verdict: decision.verdict,
            verdictWords: verdictWords,
            tool: tool,
            standing: standing,
            headline: "\(verdictWords) — \(tool) · \(standing)",
            answer: words.answer(decision.verdict),
            standingSentence: words.standingSentence(decision.tool.standing, tool: tool),
            use: useLines(decision.use),
            reasons: decision.reasons.map { finding($0) },
            conditions: decision.conditions.filter { $0.effect != .forbid }.map { finding($0, withStatus: true) },
            deniedIf: decision.conditions.filter { $0.effect == .forbid }.map { finding($0) },
            advice: decision.advice.map { finding($0) },
            whatToDo: decision.remedies.map { $0.text(in: language) },
            waysToComply: decision.waysToComply.filter { $0.by == .requester }.map(way),
            schoolWaysToComply: decision.waysToComply.filter { $0.by == .school }.map(way),
            questions: decision.unknownFacts.map(question(for:)),
            alternatives: [.denied, .review].contains(decision.verdict)
                ? policy.tools.filter { $0.standing == .institutional && $0.id != decision.tool.id }.map(\.name) : [],
            details: details(decision, rules: (decision.reasons + decision.conditions + decision.advice).map(\.rule))
        )
    }

    /// A rule as a person reads it.
    package func finding(_ finding: Decision.Finding, withStatus: Bool = false) -> DecisionPresentation.Finding {
        let text = finding.message.text(in: language)
        return DecisionPresentation.Finding(
            rule: finding.rule, text: text, summary: Self.firstSentence(text),
            sources: sources(finding.citations), remedy: finding.remedy?.text(in: language),
            status: withStatus ? (finding.status == .met ? .met : .toCheck) : nil
        )
    }

    /// Citations named by their document's title and issuer, one line per document with
    /// its sections: `Cadre de référence … (académie de Rennes), « Solutions tolérées »`.
    package func sources(_ citations: [Citation]) -> [String] {
        var order: [String] = []
        var sections: [String: [String]] = [:]
        for citation in citations {
            if sections[citation.document] == nil { order.append(citation.document) }
            let section = "« \(Self.readable(section: citation.section)) »"
            if !(sections[citation.document] ?? []).contains(section) { sections[citation.document, default: []].append(section) }
        }
        return order.map { id in
            let name = policy.document(id: id)?.displayName ?? words.unnamedSource
            return "\(name), " + words.list(sections[id] ?? [])
        }
    }

    /// The question that settles an unknown fact (`use.computer`): the fact's `asks`, or
    /// its label as a question.
    package func question(for qualifiedName: String) -> String {
        guard let fact = policy.fact(named: qualifiedName) else { return words.questionMark(qualifiedName) }
        return fact.question?.text(in: language) ?? words.questionMark(fact.label(in: language))
    }

    /// The facts a request gave, as `label : value`, in the policy's order.
    package func useLines(_ use: [String: FactValue]) -> [DecisionPresentation.UseLine] {
        policy.useFacts.compactMap { fact in
            use[fact.name].map { DecisionPresentation.UseLine(label: fact.label(in: language), value: describe($0, of: fact)) }
        }
    }

    /// A fact's value in words: `oui`, `pour des élèves, pour des personnels`, `30`.
    package func describe(_ value: FactValue, of fact: FactDeclaration) -> String {
        switch value {
        case .bool(let flag): flag ? words.yes : words.no
        case .integer(let number): String(number)
        case .date(let day): day.description
        case .string(let text): text
        case .enumeration(let text): fact.words(for: text, in: language)
        case .set(let values): values.isEmpty ? "—" : words.list(values.map { fact.words(for: $0, in: language) })
        }
    }

    /// A computed remedy in words: each change as `label : new value, au lieu de : old`, or
    /// `label : value (à préciser)` for a fact the request left unknown, then the answer it gives.
    package func way(_ remedy: Remedy) -> String {
        let changes = remedy.changes.map { change -> String in
            guard let fact = policy.fact(named: change.fact) else { return change.fact }
            let to = describe(change.to, of: fact)
            let from = change.from.map { words.insteadOf(describe($0, of: fact)) } ?? words.toBeStated
            return fact.label(in: language) + words.colon + to + from
        }
        return changes.joined(separator: " ; ") + " → " + words.verdict(remedy.verdict).lowercased()
    }

    private func toolName(_ decision: Decision) -> String {
        decision.tool.name ?? words.quoted(decision.tool.query)
    }

    private func details(_ decision: Decision, rules: [String]) -> String {
        let title = policy.title.map { " · \($0)" } ?? ""
        let ids = rules.isEmpty ? "" : " · " + rules.joined(separator: ", ")
        return "\(words.profile) \(decision.policy.profile)\(title) · \(decision.policy.digest.prefix(19))…\(ids)"
    }

    /// A section title as a reader expects it: one written in capitals (`SOLUTIONS
    /// TOLÉRÉES`) in sentence case (`Solutions tolérées`); others as written.
    static func readable(section: String) -> String {
        guard !section.contains(where: \.isLowercase), let first = section.first else { return section }
        return String(first) + section.dropFirst().lowercased()
    }

    /// The first sentence of a message, at most about 110 characters.
    package static func firstSentence(_ text: String) -> String {
        var sentence = text
        if let end = text.range(of: ". ") ?? text.range(of: " : ") { sentence = String(text[..<end.lowerBound]) + "…" }
        return sentence.count > 110 ? String(sentence.prefix(108)) + "…" : sentence
    }
}
