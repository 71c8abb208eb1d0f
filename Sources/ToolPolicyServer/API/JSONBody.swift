import Foundation
import HTTPTypes

/// Where a JSON request body broke: malformed JSON is a 400 with its line and column.
enum JSONBody {
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
