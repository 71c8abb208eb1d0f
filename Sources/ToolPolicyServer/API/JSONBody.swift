import Foundation
import HTTPTypes

/// Decoding a JSON request body with errors that say where: malformed JSON is a 400 with
/// its line and column; well-formed JSON of the wrong shape is a 422 naming the field.
enum JSONBody {
    /// Decodes `T` from `bytes`.
    ///
    /// - Throws: ``APIError`` 400 `malformed_json` or 422 `invalid_request`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw malformed(bytes)
        } catch let error as DecodingError {
            throw invalid(error)
        } catch {
            throw APIError.malformedJSON("malformed JSON: \(error)")
        }
    }

    /// The 400 for bytes that are not JSON, with the line and column where parsing stopped.
    static func malformed(_ bytes: [UInt8]) -> APIError {
        guard !bytes.isEmpty else { return .malformedJSON("the body is empty: expected a JSON object", line: 1, column: 1) }
        let description: String
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return .malformedJSON("malformed JSON")
        } catch {
            description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        }
        guard let offset = characterOffset(in: description) else {
            return .malformedJSON("malformed JSON: \(description)")
        }
        let (line, column) = position(ofByte: min(offset, bytes.count), in: bytes)
        let reason = description.replacingOccurrences(of: " around character \(offset)", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return .malformedJSON("malformed JSON at line \(line), column \(column): \(reason)", line: line, column: column)
    }

    /// The 422 for JSON of the wrong shape: which field, and what was expected.
    static func invalid(_ error: DecodingError) -> APIError {
        let (context, expected): (DecodingError.Context, String) = switch error {
        case .typeMismatch(let type, let context): (context, "expected \(JSONBody.describe(type))")
        case .valueNotFound(let type, let context): (context, "expected \(JSONBody.describe(type)), found null")
        case .keyNotFound(let key, let context): (context, "missing field `\(key.stringValue)`")
        case .dataCorrupted(let context): (context, context.debugDescription)
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "\(error)")
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        let what = path.hasPrefix("use.") && !expected.hasPrefix("missing")
            ? "expected a string, an integer, true or false, an array of strings, or null"
            : expected
        var details: [String: JSONValue] = [:]
        if !path.isEmpty { details["path"] = .string(path) }
        return APIError(.unprocessableContent, code: "invalid_request",
                        message: path.isEmpty ? what : "`\(path)`: \(what)", details: details)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "an integer"
        default: String(describing: type).hasPrefix("Dictionary") ? "an object" : "another JSON type"
        }
    }

    /// `N` in Foundation's "… around character N."
    private static func characterOffset(in description: String) -> Int? {
        guard let range = description.range(of: "around character ") else { return nil }
        return Int(description[range.upperBound...].prefix { $0.isNumber })
    }

    /// The 1-based line and column (in characters) of a byte offset.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = before.count { $0 == 0x0A } + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }
}
