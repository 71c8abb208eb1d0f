/// Builds requests for one policy from fact handles, in fixed inline storage: the facts
/// are resolved once (``Policy/useFact(_:)``), and each request is filled with no lookup by
/// name and no heap allocation.
///
/// ```swift
/// let mode = policy.useFact("mode")!
/// var builder = policy.requestBuilder(today: .today)
/// builder.tool(named: "Zoom")
/// try builder.set(mode, text: "web")
/// let verdict = policy.verdict(for: builder.request, trace: &trace)
/// ```
///
/// A builder can be reused: ``reset()`` clears the tool and the facts.
public struct RequestBuilder: Sendable {
    private let storage: Policy.Storage
    /// The request as built so far: held, not assembled when read, so that deciding it
    /// (`policy.verdict(for: builder.request, …)`) can read it in place.
    public private(set) var request: UseRequest

    /// The day the requests are evaluated for.
    public var today: CivilDate {
        get { request.today }
        set { request.today = newValue }
    }

    init(_ storage: Policy.Storage, today: CivilDate) {
        self.storage = storage
        request = Self.blank(storage, today: today)
    }

    /// Clears the tool and every fact, keeping the day.
    public mutating func reset() {
        request = Self.blank(storage, today: today)
    }

    /// A request with no tool and every fact unknown.
    private static func blank(_ storage: Policy.Storage, today: CivilDate) -> UseRequest {
        UseRequest(toolQuery: "", tool: -1, slots: UseSlots(count: storage.useFacts.count), today: today, texts: nil)
    }

    /// Sets the tool by the name the requester gave (id, display name or alias; case,
    /// accents, spaces and dashes ignored). A name the catalog does not list is kept: the
    /// request is then for an unlisted tool.
    public mutating func tool(named name: String) {
        request.toolQuery = name
        request.tool = storage.toolIndex(named: name).map(Int32.init) ?? -1
    }

    /// Sets the tool to one resolved once (``Policy/toolHandle(named:)``).
    public mutating func tool(_ handle: ToolHandle) {
        precondition(handle.policy == ObjectIdentifier(storage), "a tool handle of another policy")
        request.toolQuery = handle.query
        request.tool = handle.index
    }

    /// Sets the tool to a catalog index already resolved from its name.
    mutating func tool(_ query: String, index: Int?) {
        request.toolQuery = query
        request.tool = index.map(Int32.init) ?? -1
    }

    /// Sets a fact to a value typed once (``Policy/value(_:of:)``).
    public mutating func set(_ value: FactValueHandle) {
        check(value.fact)
        request.slots[value.fact.slot] = value.slot
        setText(value.text, at: value.fact.slot)
    }

    /// Sets a fact from text as a list or a form gives it (`web`, `navigateur`, `oui`,
    /// `pupils,staff`, `25`, `2026-09-01`); empty text leaves it unknown.
    ///
    /// - Throws: ``RequestError`` when the text is not a value of the fact; the fact is
    ///   then unknown.
    public mutating func set(_ fact: UseFactHandle, text: String) throws(RequestError) {
        check(fact)
        if let slot = spelled(text, fact) {
            request.slots[fact.slot] = slot
            return
        }
        try set(fact, .string(text))
    }

    /// Sets a fact to a typed value (`.enumeration("web")`, `.bool(true)`); a text value
    /// (`.string("oui")`) is parsed against the fact's type.
    ///
    /// - Throws: ``RequestError`` when the value does not fit the fact's type; the fact is
    ///   then unknown.
    public mutating func set(_ fact: UseFactHandle, _ value: FactValue) throws(RequestError) {
        check(fact)
        switch (value, storage.spellings[fact.slot].kind) {
        case (.bool(let flag), .bool):
            request.slots[fact.slot] = flag ? 1 : 0
            return
        case (.enumeration(let text), .oneOf), (.string(let text), .oneOf), (.string(let text), .bool), (.string(let text), .setOf):
            if let slot = spelled(text, fact) {
                request.slots[fact.slot] = slot
                return
            }
        case (.set(let values), .setOf):
            if let mask = spelledSet(values, fact) {
                request.slots[fact.slot] = mask
                return
            }
        default:
            break
        }
        request.slots[fact.slot] = Program.unknownSlot
        setText(nil, at: fact.slot)
        let declaration = storage.useFacts[fact.slot]
        guard let (typed, slot) = try Policy(storage: storage).typed(value, as: declaration) else { return }
        request.slots[fact.slot] = slot
        if case .string(let text) = typed { setText(text, at: fact.slot) }
    }

    /// Leaves a fact unknown.
    public mutating func clear(_ fact: UseFactHandle) {
        check(fact)
        request.slots[fact.slot] = Program.unknownSlot
        setText(nil, at: fact.slot)
    }

    /// The slot of a common spelling of the fact's values, or of a list of them for a
    /// set (`pupils,staff`); `nil` sends the text to the full parser.
    private func spelled(_ text: String, _ fact: UseFactHandle) -> Int64? {
        let spellings = storage.spellings[fact.slot]
        if !spellings.isSpelled { return nil }
        let table = storage.valueSpellings
        if let slot = table.value(of: text, group: fact.slot) { return slot }
        guard spellings.kind == .setOf else { return nil }
        var mask: Int64 = 0
        var any = false
        var rest = text[...]
        while !rest.isEmpty {
            let end = rest.firstIndex { $0 == "," || $0 == "|" } ?? rest.endIndex
            let word = String(rest[..<end]).trimmingWhitespace()
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            if word.isEmpty { continue }
            guard let bit = table.value(of: word, group: fact.slot) else { return nil }
            mask |= bit
            any = true
        }
        return any ? mask : nil
    }

    /// The mask of a typed set whose every value is a common spelling; `nil` sends the
    /// value to the full parser (an empty set, a value with a comma or spaces, a typo).
    private func spelledSet(_ values: [String], _ fact: UseFactHandle) -> Int64? {
        if values.isEmpty { return nil }
        var mask: Int64 = 0
        for value in values {
            guard let bit = storage.valueSpellings.value(of: value, group: fact.slot) else { return nil }
            mask |= bit
        }
        return mask
    }

    @inline(__always)
    private mutating func setText(_ text: String?, at slot: Int) {
        if text == nil, request.texts == nil { return }
        request.texts?.removeAll { $0.slot == slot }
        if let text { request.texts = (request.texts ?? []) + [UseRequest.GivenText(slot: slot, text: text)] }
        if request.texts?.isEmpty == true { request.texts = nil }
    }

    private func check(_ fact: UseFactHandle) {
        precondition(fact.policy == ObjectIdentifier(storage), "a fact handle of another policy")
    }
}

extension Policy {
    /// A builder of requests to this policy, for the given day.
    public func requestBuilder(today: CivilDate) -> RequestBuilder {
        RequestBuilder(storage, today: today)
    }
}
