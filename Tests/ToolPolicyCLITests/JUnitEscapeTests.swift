import Testing
@testable import ToolPolicyCLI
import ToolPolicyReports

/// The JUnit report escapes every name and message it writes, from UTF-8 bytes: it must
/// write exactly what the character-by-character rule writes (the five markup characters
/// as entities, tab and line feed kept, every character `VisibleText` escapes as `\u{…}`).
@Suite struct JUnitEscapeTests {
    /// The rule, one Unicode scalar at a time: the oracle.
    static func escapedByScalar(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where VisibleText.isEscaped(scalar): out += VisibleText.escape(String(scalar))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Scalars at every edge of the rule, and ordinary text around them.
    static let alphabet: [Unicode.Scalar] = [
        0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x41, 0x7E, 0x7F,
        0x80, 0x9F, 0xA0, 0xC2, 0xE9, 0x2014, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065, 0x2066,
        0x2069, 0x206A, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600,
    ].map { Unicode.Scalar($0)! }

    @Test func agreesWithTheScalarRuleOnEveryEdge() {
        for scalar in Self.alphabet {
            for text in ["\(scalar)", "row 3 (line 4): Zoom \(scalar)", "\(scalar)é", "ab\(scalar)\(scalar)cd"] {
                #expect(JUnitLintReporter.escape(text) == Self.escapedByScalar(text), "U+\(String(scalar.value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    @Test func agreesWithTheScalarRuleOnRandomText() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0 ..< 2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var text = ""
            for _ in 0 ..< Int(state >> 58) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(Self.alphabet[Int(state >> 33) % Self.alphabet.count])
            }
            #expect(JUnitLintReporter.escape(text) == Self.escapedByScalar(text), "\(text.debugDescription)")
        }
    }

    @Test func keepsTextWithNothingToEscapeAsItIs() {
        let text = "row 12 (line 13): Microsoft Teams + 4 rows\nlignes : 13, 20"
        #expect(JUnitLintReporter.escape(text) == text)
        #expect(JUnitLintReporter.escape("Réunion « parents » & <profs>") == "Réunion « parents » &amp; &lt;profs&gt;")
    }
}
