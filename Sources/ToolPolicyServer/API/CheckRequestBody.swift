import Foundation
import HTTPTypes
import ToolPolicy

/// The body of `POST /v1/check` and `POST /v1/reply`:
/// `{"tool": "zoom", "use": {"mode": "web", "accounts": ["pupils"]}, "date": "2026-11-23"}`.
///
/// `use` has the shape of a decision's `use`, so a decision's `tool.query`, `use` and
/// `date` can be posted again. `/v1/reply` also reads `requester` and `signature`.
struct CheckRequestBody: Decodable, Sendable {
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

    private enum Key: String, CodingKey, CaseIterable {
        case tool, use, date, requester, signature
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(Key.allCases.map(\.rawValue))
        if let unknown = all.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [unknown],
                debugDescription: "unknown field; the body has `tool`, `use`, `date` (and `requester`, `signature` for /v1/reply); facts go inside `use`"
            ))
        }
        let container = try decoder.container(keyedBy: Key.self)
        tool = try container.decode(String.self, forKey: .tool)
        use = try container.decodeIfPresent([String: FactValue?].self, forKey: .use) ?? [:]
        date = try container.decodeIfPresent(String.self, forKey: .date)
        requester = try container.decodeIfPresent(String.self, forKey: .requester)
        signature = try container.decodeIfPresent(String.self, forKey: .signature)
    }

    /// The request built against `policy`.
    ///
    /// - Throws: ``APIError`` 422 listing every fact that is not declared or whose value
    ///   is outside its type, with the allowed values; or naming a bad date.
    func request(in policy: Policy) throws(APIError) -> UseRequest {
        guard !tool.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.unprocessableContent, code: "invalid_request", message: "`tool` is empty", details: ["path": .string("tool")])
        }
        let today = try Self.day(date)
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
