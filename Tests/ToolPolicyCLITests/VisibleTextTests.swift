import Testing
import ToolPolicyReports

/// `VisibleText` decides from UTF-8 bytes whether a line needs escaping (a lint report
/// asks for every line): it must agree with the character rule, at every edge of it.
@Suite struct VisibleTextTests {
    static let edges: [UInt32] = [
        0x00, 0x09, 0x0A, 0x1B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xE9,
        0x2014, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A,
        0xFFFD, 0xFFFE, 0xFFFF, 0x1F600,
    ]

    @Test func escapesExactlyTheCharactersTheRuleNames() {
        for value in Self.edges {
            let scalar = Unicode.Scalar(value)!
            for text in ["\(scalar)", "n° 3 : Zoom — \(scalar)", "\(scalar)é", "ab\(scalar)cd"] {
                let escaped = VisibleText.escape(text)
                #expect((escaped != text) == VisibleText.isEscaped(scalar), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
                if VisibleText.isEscaped(scalar) {
                    #expect(escaped.contains("\\u{\(String(value, radix: 16, uppercase: true))}"))
                }
            }
        }
    }
}
