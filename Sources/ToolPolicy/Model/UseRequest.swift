/// A request to evaluate: a tool, as the requester named it, and the facts of the use
/// that are known. Build one with a ``RequestBuilder`` (``Policy/requestBuilder(today:)``)
/// or ``Policy/request(tool:facts:today:)``.
///
/// A request holds its facts inline, as the evaluator reads them: building, copying and
/// deciding one allocates nothing for a policy of up to 12 use facts.
public struct UseRequest: Sendable, Hashable {
    /// The tool as the requester named it.
    public internal(set) var toolQuery: String
    /// The catalog index of the tool, or -1 when it is not listed.
    var tool: Int32
    /// The use-fact slots, indexed like ``Policy/useFacts``.
    var slots: UseSlots
    /// The day the request is evaluated for (`today` in rules).
    public internal(set) var today: CivilDate
    /// The text of each `string` use fact given, by slot: its slot holds a code, not the
    /// text. `nil` when there is none (so copying a request retains nothing).
    var texts: [GivenText]?

    /// The text of a `string` use fact.
    struct GivenText: Sendable, Hashable {
        let slot: Int
        let text: String
    }

    /// The index of the catalog tool, or `nil` when the tool is not listed.
    var toolIndex: Int? { tool < 0 ? nil : Int(tool) }

    /// A use fact given in a request.
    public struct GivenFact: Sendable, Hashable {
        /// The fact's name, without `use.`.
        public let name: String
        /// The value.
        public let value: FactValue
    }
}

/// Why a request could not be built: a fact that is not declared, or a value that does
/// not fit the fact's type. The server answers these with 422, the CLI with exit 64 or 65.
public struct RequestError: Error, Sendable, Hashable, Codable {
    /// The fact, as named in the request.
    public let fact: String
    /// What is wrong, in French and English.
    public let text: LocalizedText
    /// The values the fact accepts, when it is an enum or a set.
    public let allowed: [String]
    /// A suggestion, such as `did you mean participants?`, in French and English.
    public let hintText: LocalizedText?

    /// What is wrong, in English (the API's `message`).
    public var message: String { text.text(in: .en) }
    /// The suggestion, in English (the API's `hint`).
    public var hint: String? { hintText?.text(in: .en) }

    private enum CodingKeys: String, CodingKey { case fact, message, allowed, hint }

    /// An error with its words in both languages.
    init(fact: String, text: LocalizedText, allowed: [String], hintText: LocalizedText?) {
        self.fact = fact
        self.text = text
        self.allowed = allowed
        self.hintText = hintText
    }

    /// Decodes an API error's fact: its English words stand for both languages.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fact = try container.decode(String.self, forKey: .fact)
        let message = try container.decode(String.self, forKey: .message)
        text = LocalizedText(fr: message, en: message)
        allowed = try container.decode([String].self, forKey: .allowed)
        hintText = try container.decodeIfPresent(String.self, forKey: .hint).map { LocalizedText(fr: $0, en: $0) }
    }

    /// Encodes the English message and hint, as the API documents them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fact, forKey: .fact)
        try container.encode(message, forKey: .message)
        try container.encode(allowed, forKey: .allowed)
        try container.encodeIfPresent(hint, forKey: .hint)
    }
}

extension Policy {
    /// Builds a request from typed or textual fact values.
    ///
    /// Fact names may be written `mode` or `use.mode`. Text values are parsed against the
    /// fact's type (`"web"`, `"pupils,staff"`, `"10"`, `"oui"`); a `nil` or empty value
    /// leaves the fact unknown.
    ///
    /// - Throws: ``RequestError`` for the first undeclared fact or value outside its type.
    public func request(tool: String, facts: [String: FactValue?] = [:], today: CivilDate) throws(RequestError) -> UseRequest {
        let (request, errors) = collectingRequest(tool: tool, facts: facts, today: today)
        if let first = errors.first { throw first }
        return request
    }

