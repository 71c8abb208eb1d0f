/// Why bytes are not a JSON document, and where: the 1-based line and column (in
/// characters) of the first byte that does not fit.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    /// What the reader found where it stopped: a character, a byte that is not UTF-8, or
    /// the end of the document.
    package enum Found: Sendable, Hashable {
        /// A character.
        case character(Character)
        /// A byte that does not start a UTF-8 character.
        case byte(UInt8)
        /// The end of the document.
        case end

        /// `` unexpected `]` `` / `caractère « ] » inattendu`.
        var unexpected: LocalizedText {
            switch self {
            case .character(let character):
                LocalizedText(fr: "caractère « \(character) » inattendu", en: character == "`" ? "unexpected '`'" : "unexpected `\(character)`")
            case .byte(let byte):
                LocalizedText(fr: "octet 0x\(String(byte, radix: 16, uppercase: true)) inattendu",
                              en: "unexpected byte 0x\(String(byte, radix: 16, uppercase: true))")
            case .end:
                LocalizedText(fr: "fin du document inattendue", en: "unexpected end of the document")
            }
        }
    }

    /// Where a digit was expected in a number.
    package enum DigitPlace: Sendable, Hashable {
        /// After the sign, at the start of the number.
        case start
        /// After the decimal point.
        case fraction
        /// In the exponent, after `e` and its sign.
        case exponent
    }

    /// What is wrong, one case per mistake the reader tells apart.
    package enum Problem: Sendable, Hashable {
        /// Nothing but whitespace.
        case emptyDocument
        /// Something after the one value of the document.
        case afterDocument(Found)
        /// The document ends where a value should be.
        case valueMissing
        /// Something that does not start a value where a value should be.
        case expectedValue(Found)
        /// A comma just before `}` or `]` (the closing character).
        case trailingComma(before: Character)
        /// Something else than a key where an object's key should be.
        case expectedKey(Found)
        /// A key written twice in one object.
        case duplicateKey(String)
        /// Something else than `:` after the key.
        case expectedColon(Found, key: String)
        /// Something else than `,` or `}` after the value of the key.
        case expectedMemberEnd(Found, key: String)
        /// Something else than `,` or `]` after the item at this 1-based position.
        case expectedItemEnd(Found, item: Int)
        /// Arrays and objects nested deeper than the limit.
        case tooDeep(limit: Int)
        /// A letter starting `true`, `false` or `null` (the word), but not that word.
        case misspeltLiteral(Found, word: String)
        /// A number starting with 0 followed by digits.
        case leadingZero
        /// Something else than a digit where a number needs one.
        case expectedDigit(Found, DigitPlace)
        /// A string still open at the end of the document.
        case unterminatedString
        /// A backslash followed by this letter, which escapes nothing.
        case invalidEscape(Character)
        /// A `\u` escape of a high surrogate not followed by one of a low surrogate.
        case loneHighSurrogate
        /// A `\u` escape of a low surrogate not after one of a high surrogate.
        case loneLowSurrogate
        /// Something else than a hexadecimal digit in a `\u` escape.
        case expectedHexDigit(Found)
        /// Bytes that are not UTF-8 inside a string.
        case notUTF8
        /// A raw line break inside a string.
        case lineBreakInString
        /// A raw control character (this byte) inside a string.
        case controlCharacter(UInt8)

        /// What is wrong, in French and English.
        package var text: LocalizedText {
            switch self {
            case .emptyDocument:
                LocalizedText(fr: "le document est vide : une valeur JSON était attendue", en: "the document is empty: expected a JSON value")
            case .afterDocument(let found):
                found.unexpected.appending(fr: " après la fin du document", en: " after the end of the document")
            case .valueMissing:
                LocalizedText(fr: "fin du document inattendue : une valeur était attendue", en: "unexpected end of the document: expected a value")
            case .expectedValue(let found):
                found.unexpected.appending(
                    fr: " : une valeur était attendue (un objet, un tableau, une chaîne, un nombre, true, false ou null)",
                    en: ": expected a value (an object, an array, a string, a number, true, false or null)"
                )
            case .trailingComma(let closing):
                LocalizedText(fr: "une virgule avant « \(closing) » : JSON n'accepte pas de virgule finale",
                              en: "a comma before `\(closing)`: JSON allows no trailing comma")
            case .expectedKey(let found):
                found.unexpected.appending(fr: #" : une clé entre guillemets droits ("…") était attendue"#, en: ": expected a key in double quotes")
            case .duplicateKey(let key):
                LocalizedText(fr: "la clé « \(key) » apparaît deux fois dans cet objet", en: "the key `\(key)` appears twice in this object")
            case .expectedColon(let found, let key):
                found.unexpected.appending(fr: " : « : » était attendu après la clé « \(key) »", en: ": expected `:` after the key `\(key)`")
            case .expectedMemberEnd(let found, let key):
                found.unexpected.appending(fr: " : « , » ou « } » était attendu après la valeur de « \(key) »",
                                        en: ": expected `,` or `}` after the value of `\(key)`")
            case .expectedItemEnd(let found, let item):
                found.unexpected.appending(fr: " : « , » ou « ] » était attendu après l'élément \(item)", en: ": expected `,` or `]` after item \(item)")
            case .tooDeep(let limit):
                LocalizedText(fr: "les tableaux et les objets sont imbriqués sur plus de \(limit) niveaux",
                              en: "arrays and objects are nested deeper than \(limit) levels")
            case .misspeltLiteral(let found, let word):
                found.unexpected.appending(fr: " : une valeur était attendue (vouliez-vous dire « \(word) » ?)",
                                        en: ": expected a value (did you mean `\(word)`?)")
            case .leadingZero:
                LocalizedText(fr: "un nombre ne peut pas commencer par 0 suivi de chiffres", en: "a number cannot start with 0 followed by digits")
            case .expectedDigit(let found, .start):
                found.unexpected.appending(fr: " : un chiffre était attendu", en: ": expected a digit")
            case .expectedDigit(let found, .fraction):
                found.unexpected.appending(fr: " : un chiffre était attendu après le point décimal", en: ": expected a digit after the decimal point")
            case .expectedDigit(let found, .exponent):
                found.unexpected.appending(fr: " : un chiffre était attendu dans l'exposant", en: ": expected a digit in the exponent")
            case .unterminatedString:
                LocalizedText(fr: "chaîne non fermée : un « \" » fermant était attendu avant la fin du document",
                              en: "unterminated string: expected a closing `\"` before the end of the document")
            case .invalidEscape(let letter):
                LocalizedText(fr: "échappement « \\\(letter) » invalide : une chaîne accepte \\\" \\\\ \\/ \\b \\f \\n \\r \\t et \\uXXXX",
                              en: "invalid escape `\\\(letter)`: a string allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
            case .loneHighSurrogate:
                LocalizedText(fr: "un échappement \\u de demi-codet haut doit être suivi d'un échappement de demi-codet bas",
                              en: "a \\u escape of a high surrogate must be followed by one of a low surrogate")
            case .loneLowSurrogate:
                LocalizedText(fr: "un échappement \\u de demi-codet bas doit suivre un échappement de demi-codet haut",
                              en: "a \\u escape of a low surrogate must follow one of a high surrogate")
            case .expectedHexDigit(let found):
                found.unexpected.appending(fr: " : un échappement \\u prend quatre chiffres hexadécimaux", en: ": a \\u escape takes four hexadecimal digits")
            case .notUTF8:
                LocalizedText(fr: "une chaîne contient des octets qui ne sont pas de l'UTF-8 : enregistrez le document en UTF-8",
                              en: "a string holds bytes that are not UTF-8: save the document as UTF-8")
            case .lineBreakInString:
                LocalizedText(fr: "un saut de ligne dans une chaîne : écrivez-le \\n, ou fermez la chaîne par « \" »",
                              en: "a line break inside a string: write it as \\n, or close the string with `\"`")
            case .controlCharacter(let byte):
                LocalizedText(fr: "un caractère de contrôle (U+\(Self.hex(byte))) dans une chaîne : échappez-le",
                              en: "a control character (U+\(Self.hex(byte))) inside a string: escape it")
            }
        }

        private static func hex(_ byte: UInt8) -> String {
            String(byte, radix: 16, uppercase: true).leftPadded(to: 4)
        }
    }

    /// What is wrong.
    package var problem: Problem
    /// The 1-based line.
    package var line: Int
    /// The 1-based column, counted in characters.
    package var column: Int

    /// What is wrong, in English (`expected `,` or `}` after a member`).
    package var message: String { problem.text.text(in: .en) }
    /// What is wrong, in French and English.
    package var text: LocalizedText { problem.text }

    /// Creates an error.
    package init(_ problem: Problem, line: Int, column: Int) {
        self.problem = problem
        self.line = line
        self.column = column
    }
}

/// A strict RFC 8259 JSON reader with positions, for request bodies and school lists.
///
/// Strict where Foundation is lenient: no trailing commas, no duplicate keys, no
/// comments, valid UTF-8 only, one document per input. Nesting is limited to
/// ``maximumDepth`` levels so that a hostile body cannot exhaust the stack.
package enum JSONReader {
    /// The deepest nesting of arrays and objects accepted.
    package static let maximumDepth = 64

    /// Reads one JSON document (any value; whitespace around it is allowed).
    ///
    /// - Throws: ``JSONSyntaxError`` at the first byte that does not fit.
    package static func read(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            var parser = JSONParser(bytes: buffer)
            return try parser.document()
        }
    }
}

