/// Where a list of uses comes from, said before it is read, so that it can be read on
/// another thread than the one that checks its rows (``LintPipeline``).
package enum ListInput: Sendable {
    /// A CSV file, streamed in chunks: memory stays flat whatever its length.
    case csvFile(path: String)
    /// CSV text in memory (an HTTP body).
    case csv([UInt8])
    /// A JSON list in memory: an array of objects, or an object with a `uses` array;
    /// UTF-8, or UTF-16 (as Windows Notepad saves "Unicode"), transcoded first.
    case json([UInt8])
    /// Entries read already (a YAML list, read with Yams by the CLI; an HTTP body counted
    /// before it is checked), the column names when the list had a header (else every key
    /// seen, in first-seen order), and the error that stopped the reading after them.
    case entries([UseListEntry], columns: [String]? = nil, readError: ListReadError? = nil)
    /// Entries produced by a reader outside the core, run on the reading thread.
    case read(@Sendable () throws(ListReadError) -> [UseListEntry])

    /// Opens the list: reads its header (CSV) or its whole document (JSON), ready to hand
    /// over its rows one at a time. A CSV list's cells under the columns `ignoring` marks,
    /// given the header's names, are handed over empty without being decoded.
    ///
    /// - Throws: ``ListReadError`` when the list cannot be read as far as its first row: an
    ///   unreadable file, an empty CSV, a header naming a column twice, malformed JSON.
    package func open(ignoring: ([String]) -> [Bool] = { _ in [] }) throws(ListReadError) -> any ListRows {
        switch self {
        case .csvFile(let path):
            let reader: CSVFileReader
            do {
                reader = try CSVFileReader(path: path)
            } catch {
                throw ListReadError(error)
            }
            return try CSVRows(reader, ignoring: ignoring)
        case .csv(let bytes):
            return try CSVRows(CSVReader(data: bytes), ignoring: ignoring)
        case .json(let bytes):
            return EntryRows(try Self.jsonEntries(bytes))
        case .entries(let entries, let columns, let readError):
            return EntryRows(entries, columns: columns, readError: readError)
        case .read(let read):
            return EntryRows(try read())
        }
    }

    /// The entries of a JSON list (UTF-8, or UTF-16 transcoded first).
    ///
    /// - Throws: ``ListReadError`` for malformed JSON (at its line and column) or a
    ///   document of another shape; no row is read then.
    package static func jsonEntries(_ bytes: [UInt8]) throws(ListReadError) -> [UseListEntry] {
        do {
            return try JSONUseList.entries(from: UTF16Text.utf8(bytes))
        } catch {
            throw ListReadError(error)
        }
    }
}
