import Testing
import ToolPolicy
import ToolPolicyReports

/// A terminal gets the verdict in colour and lines wrapped to its width; a pipe gets plain
/// text (`TerminalStyle.standardOutput` chooses, from `isatty` and `NO_COLOR`).
@Suite struct TerminalStyleTests {
    @Test func plainTextIsLeftAlone() {
        let style = TerminalStyle.plain
        #expect(style.verdict("REFUSÉ", .denied) == "REFUSÉ")
        let long = String(repeating: "mot ", count: 40)
        #expect(style.wrap(long, indent: "  ") == "  " + long + "\n")
    }

    @Test func theVerdictIsColouredByItsMeaning() {
        let style = TerminalStyle(colour: true, width: nil)
        #expect(style.verdict("REFUSÉ", .denied) == "\u{1B}[1;31mREFUSÉ\u{1B}[0m")
        #expect(style.verdict("AUTORISÉ", .allowed) == "\u{1B}[1;32mAUTORISÉ\u{1B}[0m")
        #expect(style.dim("détails").hasPrefix("\u{1B}[2m"))
    }

    @Test func longLinesWrapAtWordsUnderAHangingIndent() {
        let style = TerminalStyle(colour: false, width: 40)
        let text = "• Sur les ordinateurs administratifs, il est interdit d'installer les applications des solutions de visio-conférence."
        let wrapped = style.wrap(text, indent: "  ", hanging: "    ")
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") })
        // Nothing is lost: the words, in order.
        #expect(lines.map { String($0.drop { $0 == " " }) }.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
    }

    @Test func aPipedCheckIsPlain() throws {
        let result = try CLI.run(policy: ["check", "zoom", "--mode", "install", "--computer", "pedagogical"])
        #expect(!result.stdout.contains("\u{1B}["), "colour written to a pipe")
    }
}
