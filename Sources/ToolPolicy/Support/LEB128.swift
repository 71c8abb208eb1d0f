extension [UInt8] {
    /// Appends `value` in unsigned LEB128: 7 bits a byte, the low bits first, the high bit
    /// set on every byte but the last (one byte below 128, two below 16,384).
    package mutating func appendLEB128(_ value: UInt) {
        var value = value
        while value >= 0x80 {
            append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        append(UInt8(value))
    }
}
