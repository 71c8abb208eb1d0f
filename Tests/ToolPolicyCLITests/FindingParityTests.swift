import Foundation
import Testing
import ToolPolicy

/// The same row shows the same findings in every list format: text, JSON, SARIF, JUnit
/// and GitLab all render the one presentation of a decision (`ListPresenter.findings(of:)`).
/// Each format's `(line, rule)` pairs are read back from its own output (SARIF, JUnit and
/// GitLab gather the rows that show the same thing and name each row's line); the JSON
/// ones are computed independently from the full decisions it carries.
@Suite struct FindingParityTests {
    /// `(line, rule)` of the findings of denied, review and conditional rows, from the JSON
    /// decisions: the reasons of a denial or a review, the open requirements otherwise.
    static func jsonFindings(_ report: LintReport) -> [String] {
        report.results.flatMap { result -> [String] in
            guard let decision = result.decision, let line = result.line else { return [] }
            let findings: [Decision.Finding] = switch decision.verdict {
            case .denied, .review: decision.reasons
            case .conditional: decision.conditions.filter { $0.status == .unknown && $0.effect != .forbid }
            case .allowed: []
            }
            return findings.map { "\(line) \($0.rule)" }
        }.sorted()
    }

    /// `(line, rule)` from the text report: `path:LINE (n° N) : VERDICT — tool : sentence [rule]; …`.
    static func textFindings(_ text: String) -> [String] {
        text.split(separator: "\n").flatMap { line -> [String] in
            guard let number = line.firstMatch(of: #/:(\d+) \(n° \d+\) : /#)?.output.1 else { return [] }
            return line.matches(of: #/\[([a-z0-9-]+)\]/#).map { "\(number) \($0.output.1)" }
        }.sorted()
    }

    /// The lines a JUnit case names at the end of its body: `lignes : 3, 11` / `lines: 3, 11`.
    static func junitLines(_ testCase: String) -> [Int] {
        guard let list = testCase.firstMatch(of: #/(?:lignes : |lines: )([0-9?, ]+)</#)?.output.1 else { return [] }
        return list.split(separator: ", ").compactMap { Int($0) }
    }

    /// `(line, rule)` from JUnit: the `[rule]` lines of each case's body, at every line
    /// the case names (a case stands for the rows that show the same findings).
    static func junitFindings(_ xml: String) -> [String] {
        xml.components(separatedBy: "<testcase").dropFirst().flatMap { testCase -> [String] in
            let rules = testCase.matches(of: #/\[([a-z0-9-]+)\]/#).map(\.output.1)
            return junitLines(testCase).flatMap { line in rules.map { "\(line) \($0)" } }
        }.sorted()
    }

    @Test(arguments: [SchoolList.withMalformedRow, LintRepeatedRowTests.list])
    func everyFormatShowsTheSameFindingsForEachRow(_ list: SchoolList) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", list.excelCSV())
        let (_, report) = try LintTests.report(path, ["--decisions"])
        let expected = Self.jsonFindings(report)
        #expect(expected.count >= 4, "the list has denied, review and conditional rows: \(expected)")

        let (_, normalised) = try LintTests.report(path)
        let rows = normalised.results.flatMap { result in result.findings.keys.map { "\(result.line ?? 0) \($0)" } }.sorted()
        #expect(rows == expected, "JSON rows without --decisions")
        #expect(Set(normalised.rules.keys) == Set(expected.map { String($0.split(separator: " ")[1]) }), "each rule named once in `rules`")

        let text = try LintTests.lint(path, ["--all"])
        #expect(Self.textFindings(text.stdout) == expected, "text:\n\(text.stdout)")

        let sarif = try GitLabReportTests.sarifFindings(try LintTests.lint(path, ["--format", "sarif"]))
            .filter { !$0.hasSuffix(" malformed-row") && !$0.hasSuffix(" unknown-column") }
        #expect(sarif == expected, "SARIF")

        let junit = try LintTests.lint(path, ["--format", "junit"])
        #expect(Self.junitFindings(junit.stdout) == expected, "JUnit:\n\(junit.stdout)")

        let gitlab = try GitLabReportTests.issues(try LintTests.lint(path, ["--format", "gitlab"]))
            .filter { !["malformed-row", "unknown-column"].contains($0.rule) }.flatMap { issue in issue.lines.map { "\($0) \(issue.rule)" } }.sorted()
        #expect(gitlab == expected, "GitLab")
    }
}
