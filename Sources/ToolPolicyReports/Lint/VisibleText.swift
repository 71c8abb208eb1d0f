/// Text for a terminal, made safe to print: the characters a list's cell may carry that a
/// terminal would act on or hide are written as `\u{1B}` (the code point in uppercase hex).
package enum VisibleText {
    /// Whether a character is escaped: C0 controls (tab and line breaks included), DEL, C1
    /// controls, the noncharacters U+FFFE and U+FFFF, and the bidirectional overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069), which reorder what is shown.
    package static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0 ..< 0x20, 0x7F ... 0x9F, 0x202A ... 0x202E, 0x2066 ... 0x2069, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Whether `text` holds a character ``isEscaped(_:)`` escapes, read from its UTF-8
    /// bytes: a lint report escapes every line it writes.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.indices.contains { escapedLength(in: bytes, at: $0) != nil } }
    }

    /// The UTF-8 length of the character starting at `index` when ``isEscaped(_:)`` escapes
    /// it, else `nil`; read from the bytes, without decoding the text.
    @inline(__always)
    package static func escapedLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0 ..< 0x20, 0x7F:
            return 1
        case 0xC2 where index + 1 < bytes.count && (0x80 ... 0x9F).contains(bytes[index + 1]):
            return 2
        case 0xE2 where index + 2 < bytes.count:
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            return second == 0x80 && (0xAA ... 0xAE).contains(third) || second == 0x81 && (0xA6 ... 0xA9).contains(third) ? 3 : nil
        case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
            return 3
        default:
            return nil
        }
    }

    /// `text` with every escaped character written `\u{…}`.
    package static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
