/// The text of one rules file, with the lines kept so diagnostics can quote them.
public struct SourceFile: Sendable, Hashable {
    /// The path of the file, as given to the loader (relative paths stay relative).
    public let path: String
    /// The full text.
    public let text: String
    /// The text split into lines, without their line endings.
    public let lines: [Substring]

    /// Creates a source file from its path and text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = Self.lines(of: text)
    }

    /// The text of a 1-based line, or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        lines.indices.contains(number - 1) ? lines[number - 1] : ""
    }

    /// `text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)`, found on
    /// the UTF-8 bytes: a line ends at LF, VT, FF, CR, CR LF, NEL, LS or PS, the characters
    /// whose `isNewline` is true. Each is a character by itself (grapheme breaking always
    /// cuts around them), so a byte search cuts where the walk over characters did.
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = 0
        func cut(_ end: Int, next: Int) {
            lines.append(text[utf8.index(utf8.startIndex, offsetBy: start) ..< utf8.index(utf8.startIndex, offsetBy: end)])
            start = next
        }
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                switch byte {
                case 0x0D where offset + 1 < bytes.count && bytes[offset + 1] == 0x0A:
                    cut(offset, next: offset + 2)
                    offset += 2
                case 0x0A ... 0x0D:
                    cut(offset, next: offset + 1)
                    offset += 1
                case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0x85:
                    cut(offset, next: offset + 2)
                    offset += 2
                case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
                    cut(offset, next: offset + 3)
                    offset += 3
                default:
                    offset += 1
                }
            }
        }
        cut(utf8.count, next: utf8.count)
        return lines
    }
}