/// The reader's state: a position in the bytes, the current line, the nesting depth.
private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
    }

    mutating func document() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        guard index < bytes.count else { throw error(.emptyDocument) }
        let node = try value()
        skipWhitespace()
        guard index == bytes.count else { throw error(.afterDocument(found())) }
        return node
    }

    // MARK: Values

    mutating func value() throws(JSONSyntaxError) -> JSONNode {
        let startLine = line
        guard index < bytes.count else { throw error(.valueMissing) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try object(), line: startLine)
        case UInt8(ascii: "["): return JSONNode(try array(), line: startLine)
        case UInt8(ascii: "\""): return JSONNode(.string(try string()), line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(try number(), line: startLine)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(.bool(true), line: startLine)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(.bool(false), line: startLine)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(.null, line: startLine)
        default: throw error(.expectedValue(found()))
        }
    }

    mutating func object() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        index += 1
        var members: [JSONNode.Member] = []
        var keys = Set<String>()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            leave()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                if peek(UInt8(ascii: "}")) { throw error(.trailingComma(before: "}")) }
                throw error(.expectedKey(found()))
            }
            let keyStart = (index, line, lineStart)
            let key = try string()
            guard keys.insert(key).inserted else {
                (index, line, lineStart) = keyStart
                throw error(.duplicateKey(key))
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error(.expectedColon(found(), key: key)) }
            index += 1
            skipWhitespace()
            members.append(JSONNode.Member(key: key, value: try value()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            if peek(UInt8(ascii: "}")) {
                leave()
                return .object(members)
            }
            throw error(.expectedMemberEnd(found(), key: key))
        }
    }

    mutating func array() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            leave()
            return .array(items)
        }
        while true {
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { throw error(.trailingComma(before: "]")) }
            items.append(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            if peek(UInt8(ascii: "]")) {
                leave()
                return .array(items)
            }
            throw error(.expectedItemEnd(found(), item: items.count))
        }
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= JSONReader.maximumDepth else {
            throw error(.tooDeep(limit: JSONReader.maximumDepth))
        }
    }

    /// Steps over the closing `}` or `]` of the array or object being read.
    mutating func leave() {
        index += 1
        depth -= 1
    }

    mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let expected = word.utf8
        let matches = index + expected.count <= bytes.count && bytes[index..<index + expected.count].elementsEqual(expected)
        guard matches else { throw error(.misspeltLiteral(found(), word: word)) }
        index += expected.count
    }

    // MARK: Numbers

    mutating func number() throws(JSONSyntaxError) -> JSONNode.Value {
        let start = index
        var isInteger = true
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
            if peekDigit() { throw error(.leadingZero) }
        } else {
            guard peekDigit() else { throw error(.expectedDigit(found(), .start)) }
            skipDigits()
        }
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            index += 1
            guard peekDigit() else { throw error(.expectedDigit(found(), .fraction)) }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard peekDigit() else { throw error(.expectedDigit(found(), .exponent)) }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        return .number(text)
    }

    func peekDigit() -> Bool {
        index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
    }

    mutating func skipDigits() {
        while peekDigit() { index += 1 }
    }

    // MARK: Strings

    /// A string from its opening quote. Strings without escapes are decoded in one step.
    mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try decode(start..<index)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw error(controlCharacterProblem(byte)) }
            index += 1
        }
        throw error(.unterminatedString)
    }

    /// The rest of a string that holds escapes, from its first content byte.
    mutating func escapedString(from start: Int) throws(JSONSyntaxError) -> String {
        var text = try decode(start..<index)
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                text += try decode(runStart..<index)
                index += 1
                return text
            case UInt8(ascii: "\\"):
                text += try decode(runStart..<index)
                text.unicodeScalars.append(try escape())
                runStart = index
            case ..<0x20:
                throw error(controlCharacterProblem(byte))
            default:
                index += 1
            }
        }
        throw error(.unterminatedString)
    }

    /// One escape sequence from its backslash.
    mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        index += 1
        guard index < bytes.count else { throw error(.unterminatedString) }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try unicodeEscape()
        default:
            index -= 2
            throw error(.invalidEscape(Character(Unicode.Scalar(letter))))
        }
    }

    /// `\uXXXX`, or a surrogate pair of two of them, after the `u`.
    mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let escapeStart = index - 2
        let first = try hexQuad()
        if (0xD800..<0xDC00).contains(first) {
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let second = try hexQuad()
                if (0xDC00..<0xE000).contains(second),
                   let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                    return scalar
                }
            }
            index = escapeStart
            throw error(.loneHighSurrogate)
        }
        guard let scalar = Unicode.Scalar(first) else {
            index = escapeStart
            throw error(.loneLowSurrogate)
        }
        return scalar
    }

    mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else {
                throw error(.expectedHexDigit(found()))
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Bytes of a string as text; they must be UTF-8.
    mutating func decode(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if let text = String(validating: slice, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = slice.makeIterator()
        var offset = range.lowerBound
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        index = offset
        throw error(.notUTF8)
    }

    func controlCharacterProblem(_ byte: UInt8) -> JSONSyntaxError.Problem {
        byte == 0x0A ? .lineBreakInString : .controlCharacter(byte)
    }

    // MARK: Whitespace and positions

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    /// What is at the current position: a character, a byte that is not UTF-8, or the end.
    func found() -> JSONSyntaxError.Found {
        guard index < bytes.count else { return .end }
        let end = min(bytes.count, index + 4)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        guard let character = text.first, character != "\u{FFFD}" else { return .byte(bytes[index]) }
        return .character(character)
    }

    /// An error at the current position.
    func error(_ problem: JSONSyntaxError.Problem) -> JSONSyntaxError {
        let before = UnsafeBufferPointer(rebasing: bytes[lineStart..<min(index, bytes.count)])
        let column = String(decoding: before, as: UTF8.self).count + 1
        return JSONSyntaxError(problem, line: line, column: column)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
