/// An immutable map from short texts to numbers, read without hashing a `String`: the
/// keys' UTF-8 bytes lie in one buffer, found by an FNV-1a hash of the bytes and compared
/// byte for byte. It holds the spellings of a fact's values and the names of the catalog's
/// tools, which every request looks up.
struct SpellingTable: Sendable {
    private struct Entry: Sendable {
        var offset: Int32
        var length: Int32
        var value: Int64
    }

    private let bytes: [UInt8]
    /// Open addressing, a power of two long; `length == -1` marks an empty bucket.
    private let buckets: [Entry]
    /// The number of keys.
    let count: Int

    /// A table of `pairs`; a key given twice keeps its first value. Keys are their bytes:
    /// `é` and `e` + combining accent are two keys (a miss goes to the caller's full path,
    /// which normalises).
    init(_ pairs: some Sequence<(String, Int64)>) {
        var keys: [(bytes: [UInt8], value: Int64)] = []
        var seen = Set<[UInt8]>()
        for (key, value) in pairs where seen.insert(Array(key.utf8)).inserted { keys.append((Array(key.utf8), value)) }
        var size = 4
        while size < keys.count * 2 { size *= 2 }
        var bytes: [UInt8] = []
        var buckets = Array(repeating: Entry(offset: 0, length: -1, value: 0), count: size)
        for key in keys {
            var bucket = Int(Self.hash(key.bytes) & UInt64(size - 1))
            while buckets[bucket].length >= 0 { bucket = (bucket + 1) & (size - 1) }
            buckets[bucket] = Entry(offset: Int32(bytes.count), length: Int32(key.bytes.count), value: key.value)
            bytes += key.bytes
        }
        self.bytes = bytes
        self.buckets = buckets
        count = keys.count
    }

    /// The value of `key`, if it is one of the table's texts exactly.
    func value(of key: String) -> Int64? {
        if count == 0 { return nil }
        var key = key
        return key.withUTF8 { value(of: $0) }
    }

    /// The value of the text whose UTF-8 bytes are `key`.
    func value(of key: UnsafeBufferPointer<UInt8>) -> Int64? {
        buckets.withUnsafeBufferPointer { buckets in
            bytes.withUnsafeBufferPointer { bytes in
                let mask = buckets.count - 1
                var bucket = Int(Self.hash(key) & UInt64(mask))
                while true {
                    let entry = buckets[bucket]
                    if entry.length < 0 { return nil }
                    if Int(entry.length) == key.count,
                       key.count == 0 || memcmpEqual(bytes.baseAddress! + Int(entry.offset), key.baseAddress!, key.count) {
                        return entry.value
                    }
                    bucket = (bucket + 1) & mask
                }
            }
        }
    }

    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}

/// Whether `count` bytes at `a` and `b` are equal.
@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for index in 0 ..< count where a[index] != b[index] { return false }
    return true
}
