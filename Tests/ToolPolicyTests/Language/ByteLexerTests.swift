import Foundation
import Testing
@testable import ToolPolicy

/// The lexer reads UTF-8 bytes; it must give what the walk over `Character`s gave
/// (``CharacterLexer``): the same tokens with the same ranges, comments and diagnostics,
/// columns counted in characters.
@Suite struct ByteLexerTests {
    private func expectSameAsCharacterLexer(_ text: String, path: String = "lex.rules",
                                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let source = SourceFile(path: path, text: text)
        let bytes = Lexer.lexed(source)
        let characters = CharacterLexer.lexed(source)
        #expect(bytes.tokens == characters.tokens, "tokens of \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(bytes.comments == characters.comments, "comments of \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(bytes.diagnostics == characters.diagnostics, "diagnostics of \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func agreesOnEveryShippedRulesFile() throws {
        let root = TestPolicies.rulesFolder
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".rules") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            expectSameAsCharacterLexer(text, path: file)
        }
    }

    @Test(arguments: [
        // Accents in words, strings and comments; a column after `é` counts one.
        "tool visio_é { name \"Réunion\" } # commentaire accentué\nrule é = 1",
        // e + U+0301 (decomposed é) is one character, in a word and after a string.
        "rule cafe\u{301} = \"the\u{301}\" x",
        // CR LF line ends, tabs, a lone CR, form feed and vertical tab.
        "tool a\r\n\tname \"A\"\r\nrule b\r= 1\u{0C}x\u{0B}y",
        // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end lines; NBSP is white space.
        "a\u{85}b\u{2028}c\u{2029}d\u{A0}e # trailing nbsp\u{A0}\n",
        // A quote or an operator joined by a combining mark is neither.
        "x = \"\u{301}abc\" <\u{301}= y \"open\u{301}",
        // Stray characters, alone and in runs with spaces between.
        "rule a @ b @@ ?? ]] c ; d € e 🇫🇷 f 👩‍👩‍👧 g",
        // Numbers, dates, malformed ones, digits of other scripts.
        "n = 12 d = 2026-03-15 bad = 2026-13-99 m = 12ab x = ٣ y = 1\u{301}",
        // Escapes, known and unknown, and a backslash before a non-ASCII character.
        "s = \"a\\nb\\\"c\\\\d\\q\\é\\\n\"",
        // A string folded over lines, a continuation at column 1, a clause opening on the next line.
        "rule r\n  says fr \"une phrase\n  qui continue\n  says en \"missing quote\n",
        "rule r\n  says fr \"une phrase\nsans retrait\nrule s\n",
        "rule r\n  says fr \"une phrase\n# commentaire\ntool t\n",
        "rule r cites \"sans fin",
        // Symbols, `!` alone, and the end right after an operator.
        "a != b ! c <= d >= e < f > g . , : = { } ( ) !",
        "",
        "   \n\t\n",
        "#",
        "é",
        "\u{301}",
        "\r\n",
    ])
    func agreesOnEdgeCases(text: String) {
        expectSameAsCharacterLexer(text)
    }

    /// Random files from pieces that stress the cut between characters: combining marks,
    /// CR LF split by other pieces, non-ASCII white space, quotes, escapes and keywords.
    @Test func agreesOnRandomText() {
        let pieces = [
            "rule", "tool", "says fr \"", "says en \"", "remedy fr \"", "cites \"", "\"", "\\", "\\n", "#", " ", "\t",
            "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{A0}", "\u{3000}", "\u{301}", "\u{200D}", "é", "e", "ß", "İ",
            "1", "2026-03-15", "-", "_", "=", "!", "<", ">", ".", "{", "}", "(", ")", ",", ":", "@", "?", "€", "👍",
            "🇫", "🇷", "٣", "\u{600}", "\u{1100}", "\u{1161}", "a", "Z", "use", "policy",
        ]
        var random = SplitMix(seed: 14)
        for _ in 0 ..< 400 {
            let count = Int(random.next() % 40)
            let text = (0 ..< count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            expectSameAsCharacterLexer(text)
        }
    }

    @Test func countsColumnsInCharacters() {
        let tokens = Lexer.tokens(of: SourceFile(path: "lex.rules", text: "\"é\u{301}e\u{301}\" x\r\n\tcafé y")).tokens
        #expect(tokens.map(\.range.start.column) == [1, 6, 2, 7, 8])
        #expect(tokens.map(\.range.start.line) == [1, 1, 2, 2, 2])
        #expect(tokens[0].range.length == 4)
    }
}
