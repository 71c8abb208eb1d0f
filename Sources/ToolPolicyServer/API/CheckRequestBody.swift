import Foundation
import HTTPTypes
import ToolPolicy

/// The body of `POST /v1/check` and `POST /v1/reply`:
/// `{"tool": "zoom", "use": {"mode": "web", "accounts": ["pupils"]}, "date": "2026-11-23"}`.
///
/// `use` has the shape of a decision's `use`, so a decision's `tool.query`, `use` and
/// `date` can be posted again. `/v1/reply` also reads `requester` and `signature`.
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

    private static let fields: Set<String> = ["tool", "use", "date", "requester", "signature", "profile"]

    /// Reads a body with ``JSONReader`` and a hand mapping: no `Codable`, no bridging.
    ///
    /// - Throws: ``APIError`` 400 `malformed_json` (with line and column) or 422
    ///   `invalid_request` naming the field.
    init(json bytes: [UInt8]) throws(APIError) {
        let root: JSONNode
        do {
            root = try JSONReader.read(bytes)
        } catch {
            throw APIError.malformedJSON(error)
        }
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
    /// strings, or null (unknown).
    private static func factValue(_ value: JSONNode.Value, at path: String) throws(APIError) -> FactValue? {
        switch value {
        case .null:
            return nil
        case .string(let text):
            return .string(text)
        case .integer(let number):
            return .integer(number)
        case .bool(let flag):
            return .bool(flag)
        case .array(let items):
            let strings = items.compactMap { item -> String? in if case .string(let text) = item.value { text } else { nil } }
            if strings.count == items.count { return .set(strings) }
        case .number, .object:
            break
        }
        throw invalid(path, "expected a string, an integer, true or false, an array of strings, or null")
    }

    private static func optionalString(_ object: JSONNode, _ key: String) throws(APIError) -> String? {
        switch object[key]?.value {
        case nil, .null?: nil
        case .string(let text)?: text
        default: throw invalid(key, "expected a string")
        }
    }

    private static func invalid(_ path: String, _ what: String) -> APIError {
        APIError(.unprocessableContent, code: "invalid_request", message: path.isEmpty ? what : "`\(path)`: \(what)",
                 details: path.isEmpty ? [:] : ["path": .string(path)])
    }

    /// The request built against `policy`.
    ///
    /// - Throws: ``APIError`` 422 listing every fact that is not declared or whose value
    ///   is outside its type, with the allowed values; or naming a bad date.
    func request(in policy: Policy) throws(APIError) -> UseRequest {
        guard !tool.allSatisfy(\.isWhitespace) else {
            throw APIError(.unprocessableContent, code: "invalid_request", message: "`tool` is empty", details: ["path": .string("tool")])
        }
        let today = try Self.day(date)
        // A near miss of a listed tool is a typing mistake: ask, with the candidates.
        let candidates = policy.nearMisses(of: tool)
        if !candidates.isEmpty {
            let names = candidates.map { "\($0.name) (\($0.id))" }.joined(separator: ", or ")
            throw APIError(.unprocessableContent, code: "unknown_tool", message: "`\(tool)` is not in the catalog: did you mean \(names)?",
                           details: ["path": .string("tool"), "candidates": .array(candidates.map {
                               .object(["id": .string($0.id), "name": .string($0.name)])
                           })])
        }
        let (request, errors) = policy.collectingRequest(tool: tool, facts: use, today: today)
        guard errors.isEmpty else { throw APIError.invalidFacts(errors) }
        return request
    }

    /// `date`, or today in UTC.
    static func day(_ text: String?) throws(APIError) -> CivilDate {
        guard let text else { return .today() }
        guard let day = CivilDate(parsing: text) else {
            throw APIError(.unprocessableContent, code: "invalid_request", message: "`date` takes YYYY-MM-DD (got `\(text)`)",
                           details: ["path": .string("date")])
        }
        return day
    }
}

extension APIError {
    /// 422 for facts the policy does not declare or values outside their type.
    static func invalidFacts(_ errors: [RequestError]) -> APIError {
        let items: [JSONValue] = errors.map { error in
            var item: [String: JSONValue] = ["fact": .string(error.fact), "message": .string(error.message), "allowed": .strings(error.allowed)]
            if let hint = error.hint { item["hint"] = .string(hint) }
            return .object(item)
        }
        let message = errors.count == 1 ? errors[0].message : "\(errors.count) facts are invalid: " + errors.map(\.fact).joined(separator: ", ")
        return APIError(.unprocessableContent, code: "invalid_facts", message: message, details: ["errors": .array(items)])
    }
}
