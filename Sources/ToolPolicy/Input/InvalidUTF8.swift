/// Where bytes stop being UTF-8: the first byte that does not fit, with its line and
/// column, so that an error can point at it.
package struct InvalidUTF8: Sendable, Hashable {
    /// The 0-based offset of the byte.
    package var offset: Int
    /// The byte itself.
    package var byte: UInt8
    /// The 1-based line of the byte.
    package var line: Int
    /// The 1-based column of the byte, counted in characters (`é` is one column).
    package var column: Int

    /// The byte in hex, as `0xE9`.
    package var hex: String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    /// The first byte of `bytes` that is not part of well-formed UTF-8 (no stray
    /// continuation byte, overlong form, surrogate or code point past U+10FFFF), or `nil`
    /// when all of them are.
    package static func find(in bytes: [UInt8]) -> InvalidUTF8? {
        var index = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
                continue
            }
            guard let length = bytes.withUnsafeBufferPointer({ sequenceLength($0, at: index, end: $0.count) }) else {
                let column = String(decoding: bytes[lineStart ..< index], as: UTF8.self).count + 1
                return InvalidUTF8(offset: index, byte: lead, line: line, column: column)
            }
            index += length
        }
        return nil
    }

    /// The length of the well-formed multi-byte sequence at `index`, ending before `end`,
    /// or `nil`. The one UTF-8 check of the core: the CSV
    /// decoder uses it too.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80 ... 0xBF
        switch bytes[index] {
        case 0xC2 ... 0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0 ... 0xBF
        case 0xED: length = 3; secondRange = 0x80 ... 0x9F
        case 0xE1 ... 0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90 ... 0xBF
        case 0xF4: length = 4; secondRange = 0x80 ... 0x8F
        case 0xF1 ... 0xF3: length = 4
        default: return nil
        }
        guard end - index >= length, secondRange.contains(bytes[index + 1]) else { return nil }
        for offset in 2 ..< length where bytes[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
