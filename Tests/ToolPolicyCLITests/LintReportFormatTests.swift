import Foundation
import Testing
import ToolPolicy
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("toolpolicy lint --format sarif / junit")
struct LintReportFormatTests {
    static let builtInRules: Set<String> = ["no-permit", "unlisted-tool", "malformed-row", "unknown-column", "unreadable-list"]

    /// The SARIF 2.1.0 schema, copied from the shared schemas into this target's fixtures.
    static var schema: URL { CLI.fixtures.appendingPathComponent("sarif-schema-2.1.0.json") }

    @Test func sarifLocatesEachResultOnItsRow() throws {
        let folder = try TemporaryFolder()
        let list = SchoolList.withMalformedRow
        let path = try folder.write("outils.csv", list.excelCSV())
        let result = try LintTests.lint(path, ["--format", "sarif"])
        #expect(result.status == 65)

        let root = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "SARIF is a JSON object:\n\(result)")
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "toolpolicy")
        let descriptors = try #require(driver["rules"] as? [[String: Any]])
        let descriptorIDs = descriptors.compactMap { $0["id"] as? String }
        #expect(Set(descriptorIDs).count == descriptorIDs.count, "rule descriptors are unique")
        #expect(Set(descriptorIDs).isSubset(of: ShippedRules.ids.union(Self.builtInRules)), "descriptors: \(descriptorIDs)")
        #expect(Set(descriptorIDs).isSuperset(of: Self.builtInRules))
        #expect(descriptorIDs.contains("rennes-no-install-on-school-computers"))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)

        var rowsSeen = Set<Int>()
        for item in results {
            let ruleID = try #require(item["ruleId"] as? String)
            let index = try #require(item["ruleIndex"] as? Int)
            #expect(descriptorIDs.indices.contains(index) && descriptorIDs[index] == ruleID, "ruleIndex \(index) of \(ruleID)")
            #expect(ShippedRules.ids.contains(ruleID) || Self.builtInRules.contains(ruleID), "unknown ruleId \(ruleID)")
            let message = try #require((item["message"] as? [String: Any])?["text"] as? String)
            let location = try #require((item["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == path)
            let startLine = try #require((physical["region"] as? [String: Any])?["startLine"] as? Int)
            if ruleID == "unknown-column" {
                #expect(startLine == 1)
                continue
            }
            // `n° N : TOOL …` (French, the default).
            let row = try #require(message.firstMatch(of: #/^n° (\d+) : /#).flatMap { Int($0.output.1) }, "\(message)")
            rowsSeen.insert(row)
            rowsSeen.formUnion((item["properties"] as? [String: Any])?["rows"] as? [Int] ?? [])
            #expect(startLine == list.csvLines[row - 1], "\(ruleID) of row \(row) at line \(startLine)")
            let level = item["level"] as? String
            switch list.rows[row - 1].verdict {
            case .denied:
                #expect(level == "error")
                #expect(ShippedRules.ids.contains(ruleID), "a denial names a policy rule: \(ruleID)")
            case .review:
                #expect(level == "warning")
                #expect(ShippedRules.ids.contains(ruleID), "a review names a policy rule: \(ruleID)")
            case .conditional:
                #expect(level == "note")
                #expect(ShippedRules.ids.contains(ruleID))
            case .allowed:
                Issue.record("an allowed row has no SARIF result: \(message)")
            case nil:
                #expect(level == "error")
                #expect(ruleID == "malformed-row")
            }
        }
        let expectedRows = Set(list.rows.indices.filter { list.rows[$0].verdict != .allowed }.map { $0 + 1 })
        #expect(rowsSeen == expectedRows)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
    }

    @Test func sarifConformsToTheSchema() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", SchoolList.withMalformedRow.excelCSV())
        let result = try LintTests.lint(path, ["--format", "sarif"])
        let document = try folder.write("report.sarif", result.stdoutData)
        try Self.validateAgainstSchema(document, folder: folder)

        // An unreadable tail is reported too, and the document stays valid.
        var data = SchoolList.denied.excelCSV()
        data += Data("\"Zoom;web\r\n".utf8)
        let broken = try folder.write("broken.csv", data)
        let brokenResult = try LintTests.lint(broken, ["--format", "sarif"])
        #expect(brokenResult.status == 65)
        #expect(brokenResult.stdout.contains("\"unreadable-list\""))
        try Self.validateAgainstSchema(try folder.write("broken.sarif", brokenResult.stdoutData), folder: folder)
    }

    /// Runs python3's `jsonschema` on the document; skips (with a note) when it is missing.
    static func validateAgainstSchema(_ document: String, folder: borrowing TemporaryFolder) throws {
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        doc = json.load(open(sys.argv[2], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:20]:
            print("/".join(map(str, e.path)), e.message[:300])
        sys.exit(1 if errors else 0)
        """
        let scriptPath = try folder.write("validate.py", script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, schema.path, document]
        let output = folder.url.appendingPathComponent("python.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        do {
            try process.run()
        } catch {
            print("note: SARIF schema validation skipped: cannot run python3 (\(error))")
            return
        }
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        switch process.terminationStatus {
        case 0: return
        case 3, 127:
            // Not a failure of toolpolicy: the checker is missing on this machine.
            print("note: SARIF schema validation skipped: python3 with the jsonschema module is not installed")
        default:
            Issue.record("SARIF does not conform to the 2.1.0 schema:\n\(text)")
        }
    }

    @Test func sarifGivesRepeatedRowsOneResultNamingEachRow() throws {
        let folder = try TemporaryFolder()
        let list = LintRepeatedRowTests.list
        let half = LintRepeatedRowTests.half
        let path = try folder.write("outils.csv", list.excelCSV())
        let result = try LintTests.lint(path, ["--format", "sarif"])
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
        let results = try #require((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let grouped = results.filter { $0["ruleId"] as? String != "unknown-column" }
        #expect(!grouped.isEmpty)
        for item in grouped {
            let properties = try #require(item["properties"] as? [String: Any], "\(item)")
            let rows = try #require(properties["rows"] as? [Int])
            #expect(item["occurrenceCount"] as? Int == 2)
            #expect(rows.count == 2 && rows[1] == rows[0] + half, "row \(rows[0]) and its repetition")
            #expect(properties["lines"] as? [Int] == rows.map { list.csvLines[$0 - 1] })
        }
        try Self.validateAgainstSchema(try folder.write("report.sarif", result.stdoutData), folder: folder)
    }

    @Test func junitGivesRepeatedRowsOneTestCaseNamingEachLine() throws {
        let folder = try TemporaryFolder()
        let list = LintRepeatedRowTests.list
        let half = LintRepeatedRowTests.half
        let path = try folder.write("outils.csv", list.excelCSV())
        let result = try LintTests.lint(path, ["--format", "junit", "--lang", "en"])
        let document = try XMLDocument(data: result.stdoutData, options: [])
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.count == half, "one case per distinct use")
        for (index, testCase) in cases.enumerated() {
            #expect(testCase.attribute(forName: "name")?.stringValue == "row \(index + 1) (line \(list.csvLines[index])): \(list.rows[index].tool) + 1 row")
            #expect(FindingParityTests.junitLines(testCase.xmlString) == [list.csvLines[index], list.csvLines[index + half]], "\(testCase.xmlString)")
        }
        let properties = try document.nodes(forXPath: "//property").compactMap { $0 as? XMLElement }
        let rows = properties.first { $0.attribute(forName: "name")?.stringValue == "rows" }?.attribute(forName: "value")?.stringValue
        #expect(rows == String(list.rows.count), "the rows are counted in the suite's properties")
        #expect(document.rootElement()?.attribute(forName: "failures")?.stringValue == String(list.verdicts.filter { $0 == .denied || $0 == .review }.count / 2))
    }

    @Test func junitHasOneTestCasePerDistinctRow() throws {
        let folder = try TemporaryFolder()
        let list = SchoolList.withMalformedRow
        let path = try folder.write("outils.csv", list.excelCSV())
        let result = try LintTests.lint(path, ["--format", "junit"])
        #expect(result.status == 65)

        let document = try XMLDocument(data: result.stdoutData, options: [])
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement, "\(result)")
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.count == list.rows.count)
        let names = cases.compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(names.count == cases.count)
        #expect(Set(names).count == names.count, "test case names are distinct: \(names)")
        for (index, name) in names.enumerated() {
            #expect(name == "row \(index + 1) (line \(list.csvLines[index])): \(list.rows[index].tool)")
        }

        let denied = list.verdicts.filter { $0 == .denied }.count
        let review = list.verdicts.filter { $0 == .review }.count
        let malformed = list.verdicts.filter { $0 == nil }.count
        #expect(suite.attribute(forName: "tests")?.stringValue == String(list.rows.count))
        #expect(suite.attribute(forName: "failures")?.stringValue == String(denied + review))
        #expect(suite.attribute(forName: "errors")?.stringValue == String(malformed))
        #expect(try document.nodes(forXPath: "//testcase/failure").count == denied + review)
        #expect(try document.nodes(forXPath: "//testcase/failure[@type='denied']").count == denied)
        #expect(try document.nodes(forXPath: "//testcase/failure[@type='review']").count == review)
        #expect(try document.nodes(forXPath: "//testcase/error[@type='malformed-row']").count == malformed)
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "failures")?.stringValue == String(denied + review))
        #expect(root.attribute(forName: "errors")?.stringValue == String(malformed))
        // French text survives: the failure message is the verdict word.
        #expect(try document.nodes(forXPath: "//failure[@message='REFUSÉ — Teams']").count == 1)
        #expect(result.stdout.contains("d&apos;installer"), "apostrophes are escaped")
    }

    @Test func junitCountsAnUnreadableTailAsAnError() throws {
        let folder = try TemporaryFolder()
        var data = SchoolList.clean.excelCSV()
        data += Data("\"Zoom;web\r\n".utf8)
        let path = try folder.write("outils.csv", data)
        let result = try LintTests.lint(path, ["--format", "junit"])
        #expect(result.status == 65)
        let document = try XMLDocument(data: result.stdoutData, options: [])
        #expect(try document.nodes(forXPath: "//testcase").count == SchoolList.clean.rows.count + 1)
        #expect(try document.nodes(forXPath: "//error[@type='unreadable-list']").count == 1)
        #expect(document.rootElement()?.attribute(forName: "errors")?.stringValue == "1")
    }
}
