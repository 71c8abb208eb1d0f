import Foundation
import ToolPolicy

/// What the editor asks about a compiled policy: the symbol under the cursor, its hover
/// text and definition, and the completions at a place.
struct PolicyKnowledge {
    let policy: Policy

    /// A name in a rules or test file.
    enum Symbol: Equatable {
        case fact(FactOwner, String)
        case tool(String)
        case rule(String)
    }

    /// The symbol at a character index of a line: `use.mode`, `tool.recording`, a tool id,
    /// a rule id (in a string or not), or a fact's name where it is declared or stated.
    func symbol(in line: Substring, at column: Int) -> Symbol? {
        let characters = Array(line)
        guard !characters.isEmpty else { return nil }
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." }
        var start = min(column, characters.count - 1)
        if !isWordCharacter(characters[start]), start > 0, isWordCharacter(characters[start - 1]) { start -= 1 }
        guard isWordCharacter(characters[start]) else { return nil }
        var end = start
        while start > 0, isWordCharacter(characters[start - 1]) { start -= 1 }
        while end < characters.count, isWordCharacter(characters[end]) { end += 1 }
        let word = String(characters[start ..< end]).trimmingCharacters(in: ["."])
        let parts = word.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2, let owner = FactOwner(rawValue: parts[0]) {
            return parts[1] == "id" && owner == .tool ? nil : .fact(owner, parts[1])
        }
        if policy.rule(id: word) != nil || policy.overrides.contains(where: { $0.ruleID == word }) { return .rule(word) }
        if policy.tools.contains(where: { $0.id == word }) { return .tool(word) }
        let before = String(characters[..<start]).trimmingCharacters(in: .whitespaces)
        if before.hasSuffix("use fact") || before.hasPrefix("use") && !before.contains("=") && policy.useFacts.contains(where: { $0.name == word }) {
            return .fact(.use, word)
        }
        if policy.toolFacts.contains(where: { $0.name == word }) { return .fact(.tool, word) }
        if policy.useFacts.contains(where: { $0.name == word }) { return .fact(.use, word) }
        return nil
    }

    private func declaration(_ owner: FactOwner, _ name: String) -> FactDeclaration? {
        (owner == .tool ? policy.toolFacts : policy.useFacts).first { $0.name == name }
    }

    /// The hover text of a symbol, in Markdown.
    func hover(_ symbol: Symbol) -> String? {
        switch symbol {
        case .fact(let owner, let name):
            guard let fact = declaration(owner, name) else { return nil }
            var text = "**\(fact.qualifiedName)**: \(fact.type.spelling)\n\n"
            if let label = fact.label { text += "« \(label.fr) »\(label.en.map { " (\($0))" } ?? "") — " }
            text += fact.description + "\n"
            if let question = fact.question { text += "\nQuestion : \(question.fr)\n" }
            let words = fact.type.values.compactMap { value in fact.valueWords[value].map { "- `\(value)` : \($0.fr)" } }
            if !words.isEmpty { text += "\n" + words.joined(separator: "\n") + "\n" }
            return text + "\nDeclared in \(Self.place(fact.range))"
        case .tool(let id):
            guard let tool = policy.tools.first(where: { $0.id == id }) else { return nil }
            var text = "**\(tool.id)** — \(tool.name) (\(tool.standing.rawValue) under `\(policy.profileName)`)\n"
            if !tool.aliases.isEmpty { text += "\nAliases: " + tool.aliases.map { "\"\($0)\"" }.joined(separator: ", ") + "\n" }
            if !tool.facts.isEmpty {
                text += "\n| fact | value | source |\n|---|---|---|\n"
                for fact in tool.facts {
                    text += "| tool.\(fact.name) | \(fact.value.spelling) | \(fact.source.document), « \(fact.source.section) » (\(fact.layer)) |\n"
                }
            }
            return text
        case .rule(let id):
            if let rule = policy.rule(id: id) {
                let cites = rule.citations.map { "- \($0.document), « \($0.section) »" }.joined(separator: "\n")
                return "**\(rule.id)** (\(rule.effect.rawValue), \(rule.layer))\n\n\(rule.message.fr)\n\n\(cites)"
            }
            guard let override = policy.overrides.first(where: { $0.ruleID == id }) else { return nil }
            return "**\(id)** is overridden by `\(override.layer)`: \(override.message.fr)"
        }
    }

