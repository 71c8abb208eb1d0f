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

    /// `text` with every escaped character written `\u{…}`.
    package static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
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
