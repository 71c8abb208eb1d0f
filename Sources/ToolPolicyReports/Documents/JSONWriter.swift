/// Writes compact JSON into a byte buffer by hand, for the documents written on hot paths
/// (every `/v1/check` answer, every lint row). It escapes strings as `JSONEncoder` does with
/// `.withoutEscapingSlashes`, so its output is byte for byte what `JSONOutput` would write.
package struct JSONWriter {
    /// The JSON written so far.
    package private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    package init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends raw JSON text (punctuation, keys already quoted).
    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends JSON already written (a pre-rendered fragment).
    package mutating func append(_ fragment: [UInt8]) {
        bytes.append(contentsOf: fragment)
    }

    /// Appends `"key":` for a key that needs no escaping.
    package mutating func key(_ key: StaticString) {
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x3A])
    }

    /// Appends a string value, quoted and escaped.
    package mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(0x22)
    }

    /// Appends an integer.
    package mutating func integer(_ number: some BinaryInteger) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// Appends `true` or `false`.
    package mutating func bool(_ flag: Bool) {
        if flag { raw("true") } else { raw("false") }
    }

    /// Appends `[item,item,…]`.
    package mutating func array<Element>(_ items: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        bytes.append(0x5B)
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            write(&self, item)
        }
        bytes.append(0x5D)
    }
}
