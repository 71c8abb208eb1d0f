/// A JSON value read by ``JSONReader``, with the line where it starts: school lists
/// report each row at its line, and a request body's errors name the place.
package struct JSONNode: Sendable, Equatable {
    /// What a JSON value holds.
    package enum Value: Sendable, Equatable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number written without fraction or exponent that fits in 64 bits.
        case integer(Int64)
        /// Any other number, with its text as written (`2.5`, `1e3`, `99999999999999999999`).
        case number(String)
        /// A string.
        case string(String)
        /// An array.
        case array([JSONNode])
        /// An object, its members in document order (keys are unique).
        case object([Member])
    }

    /// One member of an object.
    package struct Member: Sendable, Equatable {
        /// The key.
        package var key: String
        /// The value.
        package var value: JSONNode

        /// Creates a member.
        package init(key: String, value: JSONNode) {
            self.key = key
            self.value = value
        }
    }

    /// The value.
    package var value: Value
    /// The 1-based line of the value's first character.
    package var line: Int

    /// Creates a node.
    package init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }

    /// The members when the value is an object, else `nil`.
    package var members: [Member]? {
        if case .object(let members) = value { members } else { nil }
    }

    /// The member named `key` when the value is an object that has it.
    package subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }
}
