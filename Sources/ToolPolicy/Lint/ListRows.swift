/// A list being read: its column names, then its entries one at a time, in order. Made
/// by ``ListInput/open()`` on the thread that reads, and used on that thread only.
package protocol ListRows: AnyObject {
    /// The column names: the CSV header, or every key of a JSON or YAML list in
    /// first-seen order.
    var columns: [String] { get }
    /// The next entry, or `nil` at the end of the list.
    ///
    /// - Throws: ``ListReadError`` when the rest of the list cannot be read (an unclosed
    ///   quote, a record past the size cap); the entries before it were handed over.
    func next() throws(ListReadError) -> UseListEntry?
}

/// Something that hands over CSV records one at a time: a reader over memory or a file.
package protocol CSVRecordSource: ~Copyable {
    /// The next record, or `nil` at the end.
    mutating func next() throws(CSVError) -> CSVRecord?
    /// Hands over the fields marked in `mask` (by index) empty from the next record on.
    mutating func skipText(of mask: [Bool])
}

extension CSVReader: CSVRecordSource {}
extension CSVFileReader: CSVRecordSource {}

/// The rows of a CSV list: a header record, then one use per record.
final class CSVRows<Records: CSVRecordSource & ~Copyable>: ListRows {
    private var records: Records
    private let list: CSVUseList
    private var row = 0

    var columns: [String] { list.columns }

    /// Reads the header record. The cells of the columns `ignored` marks (from the column
    /// names: a column no one reads, such as `notes`) are handed over empty, not decoded.
    init(_ records: consuming Records, ignoring ignored: ([String]) -> [Bool] = { _ in [] }) throws(ListReadError) {
        do {
            guard let first = try records.next() else { throw ListReadError.emptyCSV }
            list = try CSVUseList(header: first)
        } catch let error as CSVError {
            throw ListReadError(error)
        } catch let error as ListReadError {
            throw error
        } catch {
            throw ListReadError(LocalizedText(fr: "\(error)", en: "\(error)"), line: nil, hint: nil)
        }
        records.skipText(of: ignored(list.columns))
        self.records = records
    }

    func next() throws(ListReadError) -> UseListEntry? {
        let record: CSVRecord?
        do {
            record = try records.next()
        } catch {
            throw ListReadError(error)
        }
        guard let record else { return nil }
        row += 1
        return list.entry(record, row: row)
    }
}

/// The rows of a list read whole (JSON, YAML, an HTTP body counted first).
final class EntryRows: ListRows {
    private let entries: [UseListEntry]
    private let readError: ListReadError?
    private var index = 0
    let columns: [String]

    /// The entries, their columns (every key seen when `nil`), and the error that stopped
    /// the reading after them.
    init(_ entries: [UseListEntry], columns: [String]? = nil, readError: ListReadError? = nil) {
        self.entries = entries
        self.readError = readError
        if let columns {
            self.columns = columns
        } else {
            var seen = Set<String>()
            self.columns = entries.flatMap { $0.cells.map(\.column) }.filter { seen.insert($0).inserted }
        }
    }

    func next() throws(ListReadError) -> UseListEntry? {
        guard index < entries.count else {
            if let readError { throw readError }
            return nil
        }
        index += 1
        return entries[index - 1]
    }
}
