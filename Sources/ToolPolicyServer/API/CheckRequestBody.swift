import ToolPolicy

/// The body of `POST /v1/check` and `POST /v1/reply`:
/// `{"tool": "zoom", "use": {"mode": "web", "accounts": ["pupils"]}, "date": "2026-11-23"}`.
///
/// `use` has the shape of a decision's `use`, so a decision's `tool.query`, `use` and
/// `date` can be posted again. `/v1/reply` also reads `requester` and `signature`.
///
/// The mapping from bytes is pure (no HTTP types), so that the `check-body` fuzzer
/// (`Fuzz/check-body/`) compiles it alone; `CheckRequestBody+APIError.swift` gives the
/// server its ``APIError`` answers.
struct CheckRequestBody: Sendable {
    /// The tool, by id, name or alias.
    var tool: String
    /// The use facts known; a missing or null fact is unknown.
    var use: [String: FactValue?]
    /// The evaluation date, `YYYY-MM-DD`; today (UTC) when absent.
    var date: String?
    /// Who asked, for the reply's greeting.
    var requester: String?
    /// Who answers, for the reply's signature.
    var signature: String?
    /// The academy profile to answer under; the server's `--profile` when absent.
    var profile: String?

    /// Why a body does not give a request.
    enum Problem: Error, Sendable, Equatable {
        /// Not well-formed JSON (answered 400 `malformed_json`).
        case malformed(JSONSyntaxError)
        /// A field missing, unknown or of the wrong type, or a bad date (422
        /// `invalid_request`); `path` names the field, empty for the whole body.
        case invalid(path: String, message: String)
        /// Facts the policy does not declare, or values outside their type (422 `invalid_facts`).
        case invalidFacts([RequestError])
        /// A near miss of listed tools (422 `unknown_tool`, with the candidates): a typing
        /// mistake to ask about, not an unlisted tool to review.
        case nearMiss(tool: String, candidates: [(id: String, name: String)])

        static func == (lhs: Problem, rhs: Problem) -> Bool {
            switch (lhs, rhs) {
            case (.malformed(let a), .malformed(let b)): a == b
            case (.invalid(let a, let b), .invalid(let c, let d)): a == c && b == d
            case (.invalidFacts(let a), .invalidFacts(let b)): a == b
            case (.nearMiss(let a, let b), .nearMiss(let c, let d)): a == c && b.map(\.id) == d.map(\.id)
            default: false
            }
        }
    }

    private static let fields: Set<String> = ["tool", "use", "date", "requester", "signature", "profile"]

    /// Reads a body with ``JSONReader`` and a hand mapping: no `Codable`, no bridging.
    ///
    /// - Throws: ``Problem/malformed(_:)`` (with line and column) or
    ///   ``Problem/invalid(path:message:)`` naming the field.
    init(mapping bytes: [UInt8]) throws(Problem) {
        let root: JSONNode
        do {
            root = try JSONReader.read(bytes)
        } catch {
            throw Problem.malformed(error)
        }
        try self.init(mapping: root)
    }

    /// Reads a body already parsed by ``JSONReader``.
    ///
    /// - Throws: ``Problem/invalid(path:message:)`` naming the field.
    init(mapping root: JSONNode) throws(Problem) {
        guard let members = root.members else { throw Self.invalid("", "expected an object") }
        if let unknown = members.map(\.key).sorted().first(where: { !Self.fields.contains($0) }) {
            throw Self.invalid(unknown, "unknown field; the body has `tool`, `use`, `date`, `profile` (and `requester`, `signature` for /v1/reply); facts go inside `use`")
        }
        guard let tool = root["tool"] else { throw Self.invalid("", "missing field `tool`") }
        guard case .string(let name) = tool.value else { throw Self.invalid("tool", "expected a string") }
        self.tool = name
        date = try Self.optionalString(root, "date")
        requester = try Self.optionalString(root, "requester")
        signature = try Self.optionalString(root, "signature")
        profile = try Self.optionalString(root, "profile")
        use = [:]
        switch root["use"]?.value {
        case nil, .null?:
            break
        case .object(let facts)?:
            for fact in facts { use[fact.key] = try Self.factValue(fact.value.value, at: "use." + fact.key) }
        default:
            throw Self.invalid("use", "expected an object")
        }
    }

    /// A plain JSON value as a fact value: a string, an integer, true or false, an array of
    /// strings, or null (unknown). A number with no fractional part (`24.0`, `2.4e1`) is
    /// the integer it equals, as JSON Schema reads it.
    private static func factValue(_ value: JSONNode.Value, at path: String) throws(Problem) -> FactValue? {
        switch value {
        case .null:
            return nil
        case .string(let text):
            return .string(text)
        case .integer(let number):
            return .integer(number)
        case .number(let text):
            if let number = Double(text), number.rounded() == number, abs(number) < 0x1p63 { return .integer(Int64(number)) }
        case .bool(let flag):
            return .bool(flag)
        case .array(let items):
            let strings = items.compactMap { item -> String? in if case .string(let text) = item.value { text } else { nil } }
            if strings.count == items.count { return .set(strings) }
        case .object:
            break
        }
        throw invalid(path, "expected a string, an integer, true or false, an array of strings, or null")
    }

    private static func optionalString(_ object: JSONNode, _ key: String) throws(Problem) -> String? {
        switch object[key]?.value {
        case nil, .null?: nil
        case .string(let text)?: text
        default: throw invalid(key, "expected a string")
        }
    }

    private static func invalid(_ path: String, _ what: String) -> Problem {
        .invalid(path: path, message: path.isEmpty ? what : "`\(path)`: \(what)")
    }

    /// The request built against `policy`.
    ///
    /// - Throws: ``Problem/invalidFacts(_:)`` listing every fact that is not declared or
    ///   whose value is outside its type; ``Problem/invalid(path:message:)`` for an empty
    ///   tool or a bad date.
    func useRequest(in policy: Policy) throws(Problem) -> UseRequest {
        try useRequest(in: policy) { policy.nearMisses(of: $0).map { ($0.id, $0.name) } }
    }

    /// The request built against `policy`, with the near misses of a tool name from
    /// `nearMisses` (the server remembers them per name).
    func useRequest(in policy: Policy, nearMisses: (String) -> [(id: String, name: String)]) throws(Problem) -> UseRequest {
        guard !tool.allSatisfy(\.isWhitespace) else { throw Problem.invalid(path: "tool", message: "`tool` is empty") }
        let today = try Self.parseDay(date)
        // A near miss of a listed tool is a typing mistake: ask, with the candidates.
        let candidates = nearMisses(tool)
        if !candidates.isEmpty {
            throw Problem.nearMiss(tool: tool, candidates: candidates)
        }
        let (request, errors) = policy.collectingRequest(tool: tool, facts: use, today: today)
        guard errors.isEmpty else { throw Problem.invalidFacts(errors) }
        return request
    }

    /// `date`, or today in UTC.
    static func parseDay(_ text: String?) throws(Problem) -> CivilDate {
        guard let text else { return .today() }
        guard let day = CivilDate(parsing: text) else {
            throw Problem.invalid(path: "date", message: "`date` takes YYYY-MM-DD (got `\(text)`)")
        }
        return day
    }
}
