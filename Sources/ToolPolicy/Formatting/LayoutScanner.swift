/// Splits the text of a rules file into lines of raw pieces — words, numbers, strings,
/// symbols, comments — as written, for the formatter. It keeps what the lexer throws away
/// (comments, blank lines, the raw text of strings) and nothing of the layout the
/// formatter sets anew. It reads only files the lexer accepted without error.
struct LayoutScanner {
    /// One raw piece of a line.
    struct Piece: Equatable {
        enum Kind: Equatable { case word, number, string, symbol, comment }
        var kind: Kind
        /// The text as written; a string that spans lines holds one segment per line,
        /// trimmed of the indentation the formatter sets anew.
        var segments: [String]

        var text: String { segments[0] }
        func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
        func isWord(_ word: String) -> Bool { kind == .word && text == word }
    }

    /// One line of code or comment, with what came before it.
    struct Line {
        /// Whether it started at column 1 (a statement, or a comment at the margin).
        var atMargin: Bool
        /// How many blank lines came before it.
        var blanksBefore: Int
        var pieces: [Piece]

        var isComment: Bool { pieces.count == 1 && pieces[0].kind == .comment }
    }

    private let characters: [Character]
    private var index = 0

    private init(_ text: String) { characters = Array(text) }

    /// The lines of `text`.
    static func lines(of text: String) -> [Line] {
        var scanner = LayoutScanner(text)
        return scanner.scan()
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private mutating func scan() -> [Line] {
        var lines: [Line] = []
        var blanks = 0
        while current != nil {
            var indentation = 0
            while let c = current, c == " " || c == "\t" {
                indentation += 1
                index += 1
            }
            guard let first = current else { break }
            if first.isNewline {
                blanks += 1
                index += 1
                continue
            }
            var pieces: [Piece] = []
            while let c = current, !c.isNewline {
                if c == " " || c == "\t" {
                    index += 1
                } else {
                    pieces.append(piece())
                }
            }
            index += 1
            lines.append(Line(atMargin: indentation == 0, blanksBefore: blanks, pieces: pieces))
            blanks = 0
        }
        return lines
    }

    private mutating func piece() -> Piece {
        let start = index
        let c = characters[index]
        if c == "#" {
            while let c = current, !c.isNewline { index += 1 }
            return Piece(kind: .comment, segments: [trimmed(start ..< index)])
        }
        if c == "\"" { return string() }
        if c.isLetter {
            while let c = current, c.isLetter || c.isNumber || c == "_" || c == "-" { index += 1 }
            return Piece(kind: .word, segments: [String(characters[start ..< index])])
        }
        if c.isNumber {
            while let c = current, c.isNumber || c.isLetter || c == "-" || c == "_" { index += 1 }
            return Piece(kind: .number, segments: [String(characters[start ..< index])])
        }
        index += 1
        if (c == "!" || c == "<" || c == ">"), current == "=" { index += 1 }
        return Piece(kind: .symbol, segments: [String(characters[start ..< index])])
    }

    /// A string, from its opening to its closing quote, one segment per line.
    private mutating func string() -> Piece {
        var segments: [String] = []
        var segment = String(characters[index])
        index += 1
        while let c = current {
            index += 1
            if c == "\\", let next = current {
                segment.append(c)
                segment.append(next)
                index += 1
            } else if c.isNewline {
                segments.append(segment)
                while let w = current, w == " " || w == "\t" { index += 1 }
                segment = ""
            } else {
                segment.append(c)
                if c == "\"" { break }
            }
        }
        segments.append(segment)
        return Piece(kind: .string, segments: segments.map { String($0.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) })
    }

    private func trimmed(_ range: Range<Int>) -> String {
        var text = String(characters[range])
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
