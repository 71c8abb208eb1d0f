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

/// A list named on the command line, as the lint pipeline reads it: CSV is streamed, so
/// memory stays flat whatever the number of rows; JSON and YAML are read whole, up to
/// ``maximumWholeFileBytes``, on the pipeline's reading thread.
enum ListFile {
    /// The largest JSON or YAML list read: 16 MiB (a school's list is a few kilobytes;
    /// CSV, streamed, has no such cap).
    static let maximumWholeFileBytes = 16 << 20

    /// The input the file at `path` gives in `format`.
    static func input(path: String, format: ListFormat) -> ListInput {
        switch format {
        case .csv: .csvFile(path: path)
        case .json: .read { () throws(ListReadError) in try ListInput.jsonEntries(try contents(of: path)) }
        case .yaml: .read { () throws(ListReadError) in try YAMLUseList.entries(from: try contents(of: path)) }
        }
    }

    /// The bytes of the file, at most ``maximumWholeFileBytes`` of them.
    private static func contents(of path: String) throws(ListReadError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ListReadError.unreadableFile(path)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumWholeFileBytes + 1) ?? Data()
        } catch {
            throw ListReadError.unreadableFile(path, reason: LocalizedText(fr: error.localizedDescription, en: error.localizedDescription))
        }
        guard data.count <= maximumWholeFileBytes else {
            throw ListReadError(
                LocalizedText(fr: "la liste dépasse \(maximumWholeFileBytes >> 20) MiB, le plus qu'une liste JSON ou YAML puisse contenir",
                              en: "the list is larger than \(maximumWholeFileBytes >> 20) MiB, the most a JSON or YAML list may hold"),
                line: nil,
                hint: LocalizedText(fr: "une liste plus longue peut être donnée en CSV, qui est lu ligne par ligne",
                                    en: "a longer list can be given as CSV, which is read row by row")
            )
        }
        return Array(data)
    }
}
