/// The words a fact declaration carries for people: its label, the question that settles
/// it, the words of its values, and the other names a school's list may give its column
/// and values.
extension Compiler {
    /// The declaration with the words of its syntax, checked.
    mutating func worded(_ declaration: FactDeclaration, _ syntax: Syntax.FactDeclaration) -> FactDeclaration {
        var fact = declaration
        let subject = "fact `\(declaration.qualifiedName)`"
        fact.label = localized(syntax.labels, clause: "label", subject: subject, at: syntax.name.range)
        fact.question = localized(syntax.questions, clause: "asks", subject: subject, at: syntax.name.range)
        for alias in syntax.aliases { claimColumnName(alias) }
        fact.columnNames = syntax.aliases.map(\.value)
        if let settledBy = syntax.settledBy {
            if let actor = Remedy.Actor(rawValue: settledBy.value) {
                fact.settledBy = actor
            } else {
                diagnostics.append(.unknownValue(settledBy.value, of: "`settled by`", allowed: Remedy.Actor.allCases.map(\.rawValue), at: settledBy.range))
            }
        }
        let values = declaration.type.values
        var seen: [String: SourceRange] = [:]
        for words in syntax.values {
            let value = words.value.value
            guard values.contains(value) else {
                diagnostics.append(.unknownValue(value, of: "`\(declaration.qualifiedName)`", allowed: values, at: words.value.range))
                continue
            }
            if let first = seen[value] {
                diagnostics.append(.duplicate("the words of value `\(value)`", at: words.value.range, first: first))
                continue
            }
            seen[value] = words.value.range
            fact.valueWords[value] = localized(words.texts, clause: "value \(value)", subject: subject, at: words.value.range)
            for alias in words.aliases {
                let key = ToolName.normalize(alias.value)
                if let other = fact.valueAliases[key] ?? values.first(where: { ToolName.normalize($0) == key }), other != value {
                    diagnostics.append(.valueNameClash(alias.value, value: value, other: other, at: alias.range))
                    continue
                }
                fact.valueAliases[key] = value
                fact.valueNames[value, default: []].append(alias.value)
            }
        }
        return fact
    }

    /// `fr "…" en "…"` as a text, French required; `nil` when none is written.
    private mutating func localized(_ wordings: [Syntax.Wording], clause: String, subject: String, at range: SourceRange) -> LocalizedText? {
        guard !wordings.isEmpty else { return nil }
        var texts: [Language: String] = [:]
        var ranges: [Language: SourceRange] = [:]
        for wording in wordings {
            guard let language = Language(rawValue: wording.language.value) else {
                diagnostics.append(.unknownLanguage(wording.language.value, at: wording.language.range))
                continue
            }
            if let first = ranges[language] {
                diagnostics.append(.duplicate("`\(clause) \(language.rawValue)` of \(subject)", at: wording.language.range, first: first))
                continue
            }
            ranges[language] = wording.language.range
            texts[language] = wording.text
        }
        guard let french = texts[.fr] else {
            diagnostics.append(.missingFrenchMessage("`\(clause)` of \(subject)", at: range))
            return nil
        }
        return LocalizedText(fr: french, en: texts[.en])
    }
}
