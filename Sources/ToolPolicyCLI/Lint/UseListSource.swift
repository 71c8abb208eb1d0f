import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports
import Yams

/// The format of a school's tool list.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, yaml

    /// The format a file name implies: `.json`, `.yaml`/`.yml`, else CSV.
    static func guess(_ path: String) -> ListFormat {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": .json
        case "yaml", "yml": .yaml
        default: .csv
        }
    }
}

/// Reads the entries of a list and hands them over one at a time; CSV is streamed, so
/// memory stays flat whatever the number of rows. JSON and YAML are read whole, up to
/// ``maximumWholeFileBytes``.
enum UseListSource {
    /// The largest JSON or YAML list read: 16 MiB (a school's list is a few kilobytes;
    /// CSV, streamed, has no such cap).
    static let maximumWholeFileBytes = 16 << 20

    /// Calls `header` with the column names (CSV: the header row; JSON/YAML: every key
    /// seen), then `body` for each entry in order.
    static func read(
        path: String, format: ListFormat, header: ([String]) -> Void, body: (UseListEntry) -> Void
    ) throws(ListReadError) {
        switch format {
        case .csv: try readCSV(path: path, header: header, body: body)
        case .json: try ListDecoding.json(try contents(of: path), header: header, body: body)
        case .yaml: ListDecoding.handOver(try readYAML(path: path), header: header, body: body)
        }
    }

    private static func readCSV(path: String, header: ([String]) -> Void, body: (UseListEntry) -> Void) throws(ListReadError) {
        var reader: CSVFileReader
        do {
            reader = try CSVFileReader(path: path)
        } catch {
            throw ListReadError(error)
        }
        try ListDecoding.csv(records: { () throws(CSVError) in try reader.next() }, header: header, body: body)
    }

    /// The bytes of the file, at most ``maximumWholeFileBytes`` of them.
    private static func contents(of path: String) throws(ListReadError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ListReadError(message: "cannot read \(path)", line: nil, hint: "check the path and its permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumWholeFileBytes + 1) ?? Data()
        } catch {
            throw ListReadError(message: "cannot read \(path): \(error.localizedDescription)", line: nil, hint: "check the path and its permissions")
        }
        guard data.count <= maximumWholeFileBytes else {
            throw ListReadError(
                message: "the list is larger than \(maximumWholeFileBytes >> 20) MiB, the most a JSON or YAML list may hold", line: nil,
                hint: "a longer list can be given as CSV, which is read row by row"
            )
        }
        return Array(data)
    }

    private static func readYAML(path: String) throws(ListReadError) -> [UseListEntry] {
        let bytes = UTF16Text.utf8(try contents(of: path))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ListReadError.notUTF8(bytes)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ListReadError.yaml(error)
        } catch {
            throw ListReadError(message: "malformed YAML: \(error)", line: nil, hint: nil)
        }
        let items: [Node]
        if let sequence = root?.sequence {
            items = Array(sequence)
        } else if let uses = root?.mapping?["uses"]?.sequence {
            items = Array(uses)
        } else {
            throw ListReadError(message: "expected a sequence of uses, or a mapping with a `uses` sequence", line: nil,
                                hint: "- tool: zoom\n    mode: web")
        }
        var entries: [UseListEntry] = []
        for (offset, item) in items.enumerated() {
            guard let mapping = item.mapping else {
                throw ListReadError(message: "use #\(offset + 1) is not a mapping", line: item.mark?.line, hint: "each use is `- tool: …` followed by its facts")
            }
            var cells: [String: FactValue?] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                cells[name] = factValue(value)
            }
            entries.append(UseListEntry(row: offset + 1, line: item.mark?.line, cells: cells))
        }
        return entries
    }

    private static func factValue(_ node: Node) -> FactValue? {
        if let sequence = node.sequence { return .set(sequence.compactMap(\.string)) }
        guard let scalar = node.scalar, !scalar.string.isEmpty, scalar.string != "~", scalar.string != "null" else { return nil }
        return .string(scalar.string)
    }
}

extension ListReadError {
    /// A YAML syntax error at its line and column; a key written twice in one mapping
    /// named (YAML forbids it, and neither value may silently win).
    static func yaml(_ error: YamlError) -> ListReadError {
        let hint = "a YAML list is a sequence of mappings: - tool: zoom"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = context.map { "\(problem) (\($0.text))" } ?? problem
            return ListReadError(message: "malformed YAML: \(what)", line: mark.line, column: mark.column, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return ListReadError(
                message: "the key \(keys) appears twice in one mapping", line: context.mark.line, column: context.mark.column,
                hint: "keep one of them: no row could say which one it means"
            )
        default:
            return ListReadError(message: "malformed YAML: \(error)", line: nil, hint: hint)
        }
    }
}
