/// The encoding of a list's bytes, recognised from their start: a byte order mark, or the
/// NUL bytes that UTF-16 puts next to every ASCII character.
package enum SourceEncoding: Sendable, Hashable {
    /// UTF-8 or Windows-1252 (told apart record by record); `byteOrderMark` when it starts
    /// with EF BB BF.
    case utf8(byteOrderMark: Bool)
    /// UTF-16, little- or big-endian; `byteOrderMark` when it starts with FF FE or FE FF.
    case utf16(bigEndian: Bool, byteOrderMark: Bool)
    /// UTF-32 (its byte order mark): recognised, so that it is refused by name.
    case utf32

    /// How many bytes at the start recognise the encoding (how far `recognise` looks):
    /// enough for a header line of a few columns.
    static let sniffLength = 512

    /// The encoding of `bytes`, from their first ``sniffLength`` bytes. Without a byte order
    /// mark, UTF-16 is recognised when at least half of the 16-bit units have a NUL byte on
    /// the same side and almost none on the other (a header is ASCII, so every unit of it
    /// has a NUL high byte); NUL bytes on both sides (`/dev/zero`) are not UTF-16.
    package static func recognise(_ bytes: some Collection<UInt8>) -> SourceEncoding {
        let head = Array(bytes.prefix(sniffLength))
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32 }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(byteOrderMark: true) }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false, byteOrderMark: true) }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true, byteOrderMark: true) }
        let units = head.count / 2
        guard units >= 2 else { return .utf8(byteOrderMark: false) }
        var evenNULs = 0, oddNULs = 0
        for index in 0 ..< units * 2 where head[index] == 0 {
            if index % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        if oddNULs * 2 >= units, evenNULs * 16 <= units { return .utf16(bigEndian: false, byteOrderMark: false) }
        if evenNULs * 2 >= units, oddNULs * 16 <= units { return .utf16(bigEndian: true, byteOrderMark: false) }
        return .utf8(byteOrderMark: false)
    }

    /// The number of bytes of the byte order mark, skipped before reading.
    package var byteOrderMarkLength: Int {
        switch self {
        case .utf8(let mark): mark ? 3 : 0
        case .utf16(_, let mark): mark ? 2 : 0
        case .utf32: 4
        }
    }

    /// The error for an encoding that is recognised but not read, else `nil`.
    var refusal: CSVError? {
        guard case .utf32 = self else { return nil }
        return CSVError(kind: .unsupportedEncoding("UTF-32"), line: 1, text: LocalizedText(
            fr: "la liste est encodée en UTF-32, un encodage qui n'est pas lu", en: "the list is encoded in UTF-32, which is not read"
        ))
    }
}
