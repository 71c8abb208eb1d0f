/// Why a list could not be read (past the rows already read): the message, the line when
/// known, and a hint.
package struct ListReadError: Error, Sendable, Hashable {
    /// What is wrong.
    package var message: String
    /// The 1-based line where reading stopped, when known.
    package var line: Int?
    /// How to fix it.
    package var hint: String?

    /// An error with its place and hint.
    package init(message: String, line: Int?, hint: String?) {
        self.message = message
        self.line = line
        self.hint = hint
    }
}
