/// A typed fact value, as the catalog states it or a request gives it.
public enum FactValue: Sendable, Hashable {
    /// A `bool` fact.
    case bool(Bool)
    /// An `integer` fact.
    case integer(Int64)
    /// A `date` fact.
    case date(CivilDate)
    /// A `string` fact.
    case string(String)
    /// A `one of` fact: the chosen value.
    case enumeration(String)
    /// A `set of` fact: the chosen values, in declaration order.
    case set([String])

    /// How the value is written in the language and in text output.
    public var spelling: String {
        switch self {
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .date(let date): date.description
        case .string(let text): "\"\(text)\""
        case .enumeration(let value): value
        case .set(let values): "{" + values.joined(separator: ", ") + "}"
        }
    }
}

extension FactValue: Codable {
    /// Encodes as the plain JSON value: `true`, `10`, `"2026-08-31"`, `"web"`, `["pupils"]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .date(let date): try container.encode(date.description)
        case .string(let text), .enumeration(let text): try container.encode(text)
        case .set(let values): try container.encode(values)
        }
    }

    /// Decodes a plain JSON value; strings stay strings (typing happens against a fact declaration).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let values = try? container.decode([String].self) {
            self = .set(values)
        } else {
            self = .string(try container.decode(String.self))
        }
    }
}
