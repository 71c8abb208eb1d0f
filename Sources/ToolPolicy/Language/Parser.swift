/// Parses the tokens of one rules file into a ``Syntax/File``.
///
/// The parser never throws. On a syntax error it records a diagnostic and skips to the
/// next statement, which starts at column 1 with a statement keyword, so every error of
/// a file is reported.
struct Parser {
    var tokens: [Token]
    var position = 0
    var diagnostics: [Diagnostic] = []
    /// How many parentheses, `not` and sets enclose the current token.
    var nesting = 0

    /// The deepest nesting of parentheses, `not` and sets an expression may have
    /// (`docs/language.md` §9). Deeper input gets TP103 instead of exhausting the stack.
    static let maxNesting = 64

    /// Raised inside a statement to abandon it; the error is already recorded.
    struct Abandon: Error {}

    static let statementKeywords: Set<String> = ["tool", "use", "classify", "rule", "extend", "override", "document", "column"]

    /// Lexes and parses a file.
    static func parse(_ source: SourceFile) -> (file: Syntax.File, diagnostics: [Diagnostic]) {
        let (tokens, comments, lexical) = Lexer.lexed(source)
        var parser = Parser(tokens: tokens)
        let header = parser.parseHeader()
        var statements: [Syntax.Statement] = []
        var abandoned: [(start: SourceLocation, end: SourceLocation)] = []
        while !parser.atEnd {
            let start = parser.position
            do {
                statements.append(try parser.parseStatement())
            } catch {
                parser.recover(from: start)
                abandoned.append((parser.tokens[start].range.start, parser.current.range.start))
            }
        }
        let file = Syntax.File(source: source, header: header, statements: statements, tokens: tokens, comments: comments)
        return (file, withoutFollowOns(lexical + parser.diagnostics, abandoned: abandoned))
    }

    /// The diagnostics in file order, keeping one per abandoned statement: once a statement
    /// is broken, what the lexer and the parser say about the rest of it follows from the
    /// first mistake (a stray `)`, a missing quote), so one mistake gives one diagnostic.
    private static func withoutFollowOns(
        _ diagnostics: [Diagnostic], abandoned: [(start: SourceLocation, end: SourceLocation)]
    ) -> [Diagnostic] {
        let ordered = diagnostics.enumerated().sorted {
            switch ($0.element.range?.start, $1.element.range?.start) {
            case (let a?, let b?) where a != b: a < b
            default: $0.offset < $1.offset
            }
        }.map(\.element)
        var reported = Set<Int>()
        return ordered.filter { diagnostic in
            guard let location = diagnostic.range?.start,
                  let statement = abandoned.firstIndex(where: { $0.start <= location && location < $0.end })
            else { return true }
            return reported.insert(statement).inserted
        }
    }

    var current: Token { tokens[position] }
    var atEnd: Bool { current.kind == .end }

    mutating func advance() {
        if !atEnd { position += 1 }
    }

    /// Skips to the next token that can start a statement, after the statement that
    /// began at `start` (so a statement that ended a broken one is kept).
    mutating func recover(from start: Int) {
        if position == start { advance() }
        while !atEnd {
            if current.startsLine, let word = current.word, Parser.statementKeywords.contains(word) { return }
            advance()
        }
    }

    /// Records an "expected X" error at the current token and returns the error that abandons the statement.
    mutating func expectedError(_ what: String, hint: String? = nil) -> Abandon {
        diagnostics.append(.expected(what, found: current, hint: hint))
        return Abandon()
    }

    mutating func consume(word: String) -> Bool {
        guard current.isWord(word) else { return false }
        advance()
        return true
    }

    mutating func consume(symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(word: String, hint: String? = nil) throws(Abandon) {
        guard consume(word: word) else { throw expectedError("`\(word)`", hint: hint) }
    }

    mutating func expect(symbol: String, hint: String? = nil) throws(Abandon) {
        guard consume(symbol: symbol) else { throw expectedError("`\(symbol)`", hint: hint) }
    }

    mutating func expectString(_ what: String) throws(Abandon) -> Syntax.Located<String> {
        guard case .string(let text) = current.kind else {
            throw expectedError(what + " (a quoted string)", hint: "write it between double quotes: \"…\"")
        }
        defer { advance() }
        return Syntax.Located(value: text, range: current.range)
    }

    mutating func expectIdentifier(_ what: String) throws(Abandon) -> Syntax.Located<String> {
        guard let word = current.word else { throw expectedError(what) }
        defer { advance() }
        return Syntax.Located(value: word, range: current.range)
    }

    /// Whether the current token continues the statement (it does not start a new line at column 1).
    var continuesStatement: Bool { !atEnd && !current.startsLine }
}
