import ToolPolicy

/// Conversions between the core's positions (1-based lines, columns in characters) and
/// LSP's (0-based lines, columns in UTF-16 code units).
enum LSPPosition {
    /// The LSP position of a 1-based line and character column in `text`'s lines.
    static func position(line: Int, column: Int, in lines: [Substring]) -> [String: Int] {
        let text = lines.indices.contains(line - 1) ? lines[line - 1] : ""
        let prefix = text.prefix(max(column - 1, 0))
        return ["line": line - 1, "character": prefix.utf16.count]
    }

    /// The LSP range of a source range (on its first line).
    static func range(_ range: SourceRange, in lines: [Substring]) -> [String: Any] {
        let start = position(line: range.start.line, column: range.start.column, in: lines)
        let end = position(line: range.start.line, column: range.start.column + max(range.length, 1), in: lines)
        return ["start": start, "end": end]
    }

    /// The character index (0-based) in a line of an LSP UTF-16 offset.
    static func characterIndex(utf16Offset: Int, in line: Substring) -> Int {
        var units = 0
        var index = 0
        for character in line {
            if units >= utf16Offset { break }
            units += character.utf16.count
            index += 1
        }
        return index
    }
}
