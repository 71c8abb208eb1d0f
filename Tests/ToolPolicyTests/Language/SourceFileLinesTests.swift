import Testing
@testable import ToolPolicy

/// A source file's lines are cut on its UTF-8 bytes where `Character.isNewline` cuts them.
@Suite struct SourceFileLinesTests {
    @Test(arguments: [
        "", "a", "a\n", "\n\n", "a\r\nb\rc\nd", "\r\n\r\n", "é\u{301}\nx", "a\u{85}b\u{2028}c\u{2029}d\u{0B}e\u{0C}f",
        "\n\u{301}tail", "Réunion ’ x\r", "🇫🇷\n👩‍👩‍👧\r\n",
    ])
    func cutsWhereCharactersCut(text: String) {
        let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let lines = SourceFile(path: "f.rules", text: text).lines
        #expect(lines.map(String.init) == expected.map(String.init))
        #expect(lines.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
    }
}
