/// Why bytes are not a JSON document, and where: the 1-based line and column (in
/// characters) of the first byte that does not fit.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    /// What is wrong (`expected `,` or `}` after a member`).
    package var message: String
    /// The 1-based line.
    package var line: Int
    /// The 1-based column, counted in characters.
    package var column: Int

    /// Creates an error.
    package init(message: String, line: Int, column: Int) {
        self.message = message
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
        guard index < bytes.count else { throw error("the document is empty: expected a JSON value") }
        let node = try value()
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected \(found()) after the end of the document") }
        return node
    }

    // MARK: Values

    mutating func value() throws(JSONSyntaxError) -> JSONNode {
        let startLine = line
        guard index < bytes.count else { throw error("unexpected end of the document: expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try object(), line: startLine)
        case UInt8(ascii: "["): return JSONNode(try array(), line: startLine)
        case UInt8(ascii: "\""): return JSONNode(.string(try string()), line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(try number(), line: startLine)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(.bool(true), line: startLine)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(.bool(false), line: startLine)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(.null, line: startLine)
        default: throw error("unexpected \(found()): expected a value (an object, an array, a string, a number, true, false or null)")
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
                if peek(UInt8(ascii: "}")) { throw error("a comma before `}`: JSON allows no trailing comma") }
                throw error("unexpected \(found()): expected a key in double quotes")
            }
            let keyStart = (index, line, lineStart)
            let key = try string()
            guard keys.insert(key).inserted else {
                (index, line, lineStart) = keyStart
                throw error("the key `\(key)` appears twice in this object")
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("unexpected \(found()): expected `:` after the key `\(key)`") }
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
            throw error("unexpected \(found()): expected `,` or `}` after the value of `\(key)`")
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
            if peek(UInt8(ascii: "]")) { throw error("a comma before `]`: JSON allows no trailing comma") }
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
            throw error("unexpected \(found()): expected `,` or `]` after item \(items.count)")
        }
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= JSONReader.maximumDepth else {
            throw error("arrays and objects are nested deeper than \(JSONReader.maximumDepth) levels")
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
        guard matches else { throw error("unexpected \(found()): expected a value (did you mean `\(word)`?)") }
        index += expected.count
    }

    // MARK: Numbers

    mutating func number() throws(JSONSyntaxError) -> JSONNode.Value {
        let start = index
        var isInteger = true
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
            if peekDigit() { throw error("a number cannot start with 0 followed by digits") }
        } else {
            guard peekDigit() else { throw error("unexpected \(found()): expected a digit") }
            skipDigits()
        }
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            index += 1
            guard peekDigit() else { throw error("unexpected \(found()): expected a digit after the decimal point") }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard peekDigit() else { throw error("unexpected \(found()): expected a digit in the exponent") }
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
            if byte < 0x20 { throw error(controlCharacterMessage(byte)) }
            index += 1
        }
        throw error("unterminated string: expected a closing `\"` before the end of the document")
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
                throw error(controlCharacterMessage(byte))
            default:
                index += 1
            }
        }
        throw error("unterminated string: expected a closing `\"` before the end of the document")
    }

    /// One escape sequence from its backslash.
    mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        index += 1
        guard index < bytes.count else { throw error("unterminated string: expected a closing `\"` before the end of the document") }
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
            throw error("invalid escape `\\\(Character(Unicode.Scalar(letter)))`: a string allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
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
            throw error("a \\u escape of a high surrogate must be followed by one of a low surrogate")
        }
        guard let scalar = Unicode.Scalar(first) else {
            index = escapeStart
            throw error("a \\u escape of a low surrogate must follow one of a high surrogate")
        }
        return scalar
    }

    mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else {
                throw error("unexpected \(found()): a \\u escape takes four hexadecimal digits")
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
        throw error("a string holds bytes that are not UTF-8: save the document as UTF-8")
    }

    func controlCharacterMessage(_ byte: UInt8) -> String {
        byte == 0x0A
            ? "a line break inside a string: write it as \\n, or close the string with `\"`"
            : "a control character (U+\(String(byte, radix: 16, uppercase: true).leftPadded(to: 4))) inside a string: escape it"
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

    /// The character at the current position, quoted, or "end of the document".
    func found() -> String {
        guard index < bytes.count else { return "end of the document" }
        let end = min(bytes.count, index + 4)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        guard let character = text.first, character != "\u{FFFD}" else { return "byte 0x\(String(bytes[index], radix: 16, uppercase: true))" }
        return character == "`" ? "'`'" : "`\(character)`"
    }

    /// An error at the current position.
    func error(_ message: String) -> JSONSyntaxError {
        let before = UnsafeBufferPointer(rebasing: bytes[lineStart..<min(index, bytes.count)])
        let column = String(decoding: before, as: UTF8.self).count + 1
        return JSONSyntaxError(message: message, line: line, column: column)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
