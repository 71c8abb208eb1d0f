import ToolPolicy

/// A list of numbers kept as the variable-length differences between neighbours (zigzag,
/// then LEB128: 7 bits a byte): a group's rows and lines grow by small steps, so a number
/// costs one or two bytes instead of eight, and a report that names every row of a list of
/// millions keeps a flat memory.
package struct CompactNumbers: Sendable, Sequence {
    private var bytes: [UInt8] = []
    private var last = 0
    /// How many numbers the list holds.
    package private(set) var count = 0

    /// An empty list.
    package init() {}

    /// Appends a number.
    package mutating func append(_ number: Int) {
        let step = number &- last
        bytes.appendLEB128(UInt(bitPattern: (step << 1) ^ (step >> (Int.bitWidth - 1))))
        last = number
        count += 1
    }

    /// The numbers, in the order they were appended.
    package func makeIterator() -> Iterator {
        Iterator(bytes: bytes)
    }

    /// Reads the numbers back.
    package struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var index = 0
        var last = 0

        /// The next number, or `nil` after the last.
        package mutating func next() -> Int? {
            guard index < bytes.count else { return nil }
            var zigzag: UInt = 0
            var shift: UInt = 0
            while true {
                let byte = bytes[index]
                index += 1
                zigzag |= UInt(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            last = last &+ (Int(bitPattern: zigzag >> 1) ^ -Int(bitPattern: zigzag & 1))
            return last
        }
    }
}
