@testable import ToolPolicy

/// The lexer as it was before it read UTF-8 bytes: it walks an `Array<Character>`. Kept in the
/// tests only, as the oracle the byte lexer must agree with token for token (`ByteLexerTests`).
struct CharacterLexer {
    private let file: String
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private(set) var diagnostics: [Diagnostic] = []
    /// The comments, in order, each from `#` to the end of its line, trailing spaces removed.
    private(set) var comments: [String] = []

    init(source: SourceFile) {
        self.file = source.path
        self.characters = Array(source.text)
    }

    /// Lexes the whole file; the last token is always `.end`.
    static func tokens(of source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        let (tokens, _, diagnostics) = lexed(source)
        return (tokens, diagnostics)
    }

    /// Lexes the whole file and keeps its comments too.
    static func lexed(_ source: SourceFile) -> (tokens: [Token], comments: [String], diagnostics: [Diagnostic]) {
        var lexer = CharacterLexer(source: source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { break }
        }
        return (tokens, lexer.comments, lexer.diagnostics)
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }
    private func peek(_ offset: Int) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func advance() {
        guard let character = current else { return }
        index += 1
        if character.isNewline {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private mutating func next() -> Token {
        skipTrivia()
        let start = location
        let startsLine = start.column == 1
        func token(_ kind: Token.Kind) -> Token {
            let length = line == start.line ? max(1, column - start.column) : 1
            return Token(kind: kind, range: SourceRange(start: start, length: length), startsLine: startsLine)
        }
        guard let character = current else { return token(.end) }
        if character.isLetter {
            return token(.word(readWord()))
        }
        if character.isASCII, character.isNumber {
            return token(readNumberOrDate(start: start))
        }
        if character == "\"" {
            return token(.string(readString(start: start)))
        }
        advance()
        switch character {
        case "!", "<", ">":
            if current == "=" {
                advance()
                return token(.symbol("\(character)="))
            }
            if character == "!" {
                report(.unexpectedCharacter("!", at: SourceRange(start: start, length: 1)))
                return next()
            }
            return token(.symbol(String(character)))
        case ".", ",", ":", "=", "{", "}", "(", ")":
            return token(.symbol(String(character)))
        default:
            reportUnexpected(from: character, start: start)
            return next()
        }
    }

    /// Whether a character can start or continue no token, so it is reported as unexpected.
    private static func isStray(_ character: Character) -> Bool {
        !(character.isLetter || character.isNumber || character.isWhitespace || character == "\"" || character == "#"
          || ".,:={}()!<>".contains(character))
    }

    /// Reports one diagnostic for a run of unexpected characters — `@@ ?? ]]` is one
    /// mistake, not six — and skips the run, spaces between its characters included.
    private mutating func reportUnexpected(from first: Character, start: SourceLocation) {
        var text = String(first)
        var end = column
        while true {
            var lookahead = 0
            while let c = peek(lookahead), c == " " || c == "\t" { lookahead += 1 }
            guard let c = peek(lookahead), CharacterLexer.isStray(c) else { break }
            for _ in 0...lookahead { advance() }
            text += String(repeating: " ", count: lookahead > 0 ? 1 : 0) + String(c)
            end = column
        }
        let range = SourceRange(start: start, length: end - start.column)
        report(text.count == 1 ? .unexpectedCharacter(first, at: range) : .unexpectedCharacters(text, at: range))
    }

    private mutating func skipTrivia() {
        while let character = current {
            if character == "#" {
                var comment = ""
                while let c = current, !c.isNewline {
                    comment.append(c)
                    advance()
                }
                while comment.last?.isWhitespace == true { comment.removeLast() }
                comments.append(comment)
            } else if character.isWhitespace {
                advance()
            } else {
                return
            }
        }
    }

    private mutating func readWord() -> String {
        var word = ""
        while let c = current, c.isLetter || c.isNumber || c == "_" || c == "-" {
            word.append(c)
            advance()
        }
        return word
    }

    private mutating func readNumberOrDate(start: SourceLocation) -> Token.Kind {
        var text = ""
        while let c = current, (c.isASCII && c.isNumber) || c == "-" {
            text.append(c)
            advance()
        }
        while let c = current, c.isLetter || c == "_" {
            text.append(c)
            advance()
        }
        let range = SourceRange(start: start, length: text.count)
        if text.contains("-") {
            if let date = CivilDate(parsing: text) { return .date(date.days) }
            report(.malformedDate(text, at: range))
            return .date(0)
        }
        guard let value = Int64(text) else {
            report(.malformedNumber(text, at: range))
            return .integer(0)
        }
        return .integer(value)
    }

    /// Whether the text from the current character on starts a statement or a comment.
    private var startsStatement: Bool {
        if current == "#" { return true }
        var word = ""
        var offset = 0
        while let c = peek(offset), c.isLetter {
            word.append(c)
            offset += 1
        }
        return CharacterLexer.statementWords.contains(word) && peek(offset).map { $0 == " " || $0 == "\t" || $0.isNewline } ?? true
    }

    /// Whether the text from the current character on opens a clause with a string:
    /// `says fr "`, `remedy en "` or `cites "`, which no sentence of a message starts with.
    private var startsClause: Bool {
        let ahead = String(characters[index ..< min(index + 12, characters.count)])
        return ["says fr \"", "says en \"", "remedy fr \"", "remedy en \"", "cites \""].contains { ahead.hasPrefix($0) }
    }

    /// The words that start a statement or a header at column 1.
    private static let statementWords: Set<String> = Parser.statementKeywords.union(["policy", "profile"])

    private mutating func readString(start: SourceLocation) -> String {
        advance()
        var text = ""
        var reportedIndentation = false
        while let c = current {
            switch c {
            case "\"":
                advance()
                return text
            case "\\":
                advance()
                switch current {
                case "n": text.append("\n")
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                default:
                    report(.unknownEscape(current.map(String.init) ?? "", at: SourceRange(start: location, length: 1)))
                }
                advance()
            case _ where c.isNewline:
                while text.last == " " || text.last == "\t" { text.removeLast() }
                while let w = current, w.isWhitespace { advance() }
                if column > 1, startsClause {
                    // `says fr "…`, `remedy en "…` or `cites "…` on the next line: the quote
                    // that should have closed this line's string is missing.
                    report(.unterminatedString(at: SourceRange(start: start, length: 1), beforeClauseOn: line))
                    return text
                }
                if column == 1, current != nil {
                    // A line at column 1 starts a statement (or a comment): the string ends
                    // before it, so one missing quote cannot swallow the rest of the file.
                    if startsStatement {
                        report(.unterminatedString(at: SourceRange(start: start, length: 1), before: line))
                        return text
                    }
                    if !reportedIndentation {
                        report(.unindentedContinuation(at: SourceRange(start: location, length: 1)))
                        reportedIndentation = true
                    }
                }
                if !text.hasSuffix(" ") { text.append(" ") }
            default:
                text.append(c)
                advance()
            }
        }
        report(.unterminatedString(at: SourceRange(start: start, length: 1)))
        return text
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
