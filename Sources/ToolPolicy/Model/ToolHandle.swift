/// A tool of one policy, named once and resolved with ``Policy/toolHandle(named:)``:
/// setting it in a ``RequestBuilder`` looks nothing up by name. A name the catalog does
/// not list gives a handle too: requests with it are for an unlisted tool, for review.
public struct ToolHandle: Sendable, Hashable {
    /// The name as the requester gave it.
    public let query: String
    /// The catalog index, or -1 when the catalog does not list the tool.
    let index: Int32
    /// The policy the handle belongs to.
    let policy: ObjectIdentifier

    /// Whether the catalog lists the tool.
    public var isListed: Bool { index >= 0 }
}

extension Policy {
    /// The handle of a tool named by id, display name or alias (case, accents, spaces and
    /// dashes ignored), or of an unlisted tool when the catalog designates none. Resolve
    /// it once and reuse it for every request about that tool.
    public func toolHandle(named name: String) -> ToolHandle {
        ToolHandle(query: name, index: toolIndex(named: name).map(Int32.init) ?? -1, policy: ObjectIdentifier(storage))
    }
}
