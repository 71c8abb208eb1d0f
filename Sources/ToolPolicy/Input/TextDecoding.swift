/// The text encoding a CSV record was decoded with.
package enum CSVEncoding: String, Sendable {
    /// UTF-8 (the record's bytes were valid UTF-8).
    case utf8
    /// Windows-1252, the fallback for records that are not valid UTF-8 (Excel's "CSV" on Western Windows).
    case windows1252
}

/// Byte-to-text decoding for CSV records.
enum TextDecoding {
    /// The code points of Windows-1252 bytes 0x80–0x9F; the five bytes the code page leaves
    /// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the code point of the same value.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes the fields of one record, which are consecutive slices of `bytes` ending at
    /// `fieldEnds`: as UTF-8 when every field is valid UTF-8, else all as Windows-1252. A
    /// field marked in `skipping` is handed over empty, neither checked nor decoded.
    static func decodeFields(
        _ bytes: UnsafeBufferPointer<UInt8>, fieldEnds: [Int], isASCII: Bool, skipping: [Bool] = []
    ) -> (fields: [String], encoding: CSVEncoding) {
        if !isASCII, !isValidUTF8(bytes, fieldEnds: fieldEnds, skipping: skipping) {
            return (windows1252Fields(bytes, fieldEnds: fieldEnds, skipping: skipping), .windows1252)
        }
        return (utf8Fields(bytes, fieldEnds: fieldEnds, skipping: skipping), .utf8)
    }

    /// Whether field `index` is one `skipping` marks; a mask shorter than the record marks
    /// none of the fields past its end.
    @inline(__always)
    static func isSkipped(_ index: Int, in skipping: [Bool]) -> Bool {
        index < skipping.count && skipping[index]
    }

    private static func utf8Fields(_ bytes: UnsafeBufferPointer<UInt8>, fieldEnds: [Int], skipping: [Bool]) -> [String] {
        var start = 0
        return fieldEnds.indices.map { index in
            let end = fieldEnds[index]
            defer { start = end }
            if isSkipped(index, in: skipping) { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
        }
    }

    /// Transcodes the record's fields once, then slices the result at the shifted field ends.
    private static func windows1252Fields(_ bytes: UnsafeBufferPointer<UInt8>, fieldEnds: [Int], skipping: [Bool]) -> [String] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        var start = 0
        let ends = fieldEnds.indices.map { index in
            let end = fieldEnds[index]
            defer { start = end }
            if !isSkipped(index, in: skipping) {
                appendWindows1252(UnsafeBufferPointer(rebasing: bytes[start ..< end]), asUTF8To: &utf8)
            }
            return utf8.count
        }
        return utf8.withUnsafeBufferPointer { utf8Fields($0, fieldEnds: ends, skipping: skipping) }
    }

    /// Appends the UTF-8 form of Windows-1252 `bytes` to `utf8`; every byte is one character.
    private static func appendWindows1252(_ bytes: UnsafeBufferPointer<UInt8>, asUTF8To utf8: inout [UInt8]) {
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            let value = byte <= 0x9F ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            if value < 0x800 {
                utf8.append(UInt8(0xC0 | value >> 6))
            } else {
                utf8.append(UInt8(0xE0 | value >> 12))
                utf8.append(UInt8(0x80 | (value >> 6) & 0x3F))
            }
            utf8.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Whether every field not skipped (slice of `bytes` ending at `fieldEnds`) is well-formed UTF-8:
    /// no stray continuation bytes, overlong forms, surrogates, or code points past U+10FFFF.
    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, fieldEnds: [Int], skipping: [Bool]) -> Bool {
        var start = 0
        for (field, end) in fieldEnds.enumerated() {
            if isSkipped(field, in: skipping) {
                start = end
                continue
            }
            var index = start
            while index < end {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard let length = InvalidUTF8.sequenceLength(bytes, at: index, end: end) else { return false }
                index += length
            }
            start = end
        }
        return true
    }
}
