import Foundation
import Testing

@Suite("toolpolicy validate")
struct ValidateTests {
    @Test func shippedRulesAreValid() throws {
        let result = try CLI.run(policy: ["validate"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("error"), "\(result)")
        let first = try #require(result.stdoutLines.first)
        #expect(first.hasPrefix("\(CLI.rules): OK — "), "\(first)")
        for profile in ["orleans-tours", "poitiers", "rennes", "strasbourg"] {
            #expect(result.stdout.contains("profile \(profile) on national: "), "profile \(profile) missing:\n\(result)")
        }
        #expect(result.stdout.contains("sha256:"))
    }

    @Test func validateFindsRulesFromThePackageRoot() throws {
        let result = try CLI.run(["validate"], in: CLI.packageRoot)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Rules: OK — "), "\(result)")
    }

    /// One expected diagnostic: where, what, and the hint.
    struct Expected {
        var line: Int
        /// The text the caret points at; its column is computed from the file.
        var token: String
        var code: String
        var message: String
        var hint: String
    }

    /// A policy file with three independent mistakes; the parser and the compiler must
    /// report all three, each with its place, the source line, a caret and a hint.
    static let threeMistakes = """
    policy "national" "Trois erreurs indépendantes"
    document "003_1529c0f0d921ea53.txt" title "Cadre de référence"

    tool fact dpa_signed: bool "Un contrat de sous-traitance est signé"
    use fact mode: one of install, web "Application installée ou interface web"

    tool zoom "Zoom"
      dpa_signed = false    source "003_1529c0f0d921ea53.txt" section "1. Vie privée"

    rule "privacy-contract"
      forbid when not tool.dpa_signd
      says fr "Un contrat de sous-traitance doit être signé."
      cites "003_1529c0f0d921ea53.txt" section "1. Vie privée"

    rule "no-install"
      forbid when use.mode = instal
      says fr "Il est interdit d'installer."
      cites "003_1529c0f0d921ea53.txt" section "2. Système d'information"

    rule "web-permitted"
      permit when use.mode = web
      says fr "Autorisé, même pour les élèves." cites "003_1529c0f0d921ea53.txt" "3. Interfaces web"

    rule "fine"
      permit when tool.id = zoom
      says fr "Zoom."
      cites "003_1529c0f0d921ea53.txt" section "Cas de l'utilisation des interfaces Web"

    """

    static let expected: [Expected] = [
        Expected(line: 11, token: "tool.dpa_signd", code: "TP201", message: "unknown fact `tool.dpa_signd`",
                 hint: "did you mean `tool.dpa_signed`?"),
        Expected(line: 16, token: "instal", code: "TP202", message: "`instal` is not a value of `use.mode`",
                 hint: "did you mean `install`?"),
        Expected(line: 22, token: "\"3. Interfaces web\"", code: "TP101", message: "expected `section`",
                 hint: "cites \"file.txt\" section \"Title\""),
    ]

    @Test func threeMistakesAreAllReported() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("policy.rules", Self.threeMistakes)
        let sourceLines = Self.threeMistakes.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        let result = try CLI.run(["validate", "--policy", folder.url.path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        let lines = result.stderrLines
        let headers = lines.indices.filter { lines[$0].contains("error[") }
        try #require(headers.count == 3, "expected exactly three `error[` diagnostics:\n\(result)")
        #expect(lines.contains("3 errors, 0 warnings"), "\(result)")

        for (index, expected) in zip(headers, Self.expected) {
            let sourceLine = sourceLines[expected.line - 1]
            let offset = try #require(sourceLine.range(of: expected.token), "fixture: \(expected.token) not on line \(expected.line)")
            let column = sourceLine.distance(from: sourceLine.startIndex, to: offset.lowerBound) + 1  // characters, 1-based

            let header = lines[index]
            #expect(header.hasPrefix("\(path):\(expected.line):\(column): error[\(expected.code)]: "), "header: \(header)")
            #expect(header.contains(expected.message), "header: \(header)")

            // ` 11 |   forbid when not tool.dpa_signd`
            let quoted = lines[index + 1]
            let gutter = " \(expected.line) | "
            #expect(quoted == gutter + sourceLine, "quoted line: \(quoted)")

            // `    |                   ^~~~~~~~~~~~~`
            let caretLine = lines[index + 2]
            let bar = try #require(caretLine.firstIndex(of: "|"))
            #expect(caretLine.distance(from: caretLine.startIndex, to: bar) == gutter.count - 2, "caret gutter: \(caretLine)")
            let underline = caretLine[caretLine.index(bar, offsetBy: 2)...]
            let caret = try #require(underline.firstIndex(of: "^"), "no caret: \(caretLine)")
            #expect(underline.distance(from: underline.startIndex, to: caret) + 1 == column, "caret column: \(caretLine)")
            #expect(underline[caret...] == "^" + String(repeating: "~", count: expected.token.count - 1), "underline: \(caretLine)")
            #expect(underline[..<caret].allSatisfy { $0 == " " })

            let hint = lines[index + 3]
            #expect(hint.contains("= hint: ") && hint.contains(expected.hint), "hint: \(hint)")
        }
    }

    /// The column of a diagnostic counts characters: `é` before the error is one column.
    @Test func columnsCountCharactersNotBytes() throws {
        let line = "says fr \"Autorisé, même pour les élèves.\" cites \"003_1529c0f0d921ea53.txt\" \"3. Interfaces web\""
        let byteColumn = line.utf8.count - "\"3. Interfaces web\"".utf8.count + 3
        let characterColumn = line.count - "\"3. Interfaces web\"".count + 3
        #expect(byteColumn != characterColumn)  // the fixture has accents before the error
        let folder = try TemporaryFolder()
        try folder.write("policy.rules", Self.threeMistakes)
        let result = try CLI.run(["validate", "--policy", folder.url.path])
        #expect(result.stderr.contains("policy.rules:22:\(characterColumn): error[TP101]"), "\(result)")
    }

    @Test func singleRulesFileIsAccepted() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("one.rules", Self.threeMistakes)
        let result = try CLI.run(["validate", "--policy", path])
        #expect(result.status == 65)
        #expect(result.stderr.components(separatedBy: "error[").count - 1 == 3, "\(result)")
    }

    @Test func checkRefusesABrokenPolicy() throws {
        let folder = try TemporaryFolder()
        try folder.write("policy.rules", Self.threeMistakes)
        let result = try CLI.run(["check", "zoom", "--policy", folder.url.path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("3 errors"), "\(result)")
    }

    @Test func missingFolderIsBadInput() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["validate", "--policy", folder.url.appendingPathComponent("absent").path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("error[TP30"), "\(result)")
        #expect(result.stderr.contains("hint:"), "\(result)")
    }

    @Test func emptyFolderIsBadInput() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["validate", "--policy", folder.url.path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("error[TP301]"), "\(result)")
    }

    @Test func everyProfileIsCompiled() throws {
        // A mistake that only a profile makes must fail `validate`, whatever the default profile.
        let folder = try TemporaryFolder()
        try folder.write("base.rules", """
        policy "national" "Base"
        document "003_1529c0f0d921ea53.txt" title "Cadre de référence"

        use fact mode: one of install, web "Mode"

        tool zoom "Zoom"
          category videoconference

        rule "web"
          permit when use.mode = web
          says fr "Web."
          cites "003_1529c0f0d921ea53.txt" section "3"

        """)
        try folder.write("other.rules", """
        profile "other" "Autre"
          extends "national"

        rule "other-install"
          forbid when use.mode = instal
          says fr "Non."
          cites "003_1529c0f0d921ea53.txt" section "2"

        """)
        let result = try CLI.run(["validate", "--policy", folder.url.path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("other.rules:5:26: error[TP202]"), "\(result)")
        // The base alone still answers.
        let check = try CLI.run(["check", "zoom", "--mode", "web", "--policy", folder.url.path, "--format", "json"])
        #expect(check.status == 0, "\(check)")
    }
}
