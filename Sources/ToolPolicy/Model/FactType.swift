/// The declared type of a fact.
public enum FactType: Sendable, Hashable {
    /// `true` or `false`.
    case bool
    /// A whole number.
    case integer
    /// A calendar date.
    case date
    /// Free text.
    case string
    /// One value out of a closed list.
    case oneOf([String])
    /// Any subset of a closed list.
    case setOf([String])

    /// The values of an enum or set type; empty for the others.
    public var values: [String] {
        switch self {
        case .oneOf(let values), .setOf(let values): values
        default: []
        }
    }

    /// How the type is written in the language.
    public var spelling: String {
        switch self {
        case .bool: "bool"
        case .integer: "integer"
        case .date: "date"
        case .string: "string"
        case .oneOf(let values): "one of " + values.joined(separator: ", ")
        case .setOf(let values): "set of " + values.joined(separator: ", ")
        }
    }
}

/// A declared fact: `tool fact dpa_signed: bool "…"`.
public struct FactDeclaration: Sendable, Hashable {
    /// Tool or use.
    public let owner: FactOwner
    /// The name, without its owner prefix.
    public let name: String
    /// The type.
    public let type: FactType
    /// The one-line description.
    public let description: String
    /// Where it was declared.
    public let range: SourceRange
    /// The slot of the fact in its owner's value array.
    let slot: Int

    /// `tool.name` or `use.name`.
    public var qualifiedName: String { "\(owner.rawValue).\(name)" }
}
