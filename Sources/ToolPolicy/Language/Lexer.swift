/// Turns the text of a rules file into tokens, reporting malformed ones as diagnostics.
///
/// The lexer never stops at an error: it reports it and goes on, so the parser still
/// sees the rest of the file.
///
/// It reads the file's UTF-8 bytes, one character (`Character`) at a time: an ASCII byte
/// that no non-ASCII byte follows is a whole character, so ASCII text costs a byte test;
/// anywhere else the character is cut by `String`'s own grapheme breaking (see
/// ``LexedCharacter``). Tokens, locations and diagnostics are those of a walk over the
/// text's `Character`s: columns count characters, `é` and `e` + U+0301 are one column.
struct Lexer {
    private let file: String
    private let text: String
    private let bytes: [UInt8]
    /// The UTF-8 offset of the current character, always on a character boundary.
    private var index = 0
    private var line = 1
    private var column = 1
    private(set) var diagnostics: [Diagnostic] = []
    /// The comments, in order, each from `#` to the end of its line, trailing spaces removed.
    private(set) var comments: [String] = []

    init(source: SourceFile) {
        self.file = source.path
        self.text = source.text
        self.bytes = Array(source.text.utf8)
        self.current = character(at: 0)
    }

    /// Lexes the whole file; the last token is always `.end`.
    static func tokens(of source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        let (tokens, _, diagnostics) = lexed(source)
        return (tokens, diagnostics)
    }

