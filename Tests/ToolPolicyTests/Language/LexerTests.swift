import Testing
@testable import ToolPolicy

@Suite struct LexerTests {
    private func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        Lexer.tokens(of: SourceFile(path: "lex.rules", text: text))
    }

    private func kinds(_ text: String) -> [Token.Kind] {
        lex(text).tokens.map(\.kind)
    }

    @Test func lexesWordsSymbolsIntegersAndEnd() {
        #expect(kinds("forbid when use.participants >= 10") == [
            .word("forbid"), .word("when"), .word("use"), .symbol("."), .word("participants"),
            .symbol(">="), .integer(10), .end,
        ])
    }

    @Test(arguments: [
        ("=", "="), ("!=", "!="), ("<", "<"), ("<=", "<="), (">", ">"), (">=", ">="),
        (".", "."), (",", ","), (":", ":"), ("{", "{"), ("}", "}"), ("(", "("), (")", ")"),
    ])
    func lexesEachPunctuation(text: String, symbol: String) {
        let (tokens, diagnostics) = lex(text)
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.symbol(symbol), .end])
        #expect(tokens[0].range.length == symbol.count)
    }

    @Test func identifiersMayHoldDigitsUnderscoresAndDashes() {
        #expect(kinds("cned-ma-classe dpa_signed bbb2") == [
            .word("cned-ma-classe"), .word("dpa_signed"), .word("bbb2"), .end,
        ])
    }

    @Test func tokensCarryOneBasedLineAndColumn() {
        let (tokens, _) = lex("rule \"x\"\n  forbid when use.recorded\n")
        let located = tokens.map { ($0.range.start.line, $0.range.start.column) }
        #expect(located.prefix(7).map { "\($0.0):\($0.1)" } == ["1:1", "1:6", "2:3", "2:10", "2:15", "2:18", "2:19"])
        #expect(tokens.allSatisfy { $0.range.start.file == "lex.rules" })
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "é", "à" are two UTF-8 bytes each but one column.
        let text = "tool cned \"Ma classe à la maison\" category videoconference\nuse fact élève: bool \"é\""
        let (tokens, diagnostics) = lex(text)
        #expect(diagnostics.isEmpty)
        let category = try #require(tokens.first { $0.isWord("category") })
        // `tool cned "Ma classe à la maison" ` is 34 characters.
        #expect(category.range.start == Loc(file: "lex.rules", line: 1, column: 35))
        let bool = try #require(tokens.first { $0.isWord("bool") })
        // `use fact élève: ` is 16 characters.
        #expect(bool.range.start.line == 2)
        #expect(bool.range.start.column == 17)
        let eleve = try #require(tokens.first { $0.isWord("élève") })
        #expect(eleve.range.length == 5)
    }

    @Test func stringsSpanningLinesFoldLineBreakAndIndentationToOneSpace() {
        let (tokens, diagnostics) = lex("says fr \"Il est interdit\n           d'installer\n   les applications.\" next")
        #expect(diagnostics.isEmpty)
        #expect(tokens[2].kind == .string("Il est interdit d'installer les applications."))
        // The token after the string is on line 3, counted after the closing quote.
        #expect(tokens[3].kind == .word("next"))
        #expect(tokens[3].range.start.line == 3)
        #expect(tokens[3].range.start.column == 23)
    }

    @Test func crlfLineBreaksInsideStringsFoldToo() {
        let (tokens, _) = lex("\"un\r\n    deux\"")
        #expect(tokens[0].kind == .string("un deux"))
    }

    @Test func stringEscapesAreResolved() {
        let (tokens, diagnostics) = lex(#""a \"b\" c\\d\ne""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].kind == .string("a \"b\" c\\d\ne"))
    }

    @Test func unknownEscapeIsReportedAndLexingGoesOn() {
        let (tokens, diagnostics) = lex(#""a\qb" rule"#)
        #expect(diagnostics.map(\.code) == ["TP005"])
        #expect(tokens.map(\.kind) == [.string("ab"), .word("rule"), .end])
    }

    @Test func datesAreLexedAsDaysSinceEpoch() {
        let (tokens, diagnostics) = lex("2026-08-31 1970-01-01 2024-02-29")
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].kind == .date(CivilDate(year: 2026, month: 8, day: 31)!.days))
        #expect(tokens[1].kind == .date(0))
        #expect(tokens[2].kind == .date(CivilDate(year: 2024, month: 2, day: 29)!.days))
        #expect(tokens[0].range.length == 10)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-8-31", "20260-01-01"])
    func malformedDatesAreReported(text: String) {
        let (_, diagnostics) = lex("x = \(text)")
        #expect(diagnostics.map(\.code) == ["TP003"])
        #expect(diagnostics.first?.range?.start.column == 5)
        #expect(diagnostics.first?.hint != nil)
    }

    @Test func numberFollowedByLettersIsMalformed() {
        let (_, diagnostics) = lex("use.participants > 10x")
        #expect(diagnostics.map(\.code) == ["TP004"])
    }

    @Test func commentsAreIgnoredToTheEndOfTheLine() {
        let (tokens, diagnostics) = lex("# a comment with \"quotes\" and é\nrule # trailing comment\n# last")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.word("rule"), .end])
        #expect(tokens[0].range.start.line == 2)
    }

    @Test func aHashInsideAStringIsNotAComment() {
        let (tokens, diagnostics) = lex("says fr \"Section #2\" cites")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.word("says"), .word("fr"), .string("Section #2"), .word("cites"), .end])
    }

    @Test func statementStartIsTheFirstTokenAtColumnOne() {
        let (tokens, _) = lex("rule \"x\"\n  forbid when\nrule \"y\"")
        #expect(tokens.map(\.startsLine) == [true, false, false, false, true, false, false])
    }

    @Test func unterminatedStringIsReportedAtItsOpeningQuote() {
        let (tokens, diagnostics) = lex("says fr \"never closed\n  rule")
        #expect(diagnostics.map(\.code) == ["TP002"])
        #expect(diagnostics[0].range?.start.line == 1)
        #expect(diagnostics[0].range?.start.column == 9)
        #expect(tokens.last?.kind == .end)
    }

    @Test func unexpectedCharactersAreReportedAndSkipped() {
        let (tokens, diagnostics) = lex("a ; b 'c' ! d")
        #expect(diagnostics.map(\.code) == ["TP001", "TP001", "TP001", "TP001"])
        #expect(diagnostics.map { $0.range?.start.column } == [3, 7, 9, 11])
        #expect(diagnostics[1].hint?.contains("double quotes") == true)
        #expect(tokens.map(\.kind) == [.word("a"), .word("b"), .word("c"), .word("d"), .end])
    }

    @Test func emptyTextGivesOnlyEnd() {
        let (tokens, diagnostics) = lex("")
        #expect(tokens.map(\.kind) == [.end])
        #expect(diagnostics.isEmpty)
    }
}
