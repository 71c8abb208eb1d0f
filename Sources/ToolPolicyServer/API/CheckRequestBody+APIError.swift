import HTTPTypes
import ToolPolicy

extension CheckRequestBody {
    /// Reads a body, as ``init(mapping:)`` does, for a route.
    ///
    /// - Throws: ``APIError`` 400 `malformed_json` (with line and column) or 422
    ///   `invalid_request` naming the field.
    init(json bytes: [UInt8]) throws(APIError) {
        do { self = try CheckRequestBody(mapping: bytes) } catch { throw APIError(error) }
    }

    /// Reads a body already parsed by ``JSONReader``, as ``init(mapping:)`` does.
    ///
    /// - Throws: ``APIError`` 422 `invalid_request` naming the field.
    init(json root: JSONNode) throws(APIError) {
        do { self = try CheckRequestBody(mapping: root) } catch { throw APIError(error) }
    }

    /// The request built against `policy`, the default or a profile of `loaded`, whose
    /// memo gives the near misses of the tool name.
    ///
    /// - Throws: ``APIError`` 422 listing every fact that is not declared or whose value
    ///   is outside its type, with the allowed values; naming a bad date; or
    ///   `unknown_tool` with the candidates of a near miss.
    func request(in policy: Policy, of loaded: LoadedPolicy) throws(APIError) -> UseRequest {
        do {
            return try useRequest(in: policy) { loaded.nearMisses.nearMisses(of: $0, in: policy) }
        } catch {
            throw APIError(error)
        }
    }

    /// `date`, or today in UTC.
    static func day(_ text: String?) throws(APIError) -> CivilDate {
        do { return try parseDay(text) } catch { throw APIError(error) }
    }
}

extension APIError {
    /// The answer to a body that gives no request.
    init(_ problem: CheckRequestBody.Problem) {
        switch problem {
        case .malformed(let error):
            self = .malformedJSON(error)
        case .invalid(let path, let message):
            self.init(.unprocessableContent, code: "invalid_request", message: message, details: path.isEmpty ? [:] : ["path": .string(path)])
        case .invalidFacts(let errors):
            self = .invalidFacts(errors)
        case .nearMiss(let tool, let candidates):
            let names = candidates.map { "\($0.name) (\($0.id))" }.joined(separator: ", or ")
            self.init(.unprocessableContent, code: "unknown_tool", message: "`\(tool)` is not in the catalog: did you mean \(names)?",
                      details: ["path": .string("tool"), "candidates": .array(candidates.map {
                          .object(["id": .string($0.id), "name": .string($0.name)])
                      })])
        }
    }

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