    /// Builds a request and returns every fact that could not be used, instead of
    /// stopping at the first, so a caller can report them all. Facts in error are left
    /// unknown in the request. Errors are sorted by fact name.
    public func collectingRequest(
        tool: String, facts: [String: FactValue?], today: CivilDate
    ) -> (request: UseRequest, errors: [RequestError]) {
        var builder = requestBuilder(today: today)
        builder.tool(named: tool)
        var errors: [RequestError] = []
        for (rawName, rawValue) in facts {
            guard let fact = useFact(rawName) else {
                errors.append(RequestError.unknownFact(rawName, known: useFacts.map(\.name)))
                continue
            }
            do {
                if let rawValue { try builder.set(fact, rawValue) }
            } catch {
                errors.append(error)
            }
        }
        return (builder.request, errors.sorted { $0.fact < $1.fact })
    }

    /// A value coerced to a fact's type, with its slot encoding; `nil` for an empty value.
    ///
    /// - Throws: ``RequestError`` when the value does not fit the type.
    func typed(_ value: FactValue, as declaration: FactDeclaration) throws(RequestError) -> (value: FactValue, slot: Int64)? {
        guard let coerced = try FactValueParser.coerce(value, to: declaration) else { return nil }
        return (coerced, slot(for: coerced, of: declaration.type))
    }

    /// The code of a request string that no rule names: a negative 62-bit FNV-1a hash, so
    /// two different such strings compare unequal and never equal a policy string (≥ 0).
    static func foreignStringCode(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return -Int64(hash >> 2) - 1
    }

    /// The slot encoding of a value already checked against its type.
    func slot(for value: FactValue, of type: FactType) -> Int64 {
        switch value {
        case .bool(let flag): flag ? 1 : 0
        case .integer(let number): number
        case .date(let date): date.days
        case .string(let text): strings[text] ?? Self.foreignStringCode(text)
        case .enumeration(let value): Int64(type.values.firstIndex(of: value) ?? -1)
        case .set(let values):
            values.reduce(Int64(0)) { mask, value in
                type.values.firstIndex(of: value).map { mask | (Int64(1) << Int64($0)) } ?? mask
            }
        }
    }
}

extension RequestError {
    static func unknownFact(_ name: String, known: [String]) -> RequestError {
        RequestError(
            fact: name, text: LocalizedText(fr: "« \(name) » n'est pas une information que les règles connaissent", en: "unknown fact `\(name)`"),
            allowed: known,
            hintText: Suggestion.closest(to: name, in: known).map { LocalizedText(fr: "vouliez-vous dire « \($0) » ?", en: "did you mean `\($0)`?") }
        )
    }

    static func invalidValue(_ text: String, for declaration: FactDeclaration) -> RequestError {
        let allowed = declaration.type.values
        let expected = allowed.isEmpty ? "a value of type \(declaration.type.spelling)" : "one of " + allowed.joined(separator: ", ")
        let french = allowed.map { declaration.valueNames[$0]?.first ?? $0 }
        let attendu = switch declaration.type {
        case .bool: "oui ou non"
        case .integer: "un nombre"
        case .date: "une date (AAAA-MM-JJ)"
        case .string: "un texte"
        case .oneOf, .setOf: french.joined(separator: ", ")
        }
        let close = Suggestion.closest(to: text, in: allowed + declaration.valueNames.values.flatMap { $0 })
        let value = close.flatMap { name in declaration.valueAliases[ToolName.normalize(name)] ?? (allowed.contains(name) ? name : nil) }
        return RequestError(
            fact: declaration.name,
            text: LocalizedText(
                fr: "« \(text) » n'est pas une valeur possible pour « \(declaration.label(in: .fr)) » : attendu \(attendu)",
                en: "`\(text)` is not a valid value for `\(declaration.qualifiedName)`: expected \(expected)"
            ),
            allowed: allowed,
            hintText: value.map { LocalizedText(fr: "vouliez-vous dire « \(declaration.valueNames[$0]?.first ?? $0) » ?", en: "did you mean `\($0)`?") }
        )
    }
}
