/// A reference to the source text a rule or a fact comes from.
public struct Citation: Codable, Sendable, Hashable {
    /// The source document's file name, e.g. `003_1529c0f0d921ea53.txt`.
    public var document: String
    /// The section of the document, as titled there.
    public var section: String

    /// Creates a citation.
    public init(document: String, section: String) {
        self.document = document
        self.section = section
    }
}

/// A language a message can be written in.
public enum Language: String, Codable, Sendable, Hashable, CaseIterable {
    /// French, mandatory on every message.
    case fr
    /// English, optional; French is shown where it is missing.
    case en
}

/// A text in French and, optionally, English.
public struct LocalizedText: Codable, Sendable, Hashable {
    /// The French text.
    public var fr: String
    /// The English text, if any.
    public var en: String?

    /// Creates a text.
    public init(fr: String, en: String? = nil) {
        self.fr = fr
        self.en = en
    }

    /// The text in the language, falling back to French.
    public func text(in language: Language) -> String {
        language == .en ? (en ?? fr) : fr
    }

    /// This text followed by more, in each language.
    func appending(fr more: String, en moreEnglish: String) -> LocalizedText {
        LocalizedText(fr: fr + more, en: text(in: .en) + moreEnglish)
    }
}
