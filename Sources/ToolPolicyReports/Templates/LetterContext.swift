import ToolPolicy

/// What the letter template reads: the presentation of a decision, in French, with what
/// only a letter needs (who asked, who signs, the subject). Lists come with a `has…`
/// flag, so a template shows a part's title only when the part has items.
package struct LetterContext {
    /// The decision, presented.
    package var presentation: DecisionPresentation
    /// Who asked (`Mme Martin`), if given.
    package var requester: String?
    /// Who signs, if given; the template's signature block otherwise.
    package var signature: String?
    /// The date the request was evaluated for, `YYYY-MM-DD`.
    package var date: String
    /// The title of the profile that answered.
    package var policyTitle: String

    /// A context for one decision.
    package init(presentation: DecisionPresentation, requester: String?, signature: String?, date: String, policyTitle: String) {
        self.presentation = presentation
        self.requester = Self.clean(requester)
        self.signature = Self.clean(signature)
        self.date = date
        self.policyTitle = policyTitle
    }

    /// The names the letter's context gives (`docs/templates.md`).
    static let names: Set<String> = [
        "subject", "tool", "verdictWords", "requestVerdict", "answer", "standing", "standingSentence",
        "allowed", "conditional", "denied", "review", "requester", "signature", "date", "policyTitle",
        "use", "label", "value", "hasUse",
        "reasons", "conditions", "deniedIf", "advice", "hasReasons", "hasConditions", "hasDeniedIf", "hasAdvice",
        "text", "summary", "sources", "remedy", "met", "toCheck",
        "whatToDo", "hasWhatToDo", "waysToComply", "hasWaysToComply", "schoolWaysToComply", "hasSchoolWaysToComply", "questions", "hasQuestions", "alternatives",
        "fr", "en",
        // The partials a profile's set provides.
        "helpdesk", "signatureBlock", "reviewScope", "decision",
    ]

    /// The context as Mustache reads it.
    package var values: [String: Any] {
        let p = presentation
        let labels = Labels(language: p.language)
        var values: [String: Any] = [
            "subject": "Votre demande d'utilisation de \(p.tool) : \(labels.requestVerdict(p.verdict))",
            "tool": p.tool, "verdictWords": p.verdictWords, "requestVerdict": labels.requestVerdict(p.verdict),
            "answer": p.answer, "standing": p.standing, "standingSentence": p.standingSentence,
            "allowed": p.verdict == .allowed, "conditional": p.verdict == .conditional,
            "denied": p.verdict == .denied, "review": p.verdict == .review,
            "date": Self.longDate(date, language: p.language), "policyTitle": policyTitle,
            "use": p.use.map { ["label": $0.label, "value": $0.value] }, "hasUse": !p.use.isEmpty,
            "reasons": p.reasons.map(Self.finding), "hasReasons": !p.reasons.isEmpty,
            "conditions": p.conditions.map(Self.finding), "hasConditions": !p.conditions.isEmpty,
            "deniedIf": p.deniedIf.map(Self.finding), "hasDeniedIf": !p.deniedIf.isEmpty,
            "advice": p.advice.map(Self.finding), "hasAdvice": !p.advice.isEmpty,
            "whatToDo": p.whatToDo, "hasWhatToDo": !p.whatToDo.isEmpty,
            "waysToComply": p.waysToComply, "hasWaysToComply": !p.waysToComply.isEmpty,
            "schoolWaysToComply": p.schoolWaysToComply, "hasSchoolWaysToComply": !p.schoolWaysToComply.isEmpty,
            "questions": p.questions, "hasQuestions": !p.questions.isEmpty,
            "fr": p.language == .fr, "en": p.language == .en,
        ]
        if let requester { values["requester"] = requester }
        if let signature { values["signature"] = signature }
        if !p.alternatives.isEmpty { values["alternatives"] = labels.list(p.alternatives) }
        return values
    }

    static func finding(_ finding: DecisionPresentation.Finding) -> [String: Any] {
        var values: [String: Any] = [
            "text": finding.text, "summary": finding.summary, "sources": finding.sources,
            "met": finding.status == .met, "toCheck": finding.status == .toCheck,
        ]
        if let remedy = finding.remedy { values["remedy"] = remedy }
        return values
    }

    /// `2026-03-15` as `15 mars 2026` / `15 March 2026`.
    static func longDate(_ iso: String, language: Language) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1 ... 12).contains(parts[1]) else { return iso }
        let months = language == .fr
            ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let day = language == .fr && parts[2] == 1 ? "1er" : String(parts[2])
        return "\(day) \(months[parts[1] - 1]) \(parts[0])"
    }

    /// A name from a request, on one line and at most 80 characters; `nil` when blank.
    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingWhitespaceAndControls()
        return line.isEmpty ? nil : String(line.prefix(80))
    }
}

extension String {
    /// The string without leading and trailing white space, and without control characters.
    func trimmingWhitespaceAndControls() -> String {
        let kept = String(String.UnicodeScalarView(unicodeScalars.filter { !$0.properties.generalCategory.isControl }))
        return String(kept.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

extension Unicode.GeneralCategory {
    /// Whether the category is a C0/C1 control, a format character or unassigned.
    var isControl: Bool { self == .control || self == .format || self == .unassigned }
}
