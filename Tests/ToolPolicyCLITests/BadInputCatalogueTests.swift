import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Hostile and broken input (issue 8), one fixture each in `Fixtures/bad-input/`, run
/// through the real binary: every one ends with a documented exit code and a message
/// that says what is wrong — never a crash, never a silent loss.
@Suite("bad input catalogue")
struct BadInputCatalogueTests {
    /// One case: the fixture, the command (`{}` is the fixture's path; `lint` and `check`
    /// get `--policy Rules --date 2026-03-02 --lang en` appended), the exit code, and a
    /// fragment that stdout or stderr must contain.
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var command: String
        var exit: Int32
        var message: String

        var testDescription: String { "\(fixture): \(command)" }
    }

    static let cases: [Case] = [
        // CSV: columns
        Case(fixture: "duplicate-column.csv", command: "lint {}", exit: 65, message: "columns 2 `mode` and 3 `mode` name the same column"),
        Case(fixture: "duplicate-column-case.csv", command: "lint {}", exit: 65, message: "columns 2 `Mode` and 4 `MODE` name the same column"),
        Case(fixture: "duplicate-column.csv", command: "lint {} --format json", exit: 65, message: "name the same column"),
        Case(fixture: "extra-cells.csv", command: "lint {}", exit: 65, message: ":2 row 1: error: cell 3 `install` is past the header's 2 columns"),
        Case(fixture: "extra-cells.csv", command: "lint {}", exit: 65, message: ":3 row 2: CONDITIONAL — teams"),
        Case(fixture: "unnamed-column.csv", command: "lint {}", exit: 65, message: "cell 2 `install` is under a column with no name"),
        Case(fixture: "unknown-column.csv", command: "lint {}", exit: 65, message: "unknown column `mdoe`: did you mean `mode`?"),
        Case(fixture: "unknown-column.csv", command: "lint {} --allow-unknown-columns", exit: 0, message: "unknown column `mdoe`: it is ignored (did you mean `mode`?)"),
        Case(fixture: "mixed-separators.csv", command: "lint {}", exit: 0, message: "unknown column `mode,computer`: it is ignored (this header cell holds a `;` or `,`: the list seems to mix separators"),
        Case(fixture: "no-tool.csv", command: "lint {}", exit: 65, message: ":2 row 1: error: no tool named in this row"),
        Case(fixture: "bad-enum-then-good.csv", command: "lint {}", exit: 65, message: ":3 row 2: CONDITIONAL — Zoom"),
        // CSV: encodings
        Case(fixture: "utf16le-bom.csv", command: "lint {}", exit: 1, message: ":2 row 1: DENIED — Zoom"),
        Case(fixture: "utf16be-bom.csv", command: "lint {}", exit: 1, message: ":2 row 1: DENIED — Zoom"),
        Case(fixture: "utf16le-no-bom.csv", command: "lint {}", exit: 1, message: ":2 row 1: DENIED — Zoom"),
        Case(fixture: "utf16be-no-bom.csv", command: "lint {}", exit: 1, message: ":2 row 1: DENIED — Zoom"),
        Case(fixture: "utf32.csv", command: "lint {}", exit: 65, message: "the list is encoded in UTF-32, which is not read"),
        // Decoded from Windows-1252, `pédagogique` is the French name of `pedagogical` (facts.rules, `aka`).
        Case(fixture: "windows-1252.csv", command: "lint {}", exit: 1, message: ":2 row 1: DENIED — Zoom"),
        // CSV: hostile characters, shown escaped
        // A name one character off a listed one is a near miss to correct (issue 9), shown escaped.
        Case(fixture: "nul-bytes.csv", command: "lint {}", exit: 65, message: "`zo\\u{0}om` is not in the catalog: did you mean Zoom (zoom)?"),
        Case(fixture: "ansi-escape.csv", command: "lint {}", exit: 65, message: "`instal\\u{1B}[0m` is not a valid value"),
        Case(fixture: "ansi-escape.csv", command: "lint {} --all", exit: 65, message: "1 row: 0 allowed, 0 conditional, 0 denied, 0 review, 1 malformed"),
        Case(fixture: "noncharacters.csv", command: "lint {} --all", exit: 65, message: "`Zoom\\u{FFFF}\\u{FFFE}` is not in the catalog: did you mean Zoom (zoom)?"),
        Case(fixture: "trailing-garbage.csv", command: "lint {}", exit: 65, message: ":4 row 3: REVIEW — \\u{0}\\u{1}\\u{2}garbage"),
        Case(fixture: "surrogate-bytes.csv", command: "lint {}", exit: 65, message: ":2 row 1: error: `zoí"),
        Case(fixture: "utf16-lone-surrogate.csv", command: "lint {}", exit: 65, message: ":2 row 1: error: `zo\u{FFFD}om` is not in the catalog"),
        // CSV: sizes
        Case(fixture: "huge-cell.csv", command: "lint {}", exit: 65, message: ":2 row 1: error: the `mode` cell is longer than 64 KiB"),
        Case(fixture: "huge-cell.csv", command: "lint {}", exit: 65, message: ":3 row 2: CONDITIONAL — Teams"),
        Case(fixture: "huge-row.csv", command: "lint {}", exit: 65, message: ":2: error: the row starting on line 2 is longer than 1 MiB"),
        Case(fixture: "-", command: "lint /dev/zero", exit: 65, message: "/dev/zero:1: error: the row starting on line 1 is longer than 1 MiB"),
        Case(fixture: "-", command: "lint /dev/zero --input-format json", exit: 65, message: "the list is larger than 16 MiB"),
        // CSV: structure
        Case(fixture: "empty.csv", command: "lint {}", exit: 65, message: "the list is empty"),
        Case(fixture: "bom-only.csv", command: "lint {}", exit: 65, message: "the list is empty"),
        Case(fixture: "header-only.csv", command: "lint {}", exit: 0, message: "0 rows: 0 allowed"),
        Case(fixture: "unterminated-quote.csv", command: "lint {}", exit: 65, message: ":3: error: quoted field starting on line 3 is never closed"),
        // Counts
        Case(fixture: "negative-participants.csv", command: "lint {}", exit: 65, message: "`-5` is not a valid value for `use.participants`: a count must be 0 or more"),
        Case(fixture: "huge-participants.csv", command: "lint {}", exit: 65, message: "a count must be at most 9223372036854775807"),
        Case(fixture: "negative.json", command: "lint {}", exit: 65, message: "a count must be 0 or more"),
        Case(fixture: "negative.yaml", command: "lint {}", exit: 65, message: "a count must be 0 or more"),
        Case(fixture: "-", command: "check zoom --participants -5", exit: 64, message: "`-5` is not a valid value for `use.participants`: a count must be 0 or more"),
        Case(fixture: "-", command: "check zoom --fact participants=-5", exit: 64, message: "a count must be 0 or more"),
        // YAML
        Case(fixture: "duplicate-key.yaml", command: "lint {}", exit: 65, message: "the key `mode` appears twice in one mapping"),
        Case(fixture: "same-column-twice.yaml", command: "lint {}", exit: 65, message: ":1 row 1: error: `Mode` and `mode` name the same column"),
        Case(fixture: "same-column-twice.yaml", command: "lint {}", exit: 65, message: ":4 row 2: CONDITIONAL — teams"),
        Case(fixture: "not-a-list.yaml", command: "lint {}", exit: 65, message: "expected a sequence of uses"),
        Case(fixture: "windows-1252.yaml", command: "lint {}", exit: 65, message: ":2:14: error: byte 0xE9 is not UTF-8"),
        Case(fixture: "utf16.yaml", command: "lint {}", exit: 1, message: ":1 row 1: DENIED — zoom"),
        // JSON
        Case(fixture: "duplicate-key.json", command: "lint {}", exit: 65, message: "the key `mode` appears twice in this object"),
        Case(fixture: "same-column-twice.json", command: "lint {}", exit: 65, message: "`Mode` and `mode` name the same column"),
        Case(fixture: "trailing-comma.json", command: "lint {}", exit: 65, message: ":1:19: error: malformed JSON"),
        Case(fixture: "utf16.json", command: "lint {}", exit: 1, message: ":1 row 1: DENIED — zoom"),
        Case(fixture: "huge-value.json", command: "lint {}", exit: 65, message: ":1 row 1: error: the `mode` cell is longer than 64 KiB"),
        Case(fixture: "huge-value.json", command: "lint {}", exit: 65, message: ":1 row 2: CONDITIONAL — teams"),
        Case(fixture: "nul-and-escape.json", command: "lint {}", exit: 2, message: "REVIEW — zo\\u{0}om\\u{1B}[31m\\u{FFFF}"),
        Case(fixture: "not-an-object.json", command: "lint {}", exit: 65, message: "use #2 (line 1) is not an object"),
        Case(fixture: "empty.json", command: "lint {}", exit: 65, message: "the document is empty"),
        // Rules files
        Case(fixture: "not-utf8.rules", command: "validate --policy {}", exit: 65, message: "not-utf8.rules:2:6: error[TP306]: byte 0xE9 is not UTF-8"),
        Case(fixture: "not-utf8.rules", command: "validate --policy {}", exit: 65, message: "hint: save the file as UTF-8"),
        Case(fixture: "unterminated-string.rules", command: "validate --policy {}", exit: 65, message: "error[TP002]"),
        Case(fixture: "unexpected-character.rules", command: "validate --policy {}", exit: 65, message: "unexpected-character.rules:1:8: error[TP001]"),
        Case(fixture: "nul-byte.rules", command: "validate --policy {}", exit: 65, message: "error[TP001]"),
        Case(fixture: "empty.rules", command: "validate --policy {}", exit: 65, message: "error[TP102]"),
    ]

    static var folder: URL { CLI.fixtures.appendingPathComponent("bad-input") }

    /// The arguments of a case, with the fixture's path (relative to the package root, where
    /// the binary runs) and the shared options.
    static func arguments(_ testCase: Case) -> [String] {
        let path = "Tests/ToolPolicyCLITests/Fixtures/bad-input/" + testCase.fixture
        var arguments = testCase.command.split(separator: " ").map { $0 == "{}" ? path : String($0) }
        if arguments.first == "lint" || arguments.first == "check" {
            arguments += ["--policy", CLI.rules, "--date", "2026-03-02", "--lang", "en"]
        }
        return arguments
    }

    @Test(arguments: cases)
    func endsWithItsExitCodeAndMessage(_ testCase: Case) throws {
        let result = try CLI.run(Self.arguments(testCase))
        #expect(result.status < 128, "crashed: \(result)")
        #expect(result.status == testCase.exit, "\(result)")
        #expect((result.stdout + result.stderr).contains(testCase.message), "expected `\(testCase.message)`:\n\(result)")
    }

    @Test func everyFixtureIsInTheTable() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        let named = Set(Self.cases.map(\.fixture))
        #expect(files.count >= 30)
        #expect(files.filter { !named.contains($0) }.sorted() == [])
    }

    /// The fixtures whose tool names carry NUL, ESC, U+FFFE, U+FFFF or a byte that is not
    /// UTF-8: the JUnit report stays well-formed XML, SARIF, GitLab and JSON stay JSON, and
    /// no escape character reaches the text output.
    static let hostileNames = ["nul-bytes.csv", "ansi-escape.csv", "noncharacters.csv", "trailing-garbage.csv", "nul-and-escape.json", "windows-1252.csv",
                                      "surrogate-bytes.csv", "utf16-lone-surrogate.csv"]

    @Test(arguments: hostileNames)
    func reportsStayReadable(_ fixture: String) throws {
        let base = Self.arguments(Case(fixture: fixture, command: "lint {}", exit: 0, message: ""))
        let junit = try CLI.run(base + ["--format", "junit"])
        #expect(junit.status < 128)
        #if canImport(FoundationXML)
        #expect(throws: Never.self, "JUnit is not well-formed XML:\n\(junit)") { _ = try XMLDocument(data: junit.stdoutData, options: []) }
        #endif
        let sarif = try CLI.run(base + ["--format", "sarif"])
        #expect(throws: Never.self, "SARIF is not JSON:\n\(sarif)") { _ = try JSONSerialization.jsonObject(with: sarif.stdoutData) }
        let gitlab = try CLI.run(base + ["--format", "gitlab"])
        #expect(throws: Never.self, "the GitLab report is not JSON:\n\(gitlab)") { _ = try JSONSerialization.jsonObject(with: gitlab.stdoutData) }
        let json = try CLI.run(base + ["--format", "json"])
        #expect(throws: Never.self, "the JSON report is not JSON:\n\(json)") { _ = try JSONSerialization.jsonObject(with: json.stdoutData) }
        let text = try CLI.run(base + ["--all"])
        let controls = text.stdout.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || (0x7F ... 0x9F).contains($0.value) || $0.value >= 0xFFFE && $0.value <= 0xFFFF }
        #expect(controls.isEmpty, "raw control characters in the text output: \(controls.map(\.value))")
    }
}
