import Foundation
import Testing
import ToolPolicy

/// `lint --format gitlab`: GitLab's Code Quality report. GitLab reads `description`,
/// `check_name`, `fingerprint`, `severity` (info, minor, major, critical, blocker) and
/// `location.path` / `location.lines.begin`, and keeps only the first issue of a
/// fingerprint; the report must list the same findings as SARIF for the same rows.
@Suite("toolpolicy lint --format gitlab")
struct GitLabReportTests {
    static let severities: Set<String> = ["info", "minor", "major", "critical", "blocker"]

    /// The issues of a GitLab report, checked field by field as GitLab reads them.
    static func issues(_ result: CLI.Result) throws -> [(rule: String, line: Int, lines: [Int], severity: String, fingerprint: String, description: String)] {
        let array = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], "a JSON array:\n\(result)")
        return try array.map { issue in
            let description = try #require(issue["description"] as? String)
            let rule = try #require(issue["check_name"] as? String)
            let fingerprint = try #require(issue["fingerprint"] as? String)
            let severity = try #require(issue["severity"] as? String)
            let location = try #require(issue["location"] as? [String: Any])
            #expect(location["path"] as? String != nil)
            let line = try #require((location["lines"] as? [String: Any])?["begin"] as? Int)
            #expect(severities.contains(severity), "\(severity)")
            #expect(!description.isEmpty && !fingerprint.isEmpty)
            // A group's issue names every row it stands for, its own line first.
            let lines = (issue["occurrences"] as? [String: Any])?["lines"] as? [Int] ?? [line]
            if let occurrences = issue["occurrences"] as? [String: Any] {
                #expect(occurrences["count"] as? Int == lines.count && (occurrences["rows"] as? [Int])?.count == lines.count, "\(occurrences)")
            }
            #expect(lines.first == line, "\(description)")
            return (rule, line, lines, severity, fingerprint, description)
        }
    }

    /// `(line, rule)` of every SARIF result, at each line it stands for
    /// (`properties.lines`, whose count is `occurrenceCount`).
    static func sarifFindings(_ result: CLI.Result) throws -> [String] {
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let results = try #require((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        return try results.map { item in
            let rule = try #require(item["ruleId"] as? String)
            let location = (item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let line = (location?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            guard let lines = (item["properties"] as? [String: Any])?["lines"] as? [Int] else { return ["\(line) \(rule)"] }
            #expect(item["occurrenceCount"] as? Int == lines.count && lines.first == line, "\(item)")
            return lines.map { "\($0) \(rule)" }
        }.flatMap { $0 }.sorted()
    }

    @Test func theReportHasTheFieldsGitLabReadsAndUniqueFingerprints() throws {
        let folder = try TemporaryFolder()
        let list = SchoolList.withMalformedRow
        let path = try folder.write("outils.csv", list.excelCSV())
        let result = try LintTests.lint(path, ["--format", "gitlab"])
        #expect(result.status == 65, "\(result)")
        let issues = try Self.issues(result)
        #expect(!issues.isEmpty)
        #expect(Set(issues.map(\.fingerprint)).count == issues.count, "fingerprints are unique")
        #expect(issues.contains { $0.severity == "critical" }, "a denied row is critical")
        for issue in issues where issue.rule != "unknown-column" {
            // `n° 3 : Zoom — …` (French, the default).
            let row = try #require(issue.description.firstMatch(of: #/^n° (\d+) : /#).flatMap { Int($0.output.1) }, "\(issue.description)")
            #expect(issue.line == list.csvLines[row - 1], "\(issue.rule) of row \(row) at line \(issue.line)")
            switch list.rows[row - 1].verdict {
            case .denied: #expect(issue.severity == "critical")
            case .review: #expect(issue.severity == "major")
            case .conditional: #expect(issue.severity == "minor")
            case .allowed: Issue.record("an allowed row has no issue: \(issue.description)")
            case nil: #expect(issue.rule == "malformed-row")
            }
        }
    }

    @Test func theSameRowsGiveTheSameFindingsAsSARIF() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", SchoolList.withMalformedRow.excelCSV())
        let gitlab = try Self.issues(try LintTests.lint(path, ["--format", "gitlab"])).flatMap { issue in issue.lines.map { "\($0) \(issue.rule)" } }.sorted()
        let sarif = try Self.sarifFindings(try LintTests.lint(path, ["--format", "sarif"]))
        #expect(gitlab == sarif)
    }

    @Test func twoUsesBreakingOneRuleGetTwoFingerprints() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", "tool;mode;computer\nzoom;install;administrative\nzoom;install;pedagogical\n")
        let issues = try Self.issues(try LintTests.lint(path, ["--format", "gitlab"]))
        let rule = "rennes-no-install-on-school-computers"
        let fingerprints = issues.filter { $0.rule == rule }.map(\.fingerprint)
        #expect(fingerprints.count == 2)
        #expect(Set(fingerprints).count == 2)
    }

    @Test func repeatedRowsOfOneUseAreOneIssueNamingEveryLine() throws {
        let folder = try TemporaryFolder()
        // Lines 2, 4 and 5 are the same use (the tool's case aside, a different name as
        // written is another group); line 3 another.
        let path = try folder.write("outils.csv", "tool;mode;computer\nzoom;install;administrative\nzoom;install;pedagogical\nzoom;install;administrative\nzoom;install;administrative\nZoom;install;administrative\n")
        let result = try LintTests.lint(path, ["--format", "gitlab", "--lang", "en"])
        let issues = try Self.issues(result).filter { $0.rule == "rennes-no-install-on-school-computers" }
        #expect(issues.map(\.lines) == [[2, 4, 5], [3], [6]], "\(result)")
        #expect(issues[0].description.hasPrefix("row 1: zoom (+ 2 identical rows: lines 4, 5) — "), "\(issues[0].description)")
    }
}
