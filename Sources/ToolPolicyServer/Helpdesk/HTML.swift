import Foundation

/// Escaping for HTML text and attribute values: everything that comes from a request or a
/// rule goes through here before it reaches the page.
enum HTML {
    /// `text` with `& < > " '` replaced by entities, safe in element content and in
    /// double- or single-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

/// A parsed `application/x-www-form-urlencoded` body or query: every value of every name,
/// in order (checkboxes repeat a name).
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// Parses `a=1&b=x+y&b=%C3%A9`.
    init(encoded: String) {
        for part in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(halves[0])
            guard !name.isEmpty else { continue }
            pairs.append((name, halves.count > 1 ? Self.decode(halves[1]) : ""))
        }
    }

    /// The first value of `name`, trimmed; `nil` when absent or blank.
    func value(_ name: String) -> String? {
        pairs.first { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every non-blank value of `name`.
    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
