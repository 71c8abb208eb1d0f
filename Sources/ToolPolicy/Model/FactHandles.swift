/// A use fact of one policy, resolved once by name with ``Policy/useFact(_:)``: setting it
/// in a ``RequestBuilder`` looks nothing up by name.
public struct UseFactHandle: Sendable, Hashable {
    /// The fact's slot, indexed like ``Policy/useFacts``.
    let slot: Int
    /// The policy the handle belongs to.
    let policy: ObjectIdentifier
}

/// A value of a use fact, typed once with ``Policy/value(_:of:)``: setting it in a
/// ``RequestBuilder`` parses nothing.
public struct FactValueHandle: Sendable, Hashable {
    /// The fact it is a value of.
    public let fact: UseFactHandle
    /// The value's slot encoding.
    let slot: Int64
    /// The text of a `string` value, whose slot is a code.
    let text: String?
}

/// How the builder's fast path reads a use fact's values: its type, and whether the
/// policy's spelling table (``Policy/Storage/valueSpellings``, grouped by the fact's slot)
/// holds exact spellings of them: the declared values, their other names and, for a bool,
/// the words `oui`, `true`, `non`… Compiled once per policy, so that the common text of a
/// request is one lookup. Any other text goes through ``FactValueParser``, which gives the
/// same slot or the error.
struct FactSpellings: Sendable {
    /// The fact's type, as the builder's fast path needs it.
    let kind: Kind
    /// Whether the table holds spellings of the fact's values.
    let isSpelled: Bool

    /// The types the fast path tells apart.
    enum Kind: Sendable {
        case bool, oneOf, setOf, other
    }

    init(_ declaration: FactDeclaration) {
        kind = switch declaration.type {
        case .bool: .bool
        case .oneOf: .oneOf
        case .setOf: .setOf
        case .integer, .date, .string: .other
        }
        isSpelled = kind != .other
    }

    /// The spellings of a fact's values, to their slot encoding: an enum's ordinal, a set
    /// value's bit, a bool's 0 or 1; sorted, so the table is the same on every load.
    static func spellings(of declaration: FactDeclaration) -> [(String, Int64)] {
        var slots: [String: Int64] = [:]
        switch declaration.type {
        case .bool:
            for word in FactValueParser.trueWords { slots[word] = 1 }
            for word in FactValueParser.falseWords { slots[word] = 0 }
        case .oneOf(let values), .setOf(let values):
            let isSet = if case .setOf = declaration.type { true } else { false }
            func code(_ ordinal: Int) -> Int64 { isSet ? Int64(1) << Int64(ordinal) : Int64(ordinal) }
            for (alias, value) in declaration.valueAliases {
                if let ordinal = values.firstIndex(of: value) { slots[alias] = code(ordinal) }
            }
            for (ordinal, value) in values.enumerated() {
                slots[ToolName.normalize(value)] = code(ordinal)
                slots[value] = code(ordinal)
            }
        case .integer, .date, .string:
            break
        }
        return slots.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension Policy {
    /// The handle of a use fact, by `mode` or `use.mode`; `nil` when no use fact has that
    /// name. Resolve handles once and reuse them for every request.
    public func useFact(_ name: String) -> UseFactHandle? {
        let bare = name.hasPrefix("use.") ? String(name.dropFirst(4)) : name
        return storage.useFactSlots[bare].map { UseFactHandle(slot: $0, policy: ObjectIdentifier(storage)) }
    }

    /// The declaration a handle designates.
    public func declaration(of fact: UseFactHandle) -> FactDeclaration {
        precondition(fact.policy == ObjectIdentifier(storage), "a fact handle of another policy")
        return useFacts[fact.slot]
    }

    /// The handle of a value already typed against its declaration, with its slot.
    func value(_ typed: FactValue, slot: Int64, of declaration: FactDeclaration) -> FactValueHandle {
        let fact = UseFactHandle(slot: declaration.slot, policy: ObjectIdentifier(storage))
        if case .string(let text) = typed { return FactValueHandle(fact: fact, slot: slot, text: text) }
        return FactValueHandle(fact: fact, slot: slot, text: nil)
    }

    /// A value typed once for a fact, such as `.enumeration("web")` or `.string("oui")`.
    ///
    /// - Returns: `nil` for an empty value (the fact stays unknown).
    /// - Throws: ``RequestError`` when the value does not fit the fact's type.
    public func value(_ value: FactValue, of fact: UseFactHandle) throws(RequestError) -> FactValueHandle? {
        let declaration = declaration(of: fact)
        guard let (typed, slot) = try typed(value, as: declaration) else { return nil }
        return self.value(typed, slot: slot, of: declaration)
    }
}
