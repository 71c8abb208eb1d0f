/// Turns values written by people (a CSV cell, a CLI option, a JSON value) into typed
/// fact values, or says why it cannot. An `integer` fact is a count: 0 or more.
enum FactValueParser {
    /// Words read as `true` and `false`, in English and French.
    static let trueWords: Set<String> = ["true", "yes", "y", "1", "oui", "vrai", "o"]
    static let falseWords: Set<String> = ["false", "no", "n", "0", "non", "faux"]

    /// Coerces a value to the declaration's type. Returns `nil` for an empty value (unknown).
    ///
    /// - Throws: ``RequestError`` when the value does not fit the type.
    static func coerce(_ value: FactValue, to declaration: FactDeclaration) throws(RequestError) -> FactValue? {
        switch (value, declaration.type) {
        case (.string(let text), _), (.enumeration(let text), _):
            return try parse(text, as: declaration)
        case (.integer(let number), .integer):
            guard number >= 0 else { throw RequestError.negativeCount(value.spelling, for: declaration) }
            return value
        case (.bool, .bool), (.date, .date):
            return value
        case (.integer(let number), .bool) where number == 0 || number == 1:
            return .bool(number == 1)
        case (.set(let values), .setOf):
            return try parse(values.joined(separator: ","), as: declaration)
        default:
            throw RequestError.invalidValue(value.spelling, for: declaration)
        }
    }

    /// Parses text against the declaration's type. Returns `nil` for empty text (unknown).
    static func parse(_ raw: String, as declaration: FactDeclaration) throws(RequestError) -> FactValue? {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return nil }
        switch declaration.type {
        case .bool:
            let word = text.lowercased()
            if trueWords.contains(word) { return .bool(true) }
            if falseWords.contains(word) { return .bool(false) }
        case .integer:
            if let number = Int64(text) {
                guard number >= 0 else { throw RequestError.negativeCount(text, for: declaration) }
                return .integer(number)
            }
            if text.allSatisfy(\.isASCIIDigit) { throw RequestError.countTooLarge(text, for: declaration) }
        case .date:
            if let date = CivilDate(parsing: text) { return .date(date) }
        case .string:
            return .string(text)
        case .oneOf(let values):
            if let value = match(text, in: values, aliases: declaration.valueAliases) { return .enumeration(value) }
        case .setOf(let values):
            var chosen = Set<String>()
            for part in text.split(whereSeparator: { $0 == "," || $0 == "|" }) {
                let item = String(part).trimmingWhitespace()
                if item.isEmpty { continue }
                guard let value = match(item, in: values, aliases: declaration.valueAliases) else {
                    throw RequestError.invalidValue(item, for: declaration)
                }
                chosen.insert(value)
            }
            return .set(values.filter(chosen.contains))
        }
        throw RequestError.invalidValue(text, for: declaration)
    }

    /// The declared value that `text` names, or one of its declared other names
    /// (`pédagogique`), ignoring case, accents and `-`/`_`/space differences.
    private static func match(_ text: String, in values: [String], aliases: [String: String]) -> String? {
        if values.contains(text) { return text }
        let key = ToolName.normalize(text)
        return values.first { ToolName.normalize($0) == key } ?? aliases[key]
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (any Unicode
    /// white space); ASCII-only text, the common case, is trimmed on its bytes.
    func trimmingWhitespace() -> String {
        let bytes = utf8
        guard let firstByte = bytes.first, let lastByte = bytes.last else { return self }
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        if firstByte < 0x80, lastByte < 0x80, !isASCIISpace(firstByte), !isASCIISpace(lastByte) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension RequestError {
    /// A number below 0 for an `integer` fact, which is a count.
    static func negativeCount(_ text: String, for declaration: FactDeclaration) -> RequestError {
        RequestError(
            fact: declaration.name,
            text: LocalizedText(fr: "« \(text) » n'est pas une valeur possible pour « \(declaration.label(in: .fr)) » : un nombre est 0 ou plus",
                                en: "`\(text)` is not a valid value for `\(declaration.qualifiedName)`: a count must be 0 or more"),
            allowed: [], hintText: .countHint
        )
    }

    /// Digits too many for a 64-bit count.
    static func countTooLarge(_ text: String, for declaration: FactDeclaration) -> RequestError {
        RequestError(
            fact: declaration.name,
            text: LocalizedText(fr: "« \(text) » n'est pas une valeur possible pour « \(declaration.label(in: .fr)) » : un nombre est au plus \(Int64.max)",
                                en: "`\(text)` is not a valid value for `\(declaration.qualifiedName)`: a count must be at most \(Int64.max)"),
            allowed: [], hintText: .countHint
        )
    }
}

extension LocalizedText {
    /// How to write a count.
    static let countHint = LocalizedText(fr: "écrivez combien, en chiffres seulement, par exemple 25",
                                         en: "write how many, with digits only, e.g. 25")
}
