extension Parser {
    /// `policy "name" ["title"]` or `profile "name" ["title"] extends "base"`.
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
            if continuesStatement {
                let hint = current.isWord("source") ? "sources are declared once each, as `document \"file.txt\" title \"…\"` statements" : nil
                throw expectedError("a new statement at the start of a line", hint: hint)
            }
            return Syntax.Header(name: name, title: title, extends: extends)
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
        case "document":
            return .document(try parseDocument())
        case "column":
            return .column(try parseColumnNames())
        default:
            if continuesAbove {
                diagnostics.append(.missingIndentation(found: current))
                throw Abandon()
            }
            let hint = current.word.flatMap { Suggestion.closest(to: $0, in: Array(Parser.statementKeywords) + ["policy", "profile"]) }
                .map { "did you mean `\($0)`?" } ?? "a statement starts with tool, use, classify, rule, extend, override, document or column"
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
        "label", "asks", "aka", "value", "title", "issuer", "url", "settled",
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
        var fact = Syntax.FactDeclaration(owner: owner, name: name, type: type, description: description)
        while continuesStatement {
            switch current.word {
            case "label":
                advance()
                fact.labels += try parseWordings("the fact's label")
            case "asks":
                advance()
                fact.questions += try parseWordings("the question to ask")
            case "aka":
                advance()
                fact.aliases += try parseStringList("another name of the fact's column")
            case "settled":
                advance()
                try expect(word: "by", hint: "`settled by school` or `settled by requester`")
                fact.settledBy = try expectIdentifier("who settles the fact (school or requester)")
            case "value":
                advance()
                let value = try expectIdentifier("one of the fact's values")
                let texts = try parseWordings("the value's words")
                let aliases = consume(word: "aka") ? try parseStringList("another name of the value") : []
                fact.values.append(Syntax.ValueWords(value: value, texts: texts, aliases: aliases))
            default:
                throw expectedError("`label`, `asks`, `aka`, `value`, `settled by` or a new statement at the start of a line", hint: indentedStatementHint)
            }
        }
        return fact
    }

    /// The hint for a statement keyword found indented, where a clause was expected.
    private var indentedStatementHint: String? {
        current.word.map(Parser.statementKeywords.contains) == true ? "continuation lines are indented; statements start at column 1" : nil
    }

    /// One or more `fr "…"` / `en "…"` pairs.
    private mutating func parseWordings(_ what: String) throws(Abandon) -> [Syntax.Wording] {
        var wordings: [Syntax.Wording] = []
        while let word = current.word, word != "aka", case .string = tokens[position + 1].kind {
            let language = Syntax.Located(value: word, range: current.range)
            advance()
            wordings.append(Syntax.Wording(language: language, text: try expectString(what).value))
        }
        if wordings.isEmpty { throw expectedError("a language and \(what): `fr \"…\"`", hint: "write each language's words after its code: `fr \"…\" en \"…\"`") }
        return wordings
    }

    /// `"a", "b", …`.
    private mutating func parseStringList(_ what: String) throws(Abandon) -> [Syntax.Located<String>] {
        var strings = [try expectString(what)]
        while consume(symbol: ",") { strings.append(try expectString(what)) }
        return strings
    }

    /// `document "file.txt"` and its `title`, `issuer` and `url` clauses.
    private mutating func parseDocument() throws(Abandon) -> Syntax.Document {
        advance()
        var document = Syntax.Document(id: try expectString("the document's file name"))
        while continuesStatement {
            switch current.word {
            case "title":
                advance()
                document.title = try expectString("the document's title")
            case "issuer":
                advance()
                document.issuer = try expectString("who issued the document").value
            case "url":
                advance()
                document.url = try expectString("the document's address").value
            default:
                throw expectedError("`title`, `issuer`, `url` or a new statement at the start of a line", hint: indentedStatementHint)
            }
        }
        return document
    }

    /// `column tool aka "outil", …`.
    private mutating func parseColumnNames() throws(Abandon) -> Syntax.ColumnNames {
        advance()
        let column = try expectIdentifier("the column (`tool`)")
        try expect(word: "aka", hint: "`column \(column.value) aka \"outil\", \"logiciel\"`")
        return Syntax.ColumnNames(column: column, aliases: try parseStringList("another name of the column"))
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
        var citations: [Syntax.Located<Citation>] = []
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

    mutating func parseCitation() throws(Abandon) -> Syntax.Located<Citation> {
        advance()
        let document = try expectString("the source document's file name")
        try expect(word: "section", hint: "a citation names the section: `cites \"file.txt\" section \"Title\"`")
        let section = try expectString("the section's title")
        return Syntax.Located(value: Citation(document: document.value, section: section.value), range: document.range.extended(to: section.range))
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
                var source: Syntax.Located<Citation>?
                if consume(word: "source") {
                    let document = try expectString("the source document's file name")
                    try expect(word: "section", hint: "name the section: `source \"file.txt\" section \"Title\"`")
                    let section = try expectString("the section's title")
                    source = Syntax.Located(value: Citation(document: document.value, section: section.value), range: document.range.extended(to: section.range))
                }
                tool.facts.append(Syntax.ToolFact(name: factName, value: value, source: source))
            case nil:
                throw expectedError("`aliases`, `category`, a fact or a new statement")
            }
        }
        return tool
    }
}
