import Foundation

/// A small TextMate tokenizer (match rules, begin/end rules with inner patterns, captures,
/// `include` from the repository), enough to run `docs/editor/toolpolicy.tmLanguage.json`
/// the way an editor does and compare its scopes with the core lexer's tokens.
struct TextMateTokenizer {
    indirect enum Pattern {
        case match(NSRegularExpression, name: String?, captures: [Int: String])
        case block(begin: NSRegularExpression, end: NSRegularExpression, name: String, inner: [Pattern])
    }

    struct GrammarError: Error, CustomStringConvertible {
        var description: String
    }

    let patterns: [Pattern]

    init(grammar url: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let repository = object["repository"] as? [String: Any] ?? [:]
        func regex(_ source: String) throws -> NSRegularExpression {
            try NSRegularExpression(pattern: source, options: [.anchorsMatchLines])
        }
        func captures(_ value: Any?) -> [Int: String] {
            var result: [Int: String] = [:]
            for (key, entry) in value as? [String: Any] ?? [:] {
                if let index = Int(key), let name = (entry as? [String: Any])?["name"] as? String { result[index] = name }
            }
            return result
        }
        func compile(_ list: [Any]) throws -> [Pattern] {
            var out: [Pattern] = []
            for case let rule as [String: Any] in list {
                if let include = rule["include"] as? String {
                    guard include.hasPrefix("#"), let target = repository[String(include.dropFirst())] else {
                        throw GrammarError(description: "unresolved include \(include)")
                    }
                    out += try compile([target])
                } else if let match = rule["match"] as? String {
                    out.append(.match(try regex(match), name: rule["name"] as? String, captures: captures(rule["captures"])))
                } else if let begin = rule["begin"] as? String, let end = rule["end"] as? String {
                    out.append(.block(begin: try regex(begin), end: try regex(end), name: rule["name"] as? String ?? "",
                                      inner: try compile(rule["patterns"] as? [Any] ?? [])))
                } else if let nested = rule["patterns"] as? [Any] {
                    out += try compile(nested)
                }
            }
            return out
        }
        patterns = try compile(object["patterns"] as? [Any] ?? [])
    }

    /// The scopes of each UTF-16 unit of each line (outermost first), lines split on `\n`.
    func scopes(of text: String) -> [[[String]]] {
        var open: (name: String, end: NSRegularExpression, inner: [Pattern])?
        var result: [[[String]]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let string = String(line) as NSString
            var units = Array(repeating: [String](), count: string.length)
            func mark(_ range: NSRange, _ name: String) {
                guard range.location != NSNotFound else { return }
                for index in range.location ..< range.location + range.length { units[index].append(name) }
            }
            var position = 0
            while position <= string.length {
                let candidates = open.map { [Pattern.match($0.end, name: nil, captures: [:])] + $0.inner } ?? patterns
                var best: (index: Int, match: NSTextCheckingResult)?
                for (index, pattern) in candidates.enumerated() {
                    let expression: NSRegularExpression = switch pattern {
                    case .match(let regex, _, _): regex
                    case .block(let begin, _, _, _): begin
                    }
                    let range = NSRange(location: position, length: string.length - position)
                    guard let match = expression.firstMatch(in: string as String, options: [.withTransparentBounds, .withoutAnchoringBounds], range: range)
                    else { continue }
                    if best == nil || match.range.location < best!.match.range.location { best = (index, match) }
                }
                guard let (index, match) = best else { break }
                if let current = open { mark(NSRange(location: position, length: match.range.location - position), current.name) }
                if let current = open, index == 0 {
                    mark(match.range, current.name)
                    open = nil
                } else {
                    switch candidates[index] {
                    case .match(_, let name, let captures):
                        if let current = open { mark(match.range, current.name) }
                        if let name { mark(match.range, name) }
                        for (group, captureName) in captures where group < match.numberOfRanges { mark(match.range(at: group), captureName) }
                    case .block(_, let end, let name, let inner):
                        mark(match.range, name)
                        open = (name, end, inner)
                    }
                }
                position = max(match.range.location + match.range.length, position + (match.range.length == 0 ? 1 : 0))
            }
            if let current = open, position < string.length {
                mark(NSRange(location: position, length: string.length - position), current.name)
            }
            result.append(units)
        }
        return result
    }
}
