package import ToolPolicy

/// A JSON value, for the free-form `details` of an error.
package enum JSONValue: Sendable, Hashable, Encodable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A number that is not an integer.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// Encodes the plain JSON value.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }

    /// An array of strings.
    package static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}

extension JSONValue {
    /// A value read by ``JSONReader``; `nil` for `null` (members and items that are `null`
    /// are left out).
    package init?(_ node: JSONNode) {
        switch node.value {
        case .null: return nil
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .integer(Int(number))
        case .number(let text): self = .number(Double(text) ?? .nan)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.compactMap(JSONValue.init))
        case .object(let members):
            self = .object(Dictionary(members.compactMap { member in JSONValue(member.value).map { (member.key, $0) } }) { first, _ in first })
        }
    }
}
