/// Turns UTF-16 bytes into UTF-8 bytes a chunk at a time: a code unit or a surrogate pair
/// split across two chunks is completed with the next one. A lone surrogate becomes
/// U+FFFD, so it shows in the cell rather than vanishing.
struct UTF16Transcoder: Sendable {
    private let bigEndian: Bool
    /// The first byte of a code unit whose second byte is in the next chunk.
    private var pendingByte: UInt8?
    /// A high surrogate waiting for its low surrogate.
    private var pendingHigh: UInt32?

    /// A transcoder for `encoding`, which must be UTF-16.
    init(encoding: SourceEncoding) {
        guard case .utf16(let bigEndian, _) = encoding else { preconditionFailure("not UTF-16: \(encoding)") }
        self.bigEndian = bigEndian
    }

    /// Appends the UTF-8 form of `bytes` to `output`.
    mutating func transcode(_ bytes: some Collection<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count)
        for byte in bytes {
            guard let first = pendingByte else {
                pendingByte = byte
                continue
            }
            pendingByte = nil
            unit(bigEndian ? UInt32(first) << 8 | UInt32(byte) : UInt32(byte) << 8 | UInt32(first), into: &output)
        }
    }

    /// Ends the input: a dangling byte or high surrogate becomes U+FFFD.
    mutating func finish(into output: inout [UInt8]) {
        if pendingHigh != nil || pendingByte != nil { append(0xFFFD, to: &output) }
        pendingHigh = nil
        pendingByte = nil
    }

    private mutating func unit(_ value: UInt32, into output: inout [UInt8]) {
        switch value {
        case 0xD800 ... 0xDBFF:
            if pendingHigh != nil { append(0xFFFD, to: &output) }
            pendingHigh = value
        case 0xDC00 ... 0xDFFF:
            if let high = pendingHigh {
                append(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00), to: &output)
                pendingHigh = nil
            } else {
                append(0xFFFD, to: &output)
            }
        default:
            if pendingHigh != nil {
                append(0xFFFD, to: &output)
                pendingHigh = nil
            }
            append(value, to: &output)
        }
    }

    private func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
