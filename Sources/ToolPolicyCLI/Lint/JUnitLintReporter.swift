import Foundation
import ToolPolicy
import ToolPolicyReports

/// JUnit XML for GitLab and Jenkins: one test case per group of rows that show the same
/// thing (``RowGroups``: a distinct use written with the same tool name, or malformed rows
/// with the same problems), named after its first row, `row N (line L): TOOL`, plus how
/// many rows it stands for, so no two cases share a name (GitLab merges cases that do).
/// A denied or review use fails, a malformed row is an error, and each case names every
/// row's line. A test viewer shows the failures: one per problem, not one per row. The
/// suite's `tests`, `failures` and `errors` count cases; its properties count the rows.
/// The cases are written at the end, when the groups are complete.
struct JUnitLintReporter: LintReporter, ~Copyable {
    let context: LintContext
    var output = OutputBuffer()
    private var warnings: [RowProblem] = []
    private var groups = RowGroups()

    private var words: ListPresenter
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
    ///
    /// Read from the UTF-8 bytes: text with nothing to escape (most names and lines) is
    /// returned as it is, and any other is copied run by run.
    static func escape(_ text: String) -> String {
        var bytesOf = text
        let escaped: String? = bytesOf.withUTF8 { bytes in
            guard let first = firstEscaped(in: bytes, from: 0) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var start = 0
            var next: (index: Int, length: Int)? = first
            while let (index, length) = next {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< index]))
                appendEscaped(UnsafeBufferPointer(rebasing: bytes[index ..< index + length]), to: &out)
                start = index + length
                next = firstEscaped(in: bytes, from: start)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The place and UTF-8 length of the first character at or after `start` that
    /// ``escape(_:)`` rewrites: a markup character, or one ``VisibleText`` escapes other
    /// than tab and line feed.
    private static func firstEscaped(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (index: Int, length: Int)? {
        for index in start ..< bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return (index, 1)
            default:
                if let length = VisibleText.escapedLength(in: bytes, at: index) { return (index, length) }
            }
        }
        return nil
    }

    /// Appends the escaped form of one character found by ``firstEscaped(in:from:)``.
    private static func appendEscaped(_ character: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let entity: String? = switch character.count == 1 ? character[0] : 0 {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&apos;"
        default: nil
        }
        out.append(contentsOf: (entity ?? VisibleText.escape(String(decoding: character, as: UTF8.self))).utf8)
    }

    mutating func begin(columnWarnings: [RowProblem]) {
        warnings = columnWarnings
    }

    mutating func report(_ result: LintResult) {
        groups.add(result)
    }

    /// A group's test case: its first row's words, then the line of every row.
    private mutating func write(_ group: RowGroups.Group) {
        let result = group.first
        let labels = words.labels
        let french = context.language == .fr
        var name = "row \(result.row)\(result.line.map { " (line \($0))" } ?? ""): \(result.tool.isEmpty ? "?" : result.tool)"
        if group.count > 1 { name += " + \(group.count - 1) \(group.count == 2 ? "row" : "rows")" }
        let (element, type, message, details): (String?, String, String, String)
        if let outcome = result.outcome {
            let verdict = outcome.verdict
            // The same findings as every other format: the reasons of a denial or a
            // review, the open requirements of a conditional answer.
            let findings = words.findings(of: outcome).map { finding in
                "[\(finding.rule)] \(finding.text)" + finding.sources.map { "\n  ↳ " + $0 }.joined()
            }.joined(separator: "\n")
            let headline = "\(labels.verdict(verdict)) — \(result.tool)"
            switch verdict {
            case .denied, .review: (element, type, message, details) = ("failure", verdict.rawValue, headline, findings)
            case .conditional: (element, type, message, details) = (nil, "", "", [headline, findings].filter { !$0.isEmpty }.joined(separator: "\n"))
            case .allowed: (element, type, message, details) = (nil, "", "", headline)
            }
        } else {
            let first = result.problems.first.map { $0.text.text(in: context.language) } ?? "malformed row"
            let problems = result.problems.map { "\($0.column)\(labels.colon)\(words.problem($0))" }.joined(separator: "\n")
            (element, type, message, details) = ("error", "malformed-row", first, problems)
        }
        output.write("    <testcase classname=\"toolpolicy.\(escapedPath)\" name=\"\(Self.escape(name))\" time=\"0\">")
        output.write(element.map { "<\($0) type=\"\(type)\" message=\"\(Self.escape(message))\">" } ?? "<system-out>")
        output.write(Self.escape(details) + (details.isEmpty ? "" : "\n") + (french ? "lignes" : "lines") + labels.colon)
        output.write(numbers: group.lines, separator: ", ", unknown: "?")
        output.write(element.map { "</\($0)>" } ?? "</system-out>")
        output.write("</testcase>\n")
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) {
        var (failures, errors) = (0, readError == nil ? 0 : 1)
        for group in groups.groups {
            switch group.first.verdict {
            case .denied?, .review?: failures += 1
            case nil: errors += 1
            case .allowed?, .conditional?: break
            }
        }
        let tests = groups.groups.count + (readError == nil ? 0 : 1)
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write("<testsuites name=\"toolpolicy lint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n")
        output.write("  <testsuite name=\"\(escapedPath)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n")
        output.write("    <properties><property name=\"policy.profile\" value=\"\(Self.escape(context.policy.profileName))\"/>"
            + "<property name=\"policy.digest\" value=\"\(context.policy.digest)\"/>"
            + "<property name=\"rows\" value=\"\(summary.rows)\"/><property name=\"rows.allowed\" value=\"\(summary.allowed)\"/>"
            + "<property name=\"rows.conditional\" value=\"\(summary.conditional)\"/><property name=\"rows.denied\" value=\"\(summary.denied)\"/>"
            + "<property name=\"rows.review\" value=\"\(summary.review)\"/><property name=\"rows.malformed\" value=\"\(summary.malformed)\"/></properties>\n")
        for warning in warnings {
            output.write("    <system-err>\(Self.escape(words.warning + words.labels.colon + words.problem(warning)))</system-err>\n")
        }
        for group in groups.groups { write(group) }
        if let readError {
            let language = context.language
            let hint = (readError.hintText?.text(in: language)).map { Self.escape($0) + "\n" } ?? ""
            let place = (language == .fr ? "ligne " : "line ") + (readError.line.map(String.init) ?? "?")
            output.write("    <testcase classname=\"toolpolicy.\(escapedPath)\" name=\"read \(escapedPath)\" time=\"0\">"
                + "<error type=\"unreadable-list\" message=\"\(Self.escape(readError.text.text(in: language)))\">\(hint)\(place)</error></testcase>\n")
        }
        output.write("  </testsuite>\n</testsuites>\n")
        output.flush()
    }
}
