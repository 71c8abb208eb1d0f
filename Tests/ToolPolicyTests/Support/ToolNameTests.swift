import Testing
@testable import ToolPolicy

/// Tool names normalised on the stack give exactly the bytes of the full normalisation.
@Suite struct ToolNameTests {
    @Test func theASCIIPathGivesTheFullNormalisation() {
        let names = ["Zoom", "MS Teams", "visio-ecoles", "Big_Blue.Button", "l'outil", "A\tB\nC", "`x`", "", "---", "GoToMeeting 2",
                     "ZOOM", "outil-inconnu", "Skype for Business"]
        for name in names {
            let stack = ToolName.withNormalizedASCII(name) { String(decoding: $0, as: UTF8.self) }
            #expect(stack == ToolName.normalizeUnicode(name), "\(name)")
            #expect(ToolName.normalize(name) == ToolName.normalizeUnicode(name), "\(name)")
        }
    }

    @Test func theASCIIPathAgreesOnEveryASCIICharacter() {
        for value in UInt8(0) ..< 0x80 {
            let name = "a" + String(UnicodeScalar(value)) + "B"
            #expect(ToolName.normalize(name) == ToolName.normalizeUnicode(name), "\(value)")
        }
    }

    @Test func aNameOutsideASCIIGoesToTheFullPath() {
        for name in ["Visio-Écoles", "zoom\u{00A0}", "l’outil", "e\u{301}"] {
            #expect(ToolName.withNormalizedASCII(name) { _ in true } == nil, "\(name)")
            #expect(ToolName.normalize(name) == ToolName.normalizeUnicode(name), "\(name)")
        }
    }
}
