import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

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
        try YAMLUseList.entries(from: try contents(of: path))
    }
}
