/// Turns CSV records into list entries: the first record is the header.
public struct CSVUseList: Sendable {
    /// The column names, from the header row.
    public let columns: [String]

    /// Reads the header record.
    public init(header: CSVRecord) {
        columns = header.fields.map { $0.trimmingWhitespace() }
    }

    /// The entry for a data record; `row` is its 1-based position among data rows.
    /// Cells past the header's width are ignored; missing cells are unknown facts.
    public func entry(_ record: CSVRecord, row: Int) -> UseListEntry {
        var cells: [UseListEntry.Cell] = []
        cells.reserveCapacity(columns.count)
        for (index, column) in columns.enumerated() where !column.isEmpty {
            let text = index < record.fields.count ? record.fields[index].trimmingWhitespace() : ""
            cells.append(UseListEntry.Cell(column: column, value: text.isEmpty ? nil : .string(text)))
        }
        return UseListEntry(row: row, line: record.line, cells: cells)
    }
}
