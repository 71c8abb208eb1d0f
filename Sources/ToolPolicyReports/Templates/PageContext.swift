package import ToolPolicy

/// What the `page` template reads: the helpdesk form, filled as submitted, and the outcome
/// of a submission (the decision's presentation and its reply letter, the problems of the
/// request, or a choice among near misses). Every value is text; the template escapes it.
package struct PageContext {
    /// What a submission gave.
    package enum Outcome {
        /// A decision and the reply letter for it.
        case decision(DecisionPresentation, reply: String)
        /// Why the request could not be checked, in the page's language.
        case problems([String])
        /// The tool's name is a near miss of listed tools: a choice among them.
        case nearMiss(String, [CatalogTool])
    }

    /// The policy that answers.
    package var policy: Policy
    /// The profiles a request may name, the one answering first.
    package var profiles: [String]
    /// The language of the page.
    package var language: Language
    /// The submitted form, as `(name, value)` pairs in order; empty for the blank form.
    package var form: [(name: String, value: String)]
    /// The outcome of a submission, if any.
    package var outcome: Outcome?

    /// A page.
    package init(policy: Policy, profiles: [String], language: Language, form: [(name: String, value: String)], outcome: Outcome?) {
        self.policy = policy
        self.profiles = profiles
        self.language = language
        self.form = form
        self.outcome = outcome
    }

    /// The names the page's context gives (`docs/templates.md`).
    static let names: Set<String> = [
        "lang", "fr", "en", "words", "title", "titleLine", "otherLanguage", "href", "label", "policyTitle", "profile",
        "problems", "nearMiss", "asked", "kept", "name", "value", "candidates", "id",
        "decision", "verdict", "colon", "citations", "waysToComply", "schoolWaysToComply", "verdictWords", "tool", "standing", "answer", "standingSentence", "use", "sections",
        "items", "text", "sources", "status", "rule", "remedy", "whatToDo", "questions", "details", "reply",
        "form", "profiles", "options", "selected", "tools", "fields", "isSet", "isSelect", "isNumber", "isDate", "isText", "date",
        "boxes", "checked", "requester", "signature", "helpdesk",
        "formTitle", "intro", "toolLabel", "toolHelp", "useLegend", "replyLegend", "submit", "result", "source",
        "replyTitle", "replyHelp", "errorTitle", "skip", "dateLabel", "requesterLabel", "signatureLabel", "profileLabel",
        "whyTitle", "conditionsTitle", "deniedIfTitle", "adviceTitle", "whatToDoTitle", "questionsTitle", "detailsTitle",
    ]

    private func value(_ name: String) -> String? {
        form.first { $0.name == name }.map { $0.value.trimmingWhitespaceAndControls() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private func values(_ name: String) -> [String] {
        form.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
    }

    /// The context as Mustache reads it.
    package var values: [String: Any] {
        let words = PageWords(language: language)
        let labels = Labels(language: language)
        var values: [String: Any] = [
            "lang": language.rawValue, "fr": language == .fr, "en": language == .en, "colon": labels.colon,
            "title": words.title, "titleLine": words.title,
            "otherLanguage": language == .fr
                ? ["href": "?lang=en", "label": "English", "lang": "en"] : ["href": "?lang=fr", "label": "Français", "lang": "fr"],
            "policyTitle": policy.title ?? policy.profileName, "profile": policy.profileName,
            "words": [
                "formTitle": words.formTitle, "intro": words.intro, "toolLabel": words.tool, "toolHelp": words.toolHelp,
                "useLegend": words.useLegend, "replyLegend": words.replyLegend, "submit": words.submit, "result": words.result,
                "source": words.source, "replyTitle": words.reply, "replyHelp": words.replyHelp, "errorTitle": words.errorTitle,
                "skip": words.skip, "dateLabel": words.date, "requesterLabel": words.requester, "signatureLabel": words.signature,
                "profileLabel": words.profile, "whyTitle": labels.why, "conditionsTitle": labels.conditions,
                "deniedIfTitle": labels.deniedIf, "adviceTitle": labels.advice, "whatToDoTitle": labels.whatToDo,
                "questionsTitle": labels.questions, "detailsTitle": words.details,
            ],
            "form": formValues(words),
        ]
        switch outcome {
        case nil:
            break
        case .problems(let problems):
            values["problems"] = ["items": problems]
        case .nearMiss(let asked, let candidates):
            values["nearMiss"] = [
                "asked": words.didYouMean(asked),
                "kept": form.filter { $0.name != "tool" }.map { ["name": $0.name, "value": $0.value] },
                "candidates": candidates.map { ["id": $0.id, "name": $0.name] },
            ]
        case .decision(let presentation, let reply):
            values["titleLine"] = "\(presentation.verdictWords) — \(presentation.tool) · toolpolicy"
            values["decision"] = decisionValues(presentation, labels: labels)
            values["reply"] = reply
        }
        return values
    }

    private func decisionValues(_ p: DecisionPresentation, labels: Labels) -> [String: Any] {
        func section(_ title: String, _ findings: [DecisionPresentation.Finding]) -> [String: Any]? {
            guard !findings.isEmpty else { return nil }
            return ["title": title, "items": findings.map { finding -> [String: Any] in
                var item: [String: Any] = ["text": finding.text, "rule": finding.rule]
                if !finding.sources.isEmpty { item["citations"] = ["items": finding.sources] }
                if let status = finding.status { item["status"] = status == .met ? labels.met : labels.toCheck }
                if let remedy = finding.remedy { item["remedy"] = remedy }
                return item
            }]
        }
        let sections = [
            section(labels.why, p.reasons), section(labels.conditions, p.conditions),
            section(labels.deniedIf, p.deniedIf), section(labels.advice, p.advice),
        ].compactMap { $0 }
        var values: [String: Any] = [
            "verdict": p.verdict.rawValue, "verdictWords": p.verdictWords, "tool": p.tool, "standing": p.standing,
            "answer": p.answer, "standingSentence": p.standingSentence,
            "sections": sections, "details": p.details,
        ]
        if !p.use.isEmpty { values["use"] = ["items": p.use.map { ["label": $0.label, "value": $0.value] }] }
        if !p.whatToDo.isEmpty { values["whatToDo"] = ["items": p.whatToDo] }
        if !p.waysToComply.isEmpty { values["waysToComply"] = ["title": labels.waysToComply, "items": p.waysToComply] }
        if !p.schoolWaysToComply.isEmpty { values["schoolWaysToComply"] = ["title": labels.schoolWaysToComply, "items": p.schoolWaysToComply] }
        if !p.questions.isEmpty { values["questions"] = ["items": p.questions] }
        return values
    }

    private func formValues(_ words: PageWords) -> [String: Any] {
        var values: [String: Any] = [
            "tool": value("tool") ?? "", "tools": policy.tools.map(\.name),
            "fields": policy.useFacts.map(field), "requester": value("requester") ?? "",
            "signature": value("signature") ?? "", "date": value("date") ?? "",
        ]
        if profiles.count > 1 {
            values["profiles"] = ["items": profiles.map { ["value": $0, "label": $0, "selected": $0 == policy.profileName] }]
        }
        return values
    }

    /// One input for a use fact, chosen by its type: `set` (checkboxes), `select`,
    /// `number`, `date` or `string`, with the fact's label and its values' words.
    private func field(_ fact: FactDeclaration) -> [String: Any] {
        let name = "use." + fact.name
        let labels = Labels(language: language)
        // Every kind flag is set, true or false: Mustache looks a missing name up in the
        // enclosing contexts (the form has a `date`), which would render a second input.
        var field: [String: Any] = [
            "id": "f-" + fact.name, "name": name, "label": fact.label(in: language),
            "isSet": false, "isSelect": false, "isNumber": false, "isDate": false, "isText": false, "value": "",
        ]
        func options(_ choices: [(value: String, label: String)]) -> [[String: Any]] {
            let current = value(name) ?? ""
            return ([("", PageWords(language: language).unknown)] + choices).map {
                ["value": $0.value, "label": $0.label, "selected": $0.value == current]
            }
        }
        switch fact.type {
        case .setOf(let choices):
            let chosen = Set(values(name))
            field["isSet"] = true
            field["boxes"] = choices.enumerated().map { index, choice in
                ["id": "f-\(fact.name)-\(index)", "value": choice, "label": fact.words(for: choice, in: language), "checked": chosen.contains(choice)]
            }
        case .oneOf(let choices):
            field["isSelect"] = true
            field["options"] = options(choices.map { ($0, fact.words(for: $0, in: language)) })
        case .bool:
            field["isSelect"] = true
            field["options"] = options([("true", labels.yes), ("false", labels.no)])
        case .integer:
            field["isNumber"] = true
            field["value"] = value(name) ?? ""
        case .date:
            field["isDate"] = true
            field["value"] = value(name) ?? ""
        case .string:
            field["isText"] = true
            field["value"] = value(name) ?? ""
        }
        return field
    }
}
