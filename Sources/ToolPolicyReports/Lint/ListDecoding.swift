package import ToolPolicy

/// Reads a list of uses held in memory (an HTTP body, a whole JSON file), in CSV or JSON,
/// handing over the column names and then each entry in order.
package enum ListDecoding {
    /// Reads a CSV list: a header row, then one use per row; `;` or `,` detected, UTF-8
    /// (with or without BOM) or Windows-1252. Rows before an unreadable one are handed over.
    package static func csv(
        _ bytes: [UInt8], header: ([String]) -> Void, body: (UseListEntry) -> Void
    ) throws(ListReadError) {
        var reader = CSVReader(data: bytes)
        try csv(records: { () throws(CSVError) in try reader.next() }, header: header, body: body)
    }

    /// Reads CSV records one at a time from `next` (a reader over memory or a file).
    package static func csv(
        records next: () throws(CSVError) -> CSVRecord?, header: ([String]) -> Void, body: (UseListEntry) -> Void
    ) throws(ListReadError) {
        do {
            guard let first = try next() else { throw ListReadError.emptyCSV }
            let list = CSVUseList(header: first)
            header(list.columns)
            var row = 0
            while let record = try next() {
                row += 1
                body(list.entry(record, row: row))
            }
        } catch let error as CSVError {
            throw ListReadError(error)
        } catch let error as ListReadError {
            throw error
        } catch {
            throw ListReadError(message: "\(error)", line: nil, hint: nil)
        }
    }

    /// Reads a JSON list: an array of objects, or an object with a `uses` array.
    package static func json(
        _ bytes: [UInt8], header: ([String]) -> Void, body: (UseListEntry) -> Void
    ) throws(ListReadError) {
        let entries: [UseListEntry]
        do {
            entries = try JSONUseList.entries(from: bytes)
        } catch {
            throw ListReadError(
                message: error.message, line: error.line, column: error.column,
                hint: error.isSyntaxError ? "no row was checked: fix the JSON at that line and column" : #"a JSON list is an array of objects: [{"tool": "zoom", "mode": "web"}]"#
            )
        }
        handOver(entries, header: header, body: body)
    }

    /// Hands over entries read all at once: every column seen, in first-seen order, then
    /// the entries.
    package static func handOver(_ entries: [UseListEntry], header: ([String]) -> Void, body: (UseListEntry) -> Void) {
        var seen = Set<String>()
        header(entries.flatMap { $0.cells.map(\.column) }.filter { seen.insert($0).inserted })
        entries.forEach(body)
    }
}

extension ListReadError {
    /// A list with no header row.
    package static let emptyCSV = ListReadError(
        message: "the list is empty", line: nil, hint: "a list starts with a header row: tool;mode;computer;…"
    )

    /// A CSV error with its line and a hint that says how to fix it.
    package init(_ error: CSVError) {
        let hint = switch error.kind {
        case .unterminatedQuote: #"a cell opened with " is never closed; close it, or double the quote inside it ("")"#
        case .unreadableFile: "check the path and its permissions"
        }
        self.init(message: error.message, line: error.line, hint: hint)
    }
}
