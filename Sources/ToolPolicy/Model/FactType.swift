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
    /// What forms and letters call the fact (`label fr "…" en "…"`), if declared.
    public var label: LocalizedText?
    /// The question that settles the fact when a request leaves it unknown (`asks`).
    public var question: LocalizedText?
    /// The words for each value (`value web fr "…"`), by value.
    public var valueWords: [String: LocalizedText] = [:]
    /// Who can change the fact: the requester (how they use the tool), or the school
    /// (`settled by school`: an act of its head, such as signing a contract).
    public var settledBy: Remedy.Actor = .requester
    /// Other names of the fact's column in a school's list (`aka "poste"`).
    public var columnNames: [String] = []
    /// Other names of values (`value pedagogical … aka "pédagogique"`), normalised like
    /// tool names, to the value they name.
    var valueAliases: [String: String] = [:]
    /// The other names of each value, as written (`pedagogical` → `["pédagogique"]`).
    public var valueNames: [String: [String]] = [:]

    /// What a person reads for the fact: its label, or its description.
    public func label(in language: Language) -> String {
        label?.text(in: language) ?? description
    }

    /// What a person reads for one of the fact's values: its words, or the value itself.
    public func words(for value: String, in language: Language) -> String {
        valueWords[value]?.text(in: language) ?? value
    }

    /// `tool.name` or `use.name`.
    public var qualifiedName: String { "\(owner.rawValue).\(name)" }
}