    /// Lexes the whole file and keeps its comments too.
    static func lexed(_ source: SourceFile) -> (tokens: [Token], comments: [String], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source: source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { break }
        }
        return (tokens, lexer.comments, lexer.diagnostics)
    }

    /// The character that starts at UTF-8 offset `offset`, or `nil` at the end.
    ///
    /// Grapheme breaking joins nothing to ASCII or to the scalars of
    /// ``plainScalarLength(at:)``, nor them to anything of theirs, so one of them that
    /// another follows is a character by itself; anywhere else the `String` cuts it.
    private func character(at offset: Int) -> LexedCharacter? {
        guard offset < bytes.count else { return nil }
        let byte = bytes[offset]
        let length = byte < 0x80 ? 1 : plainScalarLength(at: offset)
        if length > 0 {
            let next = offset + length
            if next == bytes.count || bytes[next] < 0x80 || plainScalarLength(at: next) > 0 {
                if byte == 0x0D, next < bytes.count, bytes[next] == 0x0A {
                    return LexedCharacter(end: next + 1, first: "\r", isSingleScalar: false)
                }
                return LexedCharacter(end: next, first: scalar(at: offset, length: length), isSingleScalar: true)
            }
        }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let scalars = text[start].unicodeScalars
        return LexedCharacter(end: utf8.distance(from: utf8.startIndex, to: text.index(after: start)),
                              first: scalars.first!, isSingleScalar: scalars.count == 1)
    }

    /// The length of the UTF-8 of the scalar at `offset` if it is one of the non-ASCII
    /// scalars of French text whose grapheme break property is Other (U+00A0–U+00BF but the
    /// soft hyphen, the Latin letters U+00C0–U+027F, the dashes, quotes and ellipsis
    /// U+2010–U+2027, U+202F), else 0.
    private func plainScalarLength(at offset: Int) -> Int {
        let lead = bytes[offset]
        switch lead {
        case 0xC2 where offset + 1 < bytes.count:
            let second = bytes[offset + 1]
            return second >= 0xA0 && second <= 0xBF && second != 0xAD ? 2 : 0
        case 0xC3 ... 0xC9 where offset + 1 < bytes.count:
            return bytes[offset + 1] & 0xC0 == 0x80 ? 2 : 0
        case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80:
            let third = bytes[offset + 2]
            return (third >= 0x90 && third <= 0xA7) || third == 0xAF ? 3 : 0
        default:
            return 0
        }
    }

    /// The scalar of a one-, two- or three-byte UTF-8 sequence at `offset`.
    private func scalar(at offset: Int, length: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[offset])
        switch length {
        case 1: return Unicode.Scalar(UInt8(lead))
        case 2: return Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F))!
        default:
            return Unicode.Scalar((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F))!
        }
    }

    /// The character at ``index``, kept as ``advance()`` moves.
    private var current: LexedCharacter?

    /// The text of the bytes from `start` to the current character.
    private func text(from start: Int) -> String {
        String(decoding: bytes[start ..< index], as: UTF8.self)
    }

    /// The text of one character.
    private func text(of character: LexedCharacter, at offset: Int) -> String {
        String(decoding: bytes[offset ..< character.end], as: UTF8.self)
    }

    private mutating func advance() {
        guard let character = current else { return }
        index = character.end
        current = self.character(at: index)
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
        if character.isASCIIDigit {
            return token(readNumberOrDate(start: start))
        }
        if character.is("\"") {
            return token(.string(readString(start: start)))
        }
        let offset = index
        advance()
        if let symbol = character.ascii {
            switch symbol {
            case "!", "<", ">":
                if current?.is("=") == true {
                    advance()
                    return token(.symbol("\(Character(character.first))="))
                }
                if symbol == "!" {
                    report(.unexpectedCharacter("!", at: SourceRange(start: start, length: 1)))
                    return next()
                }
                return token(.symbol(String(character.first)))
            case ".", ",", ":", "=", "{", "}", "(", ")":
                return token(.symbol(String(character.first)))
            default:
                break
            }
        }
        reportUnexpected(from: text(of: character, at: offset), start: start)
        return next()
    }

    /// Whether a character can start or continue no token, so it is reported as unexpected.
    private static func isStray(_ character: LexedCharacter) -> Bool {
        !(character.isLetter || character.isNumber || character.isWhitespace || character.is("\"") || character.is("#")
          || character.ascii.map { ".,:={}()!<>".unicodeScalars.contains($0) } == true)
    }

    /// Reports one diagnostic for a run of unexpected characters — `@@ ?? ]]` is one
    /// mistake, not six — and skips the run, spaces between its characters included.
    private mutating func reportUnexpected(from first: String, start: SourceLocation) {
        var text = first
        var end = column
        while true {
            var lookahead = 0
            var offset = index
            while let c = character(at: offset), c.is(" ") || c.is("\t") {
                lookahead += 1
                offset = c.end
            }
            guard let c = character(at: offset), Lexer.isStray(c) else { break }
            for _ in 0...lookahead { advance() }
            text += String(repeating: " ", count: lookahead > 0 ? 1 : 0) + self.text(of: c, at: offset)
            end = column
        }
        let range = SourceRange(start: start, length: end - start.column)
        report(text.count == 1 ? .unexpectedCharacter(Character(first), at: range) : .unexpectedCharacters(text, at: range))
    }

    private mutating func skipTrivia() {
        while let character = current {
            if character.is("#") {
                let start = index
                while let c = current, !c.isNewline { advance() }
                var comment = text(from: start)
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
        let start = index
        while let c = current, c.isLetter || c.isNumber || c.is("_") || c.is("-") { advance() }
        return text(from: start)
    }

    private mutating func readNumberOrDate(start: SourceLocation) -> Token.Kind {
        let offset = index
        while let c = current, c.isASCIIDigit || c.is("-") { advance() }
        while let c = current, c.isLetter || c.is("_") { advance() }
        let text = text(from: offset)
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
        if current?.is("#") == true { return true }
        var end = index
        while let c = character(at: end), c.isLetter { end = c.end }
        let word = String(decoding: bytes[index ..< end], as: UTF8.self)
        return Lexer.statementWords.contains(word) && character(at: end).map { $0.is(" ") || $0.is("\t") || $0.isNewline } ?? true
    }

    /// Whether the text from the current character on opens a clause with a string:
    /// `says fr "`, `remedy en "` or `cites "`, which no sentence of a message starts with.
    /// Compared character by character, so a quote that a combining mark joins is no quote.
    private var startsClause: Bool {
        Lexer.clauseOpenings.contains { opening in
            var offset = index
            for scalar in opening.unicodeScalars {
                guard let c = character(at: offset), c.is(scalar) else { return false }
                offset = c.end
            }
            return true
        }
    }

    /// The openings of the clauses that take a string.
    private static let clauseOpenings = ["says fr \"", "says en \"", "remedy fr \"", "remedy en \"", "cites \""]

    /// The words that start a statement or a header at column 1.
    private static let statementWords: Set<String> = Parser.statementKeywords.union(["policy", "profile"])

    private mutating func readString(start: SourceLocation) -> String {
        advance()
        var text = ""
        var reportedIndentation = false
        var run = index
        while let c = current {
            if c.is("\"") || c.is("\\") || c.isNewline {
                text += self.text(from: run)
            }
            if c.is("\"") {
                advance()
                return text
            } else if c.is("\\") {
                advance()
                let escaped = current
                switch escaped?.ascii {
                case "n": text.append("\n")
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                default:
                    report(.unknownEscape(escaped.map { self.text(of: $0, at: index) } ?? "", at: SourceRange(start: location, length: 1)))
                }
                advance()
                run = index
            } else if c.isNewline {
                while text.last == " " || text.last == "\t" { text.removeLast() }
                while let w = current, w.isWhitespace { advance() }
                run = index
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
            } else {
                advance()
            }
        }
        text += self.text(from: run)
        report(.unterminatedString(at: SourceRange(start: start, length: 1)))
        return text
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
