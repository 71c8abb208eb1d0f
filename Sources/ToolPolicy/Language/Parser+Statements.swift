extension Parser {
    /// `policy "name" ["title"] {source "…"}` or `profile "name" ["title"] extends "base" {source "…"}`.
    mutating func parseHeader() -> Syntax.Header? {
        let isProfile = current.isWord("profile")
        guard current.isWord("policy") || isProfile else {
            diagnostics.append(.missingHeader(at: current))
            return nil
        }
        let start = position
        advance()
        do {
            let name = try expectString("the policy's name")
            var title: String?
            if case .string(let text) = current.kind {
                title = text
                advance()
            }
            var extends: Syntax.Located<String>?
            if isProfile {
                try expect(word: "extends", hint: "a profile names the base it builds on: `extends \"national\"`")
                extends = try expectString("the base's name")
            }
            var sources: [String] = []
            while continuesStatement, consume(word: "source") {
                sources.append(try expectString("a source document's file name").value)
            }
            if continuesStatement { throw expectedError("`source` or a new statement at the start of a line") }
            return Syntax.Header(name: name, title: title, extends: extends, sources: sources)
        } catch {
            recover(from: start)
            return nil
        }
    }

    mutating func parseStatement() throws(Abandon) -> Syntax.Statement {
        guard current.startsLine else {
            throw expectedError("a statement at the start of a line", hint: "continuation lines are indented; statements start at column 1")
        }
        switch current.word {
        case "tool" where tokens[position + 1].isWord("fact"), "use":
            return .fact(try parseFactDeclaration())
        case "tool":
            return .tool(try parseTool(isExtension: false))
        case "extend":
            advance()
            try expect(word: "tool")
            return .tool(try parseTool(isExtension: true))
        case "classify":
            return .classify(try parseClassify())
        case "rule":
            return .rule(try parseRule())
        case "override":
            return .override(try parseOverride())
        default:
            if continuesAbove {
                diagnostics.append(.missingIndentation(found: current))
                throw Abandon()
            }
            let hint = current.word.flatMap { Suggestion.closest(to: $0, in: Array(Parser.statementKeywords) + ["policy", "profile"]) }
                .map { "did you mean `\($0)`?" } ?? "a statement starts with tool, use, classify, rule, extend or override"
            throw expectedError("a statement", hint: hint)
        }
    }

    /// Whether the token at column 1 can only continue the statement above: a clause or
    /// condition keyword, a string or a symbol.
    private var continuesAbove: Bool {
        switch current.kind {
        case .word(let word): Parser.continuationKeywords.contains(word)
        case .string, .symbol, .integer, .date: true
        case .end: false
        }
    }

    /// Words that continue a statement and never start one.
    static let continuationKeywords: Set<String> = [
        "says", "remedy", "cites", "section", "source", "when", "and", "or", "not", "in", "contains",
        "forbid", "permit", "require", "advise", "review", "aliases", "category", "extends",
    ]

    private mutating func parseFactDeclaration() throws(Abandon) -> Syntax.FactDeclaration {
        let owner: FactOwner = current.isWord("tool") ? .tool : .use
        advance()
        try expect(word: "fact")
        let name = try expectIdentifier("the fact's name")
        try expect(symbol: ":", hint: "write `\(owner.rawValue) fact \(name.value): bool \"description\"`")
        let type = try parseType()
        guard case .string(let description) = current.kind else {
            throw expectedError("a one-line description (a quoted string)", hint: "every fact is described: `\(owner.rawValue) fact \(name.value): … \"what it means\"`")
        }
        advance()
        return Syntax.FactDeclaration(owner: owner, name: name, type: type, description: description)
    }

    private mutating func parseType() throws(Abandon) -> Syntax.TypeExpression {
        let word = current.word
        switch word {
        case "bool": advance(); return .bool
        case "integer": advance(); return .integer
        case "date": advance(); return .date
        case "string": advance(); return .string
        case "one", "set":
            advance()
            try expect(word: "of")
            var values = [try expectIdentifier("a value")]
            while consume(symbol: ",") { values.append(try expectIdentifier("a value")) }
            return word == "one" ? .oneOf(values) : .setOf(values)
        default:
            throw expectedError("a type", hint: "bool, integer, date, string, `one of a, b` or `set of a, b`")
        }
    }

    private mutating func parseClassify() throws(Abandon) -> Syntax.Classify {
        let start = current.range
        advance()
        guard let word = current.word, let toolClass = ToolClass(rawValue: word) else {
            throw expectedError("a class", hint: "institutional, tolerated or forbidden")
        }
        advance()
        try expect(word: "when", hint: "`classify \(toolClass.rawValue) when tool.fact`")
        let condition = try parseExpression()
        var citations: [Citation] = []
        while continuesStatement {
            guard current.isWord("cites") else { throw expectedError("`cites` or a new statement") }
            citations.append(try parseCitation())
        }
        return Syntax.Classify(toolClass: toolClass, condition: condition, citations: citations, range: start)
    }

    private mutating func parseRule() throws(Abandon) -> Syntax.Rule {
        advance()
        let id = try expectString("the rule's id")
        let effect: Syntax.Effect
        switch current.word {
        case "forbid", "permit", "advise", "review":
            let word = current.word
            advance()
            try expect(word: "when", hint: "an effect is followed by its condition: `\(word ?? "forbid") when use.mode = install`")
            let condition = try parseExpression()
            switch word {
            case "forbid": effect = .forbid(condition)
            case "permit": effect = .permit(condition)
            case "advise": effect = .advise(condition)
            default: effect = .review(condition)
            }
        case "require":
            advance()
            let requirement = try parseExpression()
            let when = consume(word: "when") ? try parseExpression() : nil
            effect = .require(requirement, when: when)
        default:
            throw expectedError("an effect", hint: "forbid, permit, require, advise or review")
        }
        return Syntax.Rule(id: id, effect: effect, clauses: try parseClauses())
    }

    private mutating func parseOverride() throws(Abandon) -> Syntax.Override {
        advance()
        let target = try expectString("the id of the base rule to override")
        return Syntax.Override(target: target, clauses: try parseClauses())
    }

    private mutating func parseClauses() throws(Abandon) -> Syntax.Clauses {
        var clauses = Syntax.Clauses()
        while continuesStatement {
            switch current.word {
            case "says", "remedy":
                let isMessage = current.isWord("says")
                advance()
                let language = try expectIdentifier("a language (fr or en)")
                let text = try expectString("the text")
                if isMessage { clauses.messages.append((language, text.value)) } else { clauses.remedies.append((language, text.value)) }
            case "cites":
                clauses.citations.append(try parseCitation())
            default:
                throw expectedError("`says`, `remedy`, `cites` or a new statement at the start of a line")
            }
        }
        return clauses
    }

    mutating func parseCitation() throws(Abandon) -> Citation {
        advance()
        let document = try expectString("the source document's file name")
        try expect(word: "section", hint: "a citation names the section: `cites \"file.txt\" section \"Title\"`")
        let section = try expectString("the section's title")
        return Citation(document: document.value, section: section.value)
    }

    private mutating func parseTool(isExtension: Bool) throws(Abandon) -> Syntax.Tool {
        if !isExtension { advance() }
        let id = try expectIdentifier("the tool's id")
        var name: String?
        if !isExtension {
            guard case .string(let text) = current.kind else {
                throw expectedError("the tool's display name (a quoted string)", hint: "`tool \(id.value) \"Display name\"`, or `extend tool \(id.value)` to add facts to an existing tool")
            }
            name = text
            advance()
        }
        var tool = Syntax.Tool(id: id, name: name, isExtension: isExtension, aliases: [], category: nil, facts: [])
        while continuesStatement {
            switch current.word {
            case "aliases":
                advance()
                tool.aliases.append(try expectString("an alias"))
                while consume(symbol: ",") { tool.aliases.append(try expectString("an alias")) }
            case "category":
                advance()
                tool.category = try expectIdentifier("a category")
            case .some:
                let factName = try expectIdentifier("a fact name")
                try expect(symbol: "=", hint: "a tool fact is written `\(factName.value) = value source \"file\" section \"…\"`")
                let value = try parseLiteral()
                var source: Citation?
                if consume(word: "source") {
                    let document = try expectString("the source document's file name")
                    try expect(word: "section", hint: "name the section: `source \"file.txt\" section \"Title\"`")
                    source = Citation(document: document.value, section: try expectString("the section's title").value)
                }
                tool.facts.append(Syntax.ToolFact(name: factName, value: value, source: source))
            case nil:
                throw expectedError("`aliases`, `category`, a fact or a new statement")
            }
        }
        return tool
    }
}
