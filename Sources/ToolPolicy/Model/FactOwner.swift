/// Who a fact belongs to: the tool (from the catalog) or the use (from the request).
public enum FactOwner: String, Codable, Sendable, Hashable, CaseIterable {
    /// A fact of the tool, read from the catalog.
    case tool
    /// A fact of the requested use, read from the request.
    case use
}
