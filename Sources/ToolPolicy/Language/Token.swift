/// One lexical token of a rules file.
struct Token: Sendable, Equatable {
    /// What kind of token it is, with its value.
    enum Kind: Sendable, Equatable {
        /// An identifier or a (contextual) keyword: `forbid`, `dpa_signed`, `cned-ma-classe`.
        case word(String)
        /// A string literal, escapes resolved and line breaks folded.
        case string(String)
        /// A non-negative integer literal.
        case integer(Int64)
        /// A date literal, in days since 1970-01-01.
        case date(Int64)
        /// Punctuation or an operator: `. , : = != < <= > >= { } ( )`.
        case symbol(String)
        /// The end of the file.
        case end
    }

    /// The kind and value.
    var kind: Kind
    /// Where the token stands.
    var range: SourceRange
    /// Whether the token is the first of its line and starts at column 1 (a statement start).
    var startsLine: Bool

    /// The word, if the token is an identifier or keyword.
    var word: String? {
        if case .word(let word) = kind { return word }
        return nil
    }

    /// Whether the token is the given keyword.
    func isWord(_ keyword: String) -> Bool { word == keyword }

    /// Whether the token is the given punctuation.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }

    /// How the token is shown in messages.
    var display: String {
        switch kind {
        case .word(let word): "`\(word)`"
        case .string(let text): "string \"\(text.prefix(30))\(text.count > 30 ? "…" : "")\""
        case .integer(let value): "`\(value)`"
        case .date(let days): "date `\(CivilDate(days: days))`"
        case .symbol(let symbol): "`\(symbol)`"
        case .end: "the end of the file"
        }
    }
}
