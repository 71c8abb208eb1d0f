/// `toolpolicy fmt`: the one canonical layout of a rules file.
///
/// It sets the layout only, never the content: statements at column 1; clause lines
/// (`says`, `cites`, `remedy`, an effect, a tool's facts, a header's `source`) indented by
/// 2 spaces; condition lines (`and …`, `or …`) by 10, and 5 more per parenthesis still
/// open; a string's continuation lines under
/// its first character; one space between pieces, none inside `tool.id`, `(…)`, `{…}` or
/// before `,` and `:`; a tool's `source` clauses aligned; at most one blank line in a row;
/// one line break at the end. Line breaks between pieces stay where the author put them,
/// and every comment stays, on its line. Formatting keeps the policy digest
/// (``PolicyDigest`` reads tokens and comments, not layout), and the result is checked
/// against it: a file whose content would change is left as it is, with an error.
package enum RulesFormatter {
    /// Why a file is not formatted.
    package enum Failure: Error, Equatable {
        /// The file does not lex and parse cleanly; the diagnostics say where.
        case invalid([Diagnostic])
        /// Formatting would have changed the file's tokens or comments (a bug of the
        /// formatter, never silent): the file is left as it is.
        case contentChanged
    }

    /// Clause keywords: a continuation line that starts with one is indented by 2.
    static let clauseWords: Set<String> = [
        "says", "remedy", "cites", "aliases", "category", "source", "extends",
        "forbid", "permit", "require", "advise", "review",
        "label", "asks", "aka", "value", "title", "issuer", "url", "settled",
    ]

    /// The formatted text of `source`, or why it cannot be formatted.
    package static func format(_ source: SourceFile) -> Result<String, Failure> {
        let (_, diagnostics) = Parser.parse(source)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { return .failure(.invalid(errors)) }
        let formatted = layout(LayoutScanner.lines(of: source.text))
        guard PolicyDigest.content(of: SourceFile(path: source.path, text: formatted)) == PolicyDigest.content(of: source) else {
            return .failure(.contentChanged)
        }
        return .success(formatted)
    }

    /// Lays out scanned lines.
    static func layout(_ lines: [LayoutScanner.Line]) -> String {
        var output: [String] = []
        var statement: [LayoutScanner.Line] = []
        var pendingComments: [LayoutScanner.Line] = []
        var statementWord = ""

        func flush() {
            output += lay(statement: statement, word: statementWord)
            statement = []
        }
        for line in lines {
            if line.isComment {
                pendingComments.append(line)
                continue
            }
            if line.atMargin { flush() }
            if line.atMargin {
                statementWord = line.pieces.first?.text ?? ""
                if line.pieces.first?.isWord("tool") == true, line.pieces.count > 1, line.pieces[1].isWord("fact") { statementWord = "fact" }
            }
            statement += pendingComments
            pendingComments = []
            statement.append(line)
        }
        flush()
        // Comments after the last statement.
        for comment in pendingComments {
            if comment.blanksBefore > 0 { output.append("") }
            output.append((comment.atMargin ? "" : "  ") + comment.pieces[0].text)
        }
        return output.drop { $0.isEmpty }.joined(separator: "\n") + "\n"
    }

    /// The lines of one statement (its leading comments included).
    private static func lay(statement lines: [LayoutScanner.Line], word: String) -> [String] {
        guard !lines.isEmpty else { return [] }
        // The column of the tool facts' `source` clauses: the longest `  name = value`, plus 3.
        let factPrefixes = lines.compactMap { line -> Int? in
            guard word == "tool" || word == "extend", let split = sourceSplit(line) else { return nil }
            return 2 + render(Array(line.pieces[..<split]), startColumn: 3).last!.count
        }
        let sourceColumn = (factPrefixes.max() ?? 0) + 3
        var output: [String] = []
        // Parentheses still open at the start of the line: a condition line inside them is
        // indented 5 more per level, so `or …` stands under the operand after `(`.
        var openParentheses = 0
        for (offset, line) in lines.enumerated() {
            if line.blanksBefore > 0 { output.append("") }
            defer {
                for piece in line.pieces where piece.kind == .symbol {
                    if piece.text == "(" { openParentheses += 1 } else if piece.text == ")" { openParentheses = max(0, openParentheses - 1) }
                }
            }
            let indentation: Int
            if line.isComment {
                let next = lines[(offset + 1)...].first { !$0.isComment }
                indentation = line.atMargin || next == nil ? 0 : self.indentation(of: next!)
                output.append(String(repeating: " ", count: indentation) + line.pieces[0].text)
                continue
            }
            indentation = self.indentation(of: line) + (self.indentation(of: line) == 10 ? 5 * openParentheses : 0)
            let pad = String(repeating: " ", count: indentation)
            if word == "tool" || word == "extend", !line.atMargin, let split = sourceSplit(line) {
                let head = render(Array(line.pieces[..<split]), startColumn: indentation + 1)
                let tail = render(Array(line.pieces[split...]), startColumn: sourceColumn)
                if head.count == 1 {
                    let prefix = pad + head[0]
                    output.append(prefix + String(repeating: " ", count: max(2, sourceColumn - 1 - prefix.count)) + tail[0])
                    output += tail.dropFirst()
                    continue
                }
            }
            let rendered = render(line.pieces, startColumn: indentation + 1)
            output.append(pad + rendered[0])
            output += rendered.dropFirst()
        }
        return output
    }

    /// The indentation of a code line: 0 at the margin, 2 for a clause, 10 for a condition.
    private static func indentation(of line: LayoutScanner.Line) -> Int {
        if line.atMargin { return 0 }
        guard let first = line.pieces.first else { return 2 }
        if first.kind == .word, clauseWords.contains(first.text) { return 2 }
        // A tool fact: `name = value …`.
        if first.kind == .word, line.pieces.count > 1, line.pieces[1].isSymbol("=") { return 2 }
        return 10
    }

    /// Where a tool fact line's `source` clause starts, if it has one after `name = value`.
    private static func sourceSplit(_ line: LayoutScanner.Line) -> Int? {
        guard line.pieces.count > 2, line.pieces[0].kind == .word, line.pieces[1].isSymbol("=") else { return nil }
        return line.pieces.indices.dropFirst(3).first { line.pieces[$0].isWord("source") }
    }

    /// Renders pieces on one line (more when a string spans lines); `startColumn` is the
    /// 1-based column of the first piece, so a string's continuation lines align under
    /// its first character.
    static func render(_ pieces: [LayoutScanner.Piece], startColumn: Int) -> [String] {
        var lines = [""]
        var column = startColumn
        var previous: LayoutScanner.Piece?
        for piece in pieces {
            if let previous, needsSpace(after: previous, before: piece) {
                lines[lines.count - 1] += " "
                column += 1
            }
            let segments = piece.kind == .string
                ? [piece.segments[0]] + piece.segments.dropFirst().filter { !$0.isEmpty }
                : piece.segments
            lines[lines.count - 1] += segments[0]
            if segments.count > 1 {
                let alignment = String(repeating: " ", count: column)
                for segment in segments.dropFirst() { lines.append(alignment + segment) }
                column = lines[lines.count - 1].count + 1
            } else {
                column += segments[0].count
            }
            previous = piece
        }
        return lines
    }

    private static func needsSpace(after previous: LayoutScanner.Piece, before next: LayoutScanner.Piece) -> Bool {
        if previous.kind == .symbol, [".", "(", "{"].contains(previous.text) { return false }
        if next.kind == .symbol, [".", ",", ")", "}", ":"].contains(next.text) { return false }
        return true
    }
}
