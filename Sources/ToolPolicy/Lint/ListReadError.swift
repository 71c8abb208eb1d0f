/// Why a list could not be read (past the rows already read): the message, the line when
/// known, and a hint, each in French and English.
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
    /// What is wrong, in French and English.
    package var text: LocalizedText
    /// The 1-based line where reading stopped, when known.
    package var line: Int?
    /// The 1-based column (in characters) where reading stopped, for malformed JSON.
    package var column: Int?
    /// How to fix it, in French and English.
    package var hintText: LocalizedText?

    /// What is wrong, in English: the `message` of the JSON report and of the HTTP error.
    package var message: String { text.text(in: .en) }
    /// How to fix it, in English: the `hint` of the JSON report and of the HTTP error.
    package var hint: String? { hintText?.text(in: .en) }

    /// `LINE:COLUMN`, `LINE`, or `?` when the place is unknown, for `FILE:PLACE: error: …`.
    package var place: String {
        (line.map(String.init) ?? "?") + (column.map { ":\($0)" } ?? "")
    }

    /// An error with its place and hint.
    package init(_ text: LocalizedText, line: Int?, column: Int? = nil, hint: LocalizedText?, kind: Kind = .unreadable) {
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
        self.hintText = hint
    }
}

extension ListReadError {
    /// A list with no header row.
    package static let emptyCSV = ListReadError(
        LocalizedText(fr: "la liste est vide", en: "the list is empty"), line: nil,
        hint: LocalizedText(fr: "une liste commence par une ligne d'en-tête : tool;mode;computer;…",
                            en: "a list starts with a header row: tool;mode;computer;…")
    )

    /// A CSV error with its line and a hint that says how to fix it.
    package init(_ error: CSVError) {
        let hint = switch error.kind {
        case .unterminatedQuote:
            LocalizedText(fr: #"fermez le guillemet, ou doublez chaque guillemet qui fait partie du texte de la cellule (« "" »)"#,
                          en: #"a cell opened with " is never closed; close it, or double the quote inside it ("")"#)
        case .unreadableFile:
            LocalizedText.checkThePath
        case .recordTooLong:
            LocalizedText(fr: #"aucune ligne d'une liste n'est aussi longue : cherchez plus haut un « " » resté ouvert, ou vérifiez que le fichier est bien une liste"#,
                          en: #"no row of a list is that long: look for a " left open above, or a file that is not a list"#)
        case .duplicateColumn:
            LocalizedText(fr: "supprimez ou renommez l'une des deux colonnes : aucune ligne ne pourrait dire laquelle elle désigne",
                          en: "remove or rename one of the two columns: no row could say which one it means")
        case .headerCellTooLong:
            LocalizedText(fr: "la première ligne nomme les colonnes : tool;mode;computer;…",
                          en: "the first row names the columns: tool;mode;computer;…")
        case .unsupportedEncoding:
            LocalizedText(fr: "enregistrez le fichier en UTF-8 (Excel : « CSV UTF-8 »)",
                          en: "save the file as UTF-8 (Excel: \"CSV UTF-8\")")
        }
        let kind: Kind = if case .duplicateColumn = error.kind { .refused } else { .unreadable }
        self.init(error.text, line: error.line, hint: hint, kind: kind)
    }

    /// A JSON list that could not be read: malformed JSON at its line and column (no row is
    /// checked then), or JSON of another shape than a list of uses.
    package init(_ error: JSONUseList.ReadError) {
        let hint = error.isSyntaxError
            ? LocalizedText(fr: "aucune ligne n'a été vérifiée : corrigez le JSON à cette ligne et cette colonne",
                            en: "no row was checked: fix the JSON at that line and column")
            : LocalizedText(fr: #"une liste JSON est un tableau d'objets : [{"tool": "zoom", "mode": "web"}]"#,
                            en: #"a JSON list is an array of objects: [{"tool": "zoom", "mode": "web"}]"#)
        self.init(error.text, line: error.line, column: error.column, hint: hint)
    }
}

extension ListReadError {
    /// A JSON or YAML list that is not UTF-8, located at its first bad byte.
    package static func notUTF8(_ bytes: [UInt8]) -> ListReadError {
        guard let bad = InvalidUTF8.find(in: bytes) else {
            return ListReadError(LocalizedText(fr: "la liste n'est pas du texte UTF-8", en: "the list is not UTF-8 text"), line: nil,
                                 hint: LocalizedText(fr: "enregistrez le fichier en UTF-8", en: "save the file as UTF-8"))
        }
        return ListReadError(
            LocalizedText(fr: "l'octet \(bad.hex) n'est pas de l'UTF-8", en: "byte \(bad.hex) is not UTF-8"), line: bad.line, column: bad.column,
            hint: LocalizedText(fr: "enregistrez le fichier en UTF-8 (il est probablement en Windows-1252 ou en Latin-1)",
                                en: "save the file as UTF-8 (it is probably Windows-1252 or Latin-1)")
        )
    }

    /// A file that cannot be opened or read, with the system's reason when there is one.
    package static func unreadableFile(_ path: String, reason: LocalizedText? = nil) -> ListReadError {
        let text = LocalizedText(fr: "impossible de lire « \(path) »", en: "cannot read \(path)")
        return ListReadError(
            reason.map { text.appending(fr: " : " + $0.fr, en: ": " + $0.text(in: .en)) } ?? text,
            line: nil, hint: .checkThePath
        )
    }

    /// A list whose columns are refused before any row: each column's reason, joined, on
    /// the header's line, with the first one's hint.
    package static func refusedColumns(_ problems: [RowProblem]) -> ListReadError? {
        guard let first = problems.first else { return nil }
        let text = LocalizedText(fr: problems.map { $0.text.fr }.joined(separator: " ; "),
                                 en: problems.map { $0.text.text(in: .en) }.joined(separator: "; "))
        return ListReadError(text, line: 1, hint: first.hintText, kind: .refused)
    }
}

extension LocalizedText {
    /// The hint of a file that cannot be read.
    static let checkThePath = LocalizedText(fr: "vérifiez le chemin du fichier et ses droits d'accès",
                                            en: "check the path and its permissions")
}
