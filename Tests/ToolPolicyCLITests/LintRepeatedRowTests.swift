import Foundation
import Testing
import ToolPolicy

/// A row that repeats an earlier use is written from what the report rendered for that
/// use the first time (`RowTemplate`): it must read exactly as the first one would, with
/// its own row number and line. The CI reports (SARIF, GitLab, JUnit) name it in the
/// first row's entry instead, and GitLab fingerprints stay unique per entry.
@Suite("toolpolicy lint: repeated rows")
struct LintRepeatedRowTests {
    /// Every kind of row, twice: rows 9 to 16 repeat rows 1 to 8, eight lines further down.
    static let list = SchoolList(rows: SchoolList.withMalformedRow.rows + SchoolList.withMalformedRow.rows)
    static let half = SchoolList.withMalformedRow.rows.count

    @Test func aRepeatedRowsTextLineIsTheFirstOnesWithItsOwnRowAndLine() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", Self.list.excelCSV())
        let result = try LintTests.lint(path, ["--all", "--lang", "en"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func line(ofRow row: Int) throws -> String {
            try #require(lines.first { $0.hasPrefix("\(path):\(row + 1) row \(row):") }, "row \(row) in:\n\(result.stdout)")
        }
        for row in 1...Self.half {
            let repeated = try line(ofRow: row + Self.half)
            let expected = try line(ofRow: row)
                .replacingOccurrences(of: "\(path):\(row + 1) row \(row):", with: "\(path):\(row + Self.half + 1) row \(row + Self.half):")
            #expect(repeated == expected)
        }
    }

    @Test func aRepeatedRowIsNamedByItsFirstRowsGitLabIssuesNotGivenIssuesOfItsOwn() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", Self.list.excelCSV())
        let result = try LintTests.lint(path, ["--format", "gitlab", "--lang", "en"])
        let issues = try GitLabReportTests.issues(result)
        #expect(Set(issues.map(\.fingerprint)).count == issues.count, "fingerprints are unique")
        #expect(issues.allSatisfy { $0.fingerprint.count == 32 && $0.fingerprint.allSatisfy(\.isHexDigit) })
        var grouped = 0
        for issue in issues where issue.rule != "unknown-column" {
            // The first half's row, then its repetition eight lines further down.
            #expect(issue.lines == [issue.line, issue.line + Self.half], "\(issue.description)")
            #expect(issue.line <= Self.half + 1)
            #expect(issue.description.contains("(+ 1 identical row: line \(issue.line + Self.half))"), "\(issue.description)")
            grouped += 1
        }
        #expect(grouped > Self.half / 2, "the list's repeated rows have findings")
    }

    @Test func aRepeatedRowsJSONIsTheFirstOnesWithItsOwnRowAndLine() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", Self.list.excelCSV())
        let result = try LintTests.lint(path, ["--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
        let rows = try #require(root["results"] as? [[String: Any]])
        #expect(rows.count == Self.list.rows.count)
        for index in 0..<Self.half {
            var repeated = rows[index + Self.half], first = rows[index]
            #expect(repeated["row"] as? Int == index + Self.half + 1)
            #expect(repeated["line"] as? Int == index + Self.half + 2)
            for key in ["row", "line"] {
                repeated[key] = nil
                first[key] = nil
            }
            #expect(NSDictionary(dictionary: repeated).isEqual(to: first), "row \(index + Self.half + 1)")
        }
    }
}
