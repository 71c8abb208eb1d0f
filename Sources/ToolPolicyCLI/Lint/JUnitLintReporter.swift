import Foundation
import ToolPolicy
import ToolPolicyReports

/// JUnit XML for GitLab and Jenkins: one test case per row, named `row N (line L): TOOL`
/// so no two cases share a name (GitLab merges cases that do). Denied and review rows
/// fail; malformed rows are errors. The counts go in the suite's attributes, so the
/// cases are held until the end: in memory up to ``spillBytes``, then in a temporary file,
/// so a list of millions of rows keeps a flat memory.
struct JUnitLintReporter: LintReporter, ~Copyable {
    let context: LintContext
    var output = OutputBuffer()
    private var cases: [UInt8] = []
    private var spill: (path: String, handle: FileHandle)?
    private var warnings: [RowProblem] = []

    private var words: ListPresenter
    private var templates = RowTemplates()
    /// The list's path, escaped, written in every case.
    private let escapedPath: String

    init(context: LintContext) {
        self.context = context
        words = ListPresenter(context: context)
        escapedPath = Self.escape(context.path)
    }

    /// `text` as XML 1.0 character data or attribute value: the five markup characters as
    /// entities, tab and line feed kept, and every other character ``VisibleText`` escapes
    /// (which includes all that XML 1.0 forbids: C0 controls, U+FFFE, U+FFFF) written as
    /// `\u{1B}`, so the document stays well-formed and nothing vanishes.
    static func escape(_ text: String) -> String {
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

    mutating func begin(columnWarnings: [RowProblem]) {
        warnings = columnWarnings
    }

    mutating func report(_ result: LintResult) {
        if let line = result.line, let template = templates[result] {
            template.write(row: result.row, line: line, into: &cases)
        } else if let line = result.line, RowTemplates.applies(to: result) {
            let template = RowTemplate(rendered: testCase(RowTemplates.marked(result)))
            templates.remember(template, for: result)
            template.write(row: result.row, line: line, into: &cases)
        } else {
            cases.append(contentsOf: testCase(result))
        }
        if cases.count >= Self.spillBytes { spillCases() }
    }

    /// A row's test case, as a line of UTF-8.
    private mutating func testCase(_ result: LintResult) -> [UInt8] {
        let labels = words.labels
        let name = "row \(result.row)\(result.line.map { " (line \($0))" } ?? ""): \(result.tool.isEmpty ? "?" : result.tool)"
        var body = ""
        if let outcome = result.outcome {
            let verdict = outcome.verdict
            // The same findings as every other format: the reasons of a denial or a
            // review, the open requirements of a conditional answer.
            let details = words.findings(of: outcome).map { finding in
                "[\(finding.rule)] \(finding.text)" + finding.sources.map { "\n  ↳ " + $0 }.joined()
            }.joined(separator: "\n")
            let headline = "\(labels.verdict(verdict)) — \(result.tool)"
            switch verdict {
            case .denied, .review:
                body = "<failure type=\"\(verdict.rawValue)\" message=\"\(Self.escape(headline))\">\(Self.escape(details))</failure>"
            case .conditional:
                body = "<system-out>\(Self.escape(([headline, details].filter { !$0.isEmpty }).joined(separator: "\n")))</system-out>"
            case .allowed:
                break
            }
        } else {
            let details = result.problems.map { "\($0.column)\(labels.colon)\(words.problem($0))" }.joined(separator: "\n")
            let first = result.problems.first.map { $0.text.text(in: context.language) } ?? "malformed row"
            body = "<error type=\"malformed-row\" message=\"\(Self.escape(first))\">\(Self.escape(details))</error>"
        }
        return Array("    <testcase classname=\"toolpolicy.\(escapedPath)\" name=\"\(Self.escape(name))\" time=\"0\">\(body)</testcase>\n".utf8)
    }

    /// The most bytes of test cases held in memory.
    static let spillBytes = 1 << 22

    /// Moves the cases held in memory to the temporary file (opened on the first call);
    /// if no file can be made, they stay in memory.
    private mutating func spillCases() {
        if spill == nil {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("toolpolicy-junit-\(UUID().uuidString).xml").path
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else { return }
            spill = (path, handle)
        }
        guard let spill, (try? spill.handle.write(contentsOf: cases)) != nil else { return }
        cases.removeAll(keepingCapacity: true)
    }

    /// Writes the cases spilt to the temporary file, then removes it.
    private mutating func writeSpiltCases() {
        guard let spill else { return }
        defer {
            try? spill.handle.close()
            try? FileManager.default.removeItem(atPath: spill.path)
            self.spill = nil
        }
        guard (try? spill.handle.seek(toOffset: 0)) != nil else { return }
        while let block = try? spill.handle.read(upToCount: 1 << 20), !block.isEmpty {
            output.write(bytes: Array(block))
        }
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        let errors = summary.malformed + (readError == nil ? 0 : 1)
        let failures = summary.denied + summary.review
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write("<testsuites name=\"toolpolicy lint\" tests=\"\(summary.rows)\" failures=\"\(failures)\" errors=\"\(errors)\">\n")
        output.write("  <testsuite name=\"\(Self.escape(context.path))\" tests=\"\(summary.rows)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n")
        output.write("    <properties><property name=\"policy.profile\" value=\"\(Self.escape(context.policy.profileName))\"/>"
            + "<property name=\"policy.digest\" value=\"\(context.policy.digest)\"/></properties>\n")
        for warning in warnings {
            output.write("    <system-err>\(Self.escape(words.warning + words.labels.colon + words.problem(warning)))</system-err>\n")
        }
        writeSpiltCases()
        output.write(bytes: cases)
        if let readError {
            output.write("    <testcase classname=\"toolpolicy.\(Self.escape(context.path))\" name=\"read \(Self.escape(context.path))\" time=\"0\">"
                + "<error type=\"unreadable-list\" message=\"\(Self.escape(readError.message))\">line \(readError.line.map(String.init) ?? "?")</error></testcase>\n")
        }
        output.write("  </testsuite>\n</testsuites>\n")
        output.flush()
    }
}