    /// Where a symbol is defined.
    func definition(_ symbol: Symbol) -> SourceRange? {
        switch symbol {
        case .fact(let owner, let name): declaration(owner, name)?.range
        case .tool(let id): policy.tools.first { $0.id == id }?.range
        case .rule(let id): policy.rule(id: id)?.range
        }
    }

    /// The completion items for the text of the line before the cursor.
    func completions(before prefix: String, testFile: Bool) -> [[String: Any]] {
        if let match = prefix.firstMatch(of: /(tool|use)\.[A-Za-z0-9_]*$/) {
            let owner: FactOwner = match.1 == "tool" ? .tool : .use
            var items = (owner == .tool ? policy.toolFacts : policy.useFacts).map(factItem)
            if owner == .tool { items.append(["label": "id", "kind": Kind.field, "detail": "the catalog tool's id"]) }
            return items
        }
        if let match = prefix.firstMatch(of: /(?:(tool|use)\.)?([A-Za-z][A-Za-z0-9_]*)\s*(?:=|!=|not\s+in|in|contains(?:\s+(?:any|all)\s+of)?)\s*(?:\{[^}]*)?$/) {
            let name = String(match.2)
            let owner: FactOwner = match.1 == "tool" ? .tool : .use
            if owner == .tool, name == "id" { return toolItems }
            if let fact = declaration(owner, name) ?? (match.1 == nil ? declaration(.tool, name) : nil) {
                return values(of: fact)
            }
        }
        if prefix.firstMatch(of: /"[^"]*$/) != nil, prefix.firstMatch(of: /(override|decided-by|conditions|advice|remedies|,)\s*"[^"]*$/) != nil {
            return ruleItems
        }
        if prefix.firstMatch(of: /(^|\s)tool\s+[A-Za-z0-9_-]*$/) != nil { return toolItems }
        if testFile, prefix.firstMatch(of: /(^|\s)use\s+(?:.*,\s*)?[A-Za-z0-9_]*$/) != nil {
            return policy.useFacts.map { ["label": $0.name, "kind": Kind.field, "detail": $0.type.spelling, "documentation": $0.description] }
        }
        let keywords = testFile ? ["case", "profile", "tool", "use", "on", "expect", "decided-by", "conditions", "advice", "remedies", "questions", "cites", "section"]
            : ["rule", "forbid", "permit", "require", "advise", "review", "when", "and", "or", "not", "in", "contains", "says", "remedy", "cites", "section", "classify", "override", "extend", "tool", "use", "fact"]
        return keywords.map { ["label": $0, "kind": Kind.keyword] }
            + (policy.toolFacts + policy.useFacts).map { fact in
                ["label": fact.qualifiedName, "kind": Kind.field, "detail": fact.type.spelling, "documentation": fact.description]
            }
            + toolItems
    }

    private func factItem(_ fact: FactDeclaration) -> [String: Any] {
        ["label": fact.name, "kind": Kind.field, "detail": fact.type.spelling, "documentation": fact.description]
    }

    private func values(of fact: FactDeclaration) -> [[String: Any]] {
        switch fact.type {
        case .bool: ["true", "false"].map { ["label": $0, "kind": Kind.value] }
        default: fact.type.values.map { ["label": $0, "kind": Kind.enumMember, "detail": fact.qualifiedName] }
        }
    }

    private var toolItems: [[String: Any]] {
        policy.tools.map { ["label": $0.id, "kind": Kind.value, "detail": "\($0.name) — \($0.standing.rawValue)"] }
    }

    private var ruleItems: [[String: Any]] {
        policy.rules.map { ["label": $0.id, "kind": Kind.reference, "detail": $0.effect.rawValue, "documentation": $0.message.fr] }
    }

    /// LSP's `CompletionItemKind` values used here.
    enum Kind {
        static let field = 5
        static let value = 12
        static let keyword = 14
        static let reference = 18
        static let enumMember = 20
    }

    private static func place(_ range: SourceRange) -> String {
        "\((range.start.file as NSString).lastPathComponent):\(range.start.line)"
    }
}
