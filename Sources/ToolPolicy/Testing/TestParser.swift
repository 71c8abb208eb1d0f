/// Parses a rules test file with the rules language's lexer and token helpers, so its
/// diagnostics read and locate like those of a `.rules` file.
extension Parser {
    /// The words that open a clause of a case.
    static let caseClauseWords: Set<String> = Set(["profile", "tool", "use", "on", "expect", "questions", "cites"])
        .union(TestSyntax.RuleList.allCases.map(\.rawValue))

    /// Lexes and parses a `.tests` file; after an error the parser skips to the next `case`.
    static func parseTests(_ source: SourceFile) -> (file: TestSyntax.File, diagnostics: [Diagnostic]) {
        let (tokens, lexical) = Lexer.tokens(of: source)
        var parser = Parser(tokens: tokens)
        var file = TestSyntax.File(source: source, profile: nil, cases: [])
        if parser.current.isWord("profile") {
            parser.advance()
            do {
                file.profile = try parser.expectIdentifier("a profile name")
            } catch {
                parser.skipToCase()
            }
        }
        while !parser.atEnd {
            let start = parser.position
            do {
                file.cases.append(try parser.parseCase())
            } catch {
                if parser.position == start { parser.advance() }
                parser.skipToCase()
            }
        }
        return (file, lexical + parser.diagnostics)
    }

    private mutating func skipToCase() {
        while !atEnd, !(current.startsLine && current.isWord("case")) { advance() }
    }

    private mutating func parseCase() throws(Abandon) -> TestSyntax.Case {
        guard current.startsLine, current.isWord("case") else {
            if let word = current.word, current.startsLine, Parser.caseClauseWords.contains(word) {
                diagnostics.append(.missingIndentation(found: current))
                throw Abandon()
            }
            throw expectedError("`case \"…\"` at the start of a line", hint: "a test file is a list of cases, each starting with `case \"name\"`")
        }
        advance()
        var testCase = TestSyntax.Case(name: try expectString("the case's name"))
        while !atEnd {
            if current.startsLine {
                guard let word = current.word, Parser.caseClauseWords.contains(word) else { break }
                diagnostics.append(.missingIndentation(found: current))
                throw Abandon()
            }
            try parseCaseClause(into: &testCase)
        }
        return testCase
    }

    private mutating func parseCaseClause(into testCase: inout TestSyntax.Case) throws(Abandon) {
        let word = current.word ?? ""
        if let list = TestSyntax.RuleList(rawValue: word) {
            let start = current.range
            advance()
            testCase.ruleLists[list] = try parseList(start) { parser throws(Abandon) in try parser.expectString("a rule id") }
            return
        }
        switch word {
        case "profile":
            advance()
            testCase.profile = try expectIdentifier("a profile name")
        case "tool":
            advance()
            if consume(word: "unlisted") {
                testCase.tool = .unlisted(try expectString("the tool's name as a requester writes it"))
            } else {
                testCase.tool = .id(try expectIdentifier("a catalog tool id, or `unlisted \"name\"`"))
            }
        case "use":
            advance()
            repeat {
                let name = try expectIdentifier("a use fact's name")
                try expect(symbol: "=", hint: "write `use mode = web, accounts = {none}`")
                testCase.facts.append((name, try parseLiteral()))
            } while consume(symbol: ",")
        case "on":
            advance()
            guard case .date(let days) = current.kind else { throw expectedError("a date (YYYY-MM-DD)") }
            testCase.today = Syntax.Located(value: days, range: current.range)
            advance()
        case "expect":
            advance()
            guard let word = current.word, let verdict = Verdict(rawValue: word) else {
                throw expectedError("a verdict", hint: "one of " + Verdict.allCases.map(\.rawValue).joined(separator: ", "))
            }
            testCase.verdict = Syntax.Located(value: verdict, range: current.range)
            advance()
        case "questions":
            let start = current.range
            advance()
            testCase.questions = try parseList(start) { parser throws(Abandon) in
                let owner: FactOwner = parser.current.isWord("tool") ? .tool : .use
                guard parser.consume(word: "tool") || parser.consume(word: "use") else { throw parser.expectedError("a fact such as `use.mode`") }
                try parser.expect(symbol: ".")
                return TestSyntax.FactReference(owner: owner, name: try parser.expectIdentifier("a fact's name"))
            }
        case "cites":
            testCase.citations.append(try parseCitation())
        default:
            let hint = current.word.flatMap { Suggestion.closest(to: $0, in: Parser.caseClauseWords) }.map { "did you mean `\($0)`?" }
                ?? "a case's clauses are " + Parser.caseClauseWords.sorted().joined(separator: ", ")
            throw expectedError("a clause of the case", hint: hint)
        }
    }

    /// `none`, or one element or more separated by commas.
    private mutating func parseList<Element>(
        _ start: SourceRange, _ element: (inout Parser) throws(Abandon) -> Element
    ) throws(Abandon) -> Syntax.Located<[Element]> {
        if current.isWord("none") {
            defer { advance() }
            return Syntax.Located(value: [], range: start.extended(to: current.range))
        }
        var elements = [try element(&self)]
        while consume(symbol: ",") { elements.append(try element(&self)) }
        return Syntax.Located(value: elements, range: start)
    }
}
