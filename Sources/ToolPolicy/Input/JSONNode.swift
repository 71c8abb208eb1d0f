/// A JSON value read by ``JSONReader``, with the line where it starts: school lists
/// report each row at its line, and a request body's errors name the place.
public struct JSONNode: Sendable, Equatable {
    /// What a JSON value holds.
    public enum Value: Sendable, Equatable {
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
    public struct Member: Sendable, Equatable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONNode

        /// Creates a member.
        public init(key: String, value: JSONNode) {
            self.key = key
            self.value = value
        }
    }

    /// The value.
    public var value: Value
    /// The 1-based line of the value's first character.
    public var line: Int

    /// Creates a node.
    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }

    /// The members when the value is an object, else `nil`.
    public var members: [Member]? {
        if case .object(let members) = value { members } else { nil }
    }

    /// The member named `key` when the value is an object that has it.
    public subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }
}
