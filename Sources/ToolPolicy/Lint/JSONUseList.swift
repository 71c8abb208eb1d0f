import Foundation

/// Reads a list of uses from JSON: an array of objects, or an object with a `uses` array.
/// Object keys are column names; values are strings, booleans, integers, arrays of
/// strings, or null (unknown).
public enum JSONUseList {
    /// Why a JSON list could not be read at all.
    public struct ReadError: Error, Sendable, Hashable {
        /// What is wrong, with the place when the parser tells it.
        public var message: String
    }

    /// Parses the whole document into entries (rows numbered from 1, no line numbers).
    public static func entries(from data: [UInt8]) throws(ReadError) -> [UseListEntry] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(data), options: [.fragmentsAllowed])
        } catch {
            throw ReadError(message: "malformed JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
        }
        let items: [Any]
        if let array = root as? [Any] {
            items = array
        } else if let object = root as? [String: Any], let uses = object["uses"] as? [Any] {
            items = uses
        } else {
            throw ReadError(message: "expected an array of uses, or an object with a `uses` array")
        }
        return try items.enumerated().map { (offset, item) throws(ReadError) in
            guard let object = item as? [String: Any] else {
                throw ReadError(message: "use #\(offset + 1) is not an object")
            }
            var cells: [String: FactValue?] = [:]
            for (key, value) in object { cells[key] = factValue(value) }
            return UseListEntry(row: offset + 1, line: nil, cells: cells)
        }
    }

    /// Maps a JSON value to a fact value; `nil` for null or an empty string.
    static func factValue(_ value: Any) -> FactValue? {
        switch value {
        case let number as NSNumber where String(describing: type(of: number)).contains("Boolean"):
            return .bool(number.boolValue)
        case let number as NSNumber:
            return .integer(number.int64Value)
        case let text as String:
            return text.isEmpty ? nil : .string(text)
        case let array as [Any]:
            return .set(array.map { "\($0)" })
        default:
            return nil
        }
    }
}
