/// A source document the rules cite, declared once:
/// `document "003_….txt" title "…" issuer "…" url "…"`.
public struct SourceDocument: Sendable, Hashable {
    /// The id citations use: the document's file name, e.g. `003_1529c0f0d921ea53.txt`.
    public let id: String
    /// The document's title, as a person names it.
    public let title: String
    /// Who issued it (`académie de Rennes`), when the document says.
    public let issuer: String?
    /// Where it is published, when the document gives it.
    public let url: String?
    /// Whether its text ships with the policy (`sources/<id>`), so citations of its
    /// sections are checked against it.
    public let hasText: Bool
    /// Where it was declared.
    public let range: SourceRange

    /// How a person names it: `Cadre de référence de la visio-conférence (académie de Rennes)`.
    public var displayName: String {
        issuer.map { "\(title) (\($0))" } ?? title
    }
}
