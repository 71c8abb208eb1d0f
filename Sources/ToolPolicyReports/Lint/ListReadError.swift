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
