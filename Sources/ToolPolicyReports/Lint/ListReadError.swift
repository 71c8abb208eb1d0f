/// Why a list could not be read (past the rows already read): the message, the line when
/// known, and a hint.
package struct ListReadError: Error, Sendable, Hashable {
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
    package init(message: String, line: Int?, column: Int? = nil, hint: String?) {
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
    }
}
