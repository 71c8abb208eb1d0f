/// Why a list could not be read (past the rows already read): the message, the line when
/// known, and a hint.
package struct ListReadError: Error, Sendable, Hashable {
    /// Whether the bytes could not be read, or were read and the list is refused.
    package enum Kind: Sendable, Hashable {
        /// The bytes cannot be read to their end (HTTP 400): an unclosed quote, malformed
        /// JSON, a record past the size cap, an unreadable file.
        case unreadable
        /// The list was read but is refused as a whole (HTTP 422): two columns with the
        /// same name, so no row could say which one it meant.
        case refused
    }

    /// Whether the bytes could not be read, or the list is refused.
    package var kind: Kind
    /// What is wrong.
    package var message: String
    /// The 1-based line where reading stopped, when known.
    package var line: Int?
    /// The 1-based column (in characters) where reading stopped, for malformed JSON.
    package var column: Int?
    /// How to fix it.
    package var hint: String?

    /// `LINE:COLUMN`, `LINE`, or `?` when the place is unknown, for `FILE:PLACE: error: …`.
    package var place: String {
        (line.map(String.init) ?? "?") + (column.map { ":\($0)" } ?? "")
    }

    /// An error with its place and hint.
    package init(message: String, line: Int?, column: Int? = nil, hint: String?, kind: Kind = .unreadable) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
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
