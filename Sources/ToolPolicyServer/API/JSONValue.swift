import Foundation

/// A JSON value, for the free-form `details` of an error.
package enum JSONValue: Sendable, Hashable, Encodable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
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
        case .bool(let flag): try container.encode(flag)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }

    /// An array of strings.
    package static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}

extension JSONValue {
    /// A value from `JSONSerialization`; `nil` for `null` and numbers that are not integers.
    package init?(jsonObject: Any) {
        switch jsonObject {
        case let number as NSNumber where String(describing: type(of: number)).contains("Boolean"):
            self = .bool(number.boolValue)
        case let number as NSNumber:
            self = .integer(number.intValue)
        case let text as String:
            self = .string(text)
        case let array as [Any]:
            self = .array(array.compactMap(JSONValue.init(jsonObject:)))
        case let object as [String: Any]:
            self = .object(object.compactMapValues(JSONValue.init(jsonObject:)))
        default:
            return nil
        }
    }
}
