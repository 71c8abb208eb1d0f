package import ToolPolicy

/// Reads a list of uses held in memory (an HTTP body, a whole JSON file), in CSV or JSON,
/// handing over the column names and then each entry in order.
package enum ListDecoding {
    /// Reads a CSV list: a header row, then one use per row; `;` or `,` detected, UTF-8
    /// (with or without BOM), Windows-1252 or UTF-16. Rows before an unreadable one are
    /// handed over; a header naming a column twice refuses the whole list.
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
            let list = try CSVUseList(header: first)
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

    /// Reads a JSON list: an array of objects, or an object with a `uses` array; UTF-8, or
    /// UTF-16 (as Windows Notepad saves "Unicode"), transcoded first.
    package static func json(
        _ bytes: [UInt8], header: ([String]) -> Void, body: (UseListEntry) -> Void
    ) throws(ListReadError) {
        let entries: [UseListEntry]
        do {
            entries = try JSONUseList.entries(from: UTF16Text.utf8(bytes))
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
        case .recordTooLong: #"no row of a list is that long: look for a " left open above, or a file that is not a list"#
        case .duplicateColumn: "remove or rename one of the two columns: no row could say which one it means"
        case .headerCellTooLong: "the first row names the columns: tool;mode;computer;…"
        case .unsupportedEncoding: "save the file as UTF-8 (Excel: \"CSV UTF-8\")"
        }
        let kind: Kind = if case .duplicateColumn = error.kind { .refused } else { .unreadable }
        self.init(message: error.message, line: error.line, hint: hint, kind: kind)
    }
}

extension ListReadError {
    /// A JSON or YAML list that is not UTF-8, located at its first bad byte.
    package static func notUTF8(_ bytes: [UInt8]) -> ListReadError {
        guard let bad = InvalidUTF8.find(in: bytes) else {
            return ListReadError(message: "the list is not UTF-8 text", line: nil, hint: "save the file as UTF-8")
        }
        return ListReadError(
            message: "byte \(bad.hex) is not UTF-8", line: bad.line, column: bad.column,
            hint: "save the file as UTF-8 (it is probably Windows-1252 or Latin-1)"
        )
    }
}
