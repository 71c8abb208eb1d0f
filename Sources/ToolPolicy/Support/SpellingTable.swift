/// An immutable map from short texts to numbers, read without hashing a `String`: the
/// keys' UTF-8 bytes lie in one buffer, found by an FNV-1a hash of the bytes and compared
/// byte for byte. It holds the names of the catalog's tools and, grouped by use fact, the
/// spellings of the facts' values, which every request looks up.
///
/// A class over raw buffers, written by `init` only and freed by `deinit` (hence the
/// unchecked `Sendable`): a lookup retains and copies nothing.
final class SpellingTable: @unchecked Sendable {
    private struct Entry {
        var offset: Int32
        var length: Int32
        var group: Int32
        var value: Int64
    }

    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Open addressing, a power of two long; `length == -1` marks an empty bucket.
    private let buckets: UnsafeMutableBufferPointer<Entry>
    /// The number of keys.
    let count: Int

    /// A table of `pairs`, all in group 0.
    convenience init(_ pairs: some Sequence<(String, Int64)>) {
        self.init(grouped: pairs.map { (0, $0.0, $0.1) })
    }

    /// A table of keys each in a group (a use fact's slot): the same text may stand for
    /// different values in different groups. A key given twice in a group keeps its first
    /// value. Keys are their bytes: `é` and `e` + combining accent are two keys (a miss goes
    /// to the caller's full path, which normalises).
    init(grouped entries: some Sequence<(Int, String, Int64)>) {
        var keys: [(group: Int, bytes: [UInt8], value: Int64)] = []
        var seen = Set<[UInt8]>()
        for (group, key, value) in entries where seen.insert(Array(String(group).utf8) + [0] + Array(key.utf8)).inserted {
            keys.append((group, Array(key.utf8), value))
        }
        var size = 4
        while size < keys.count * 2 { size *= 2 }
        var bytes: [UInt8] = []
        var buckets = Array(repeating: Entry(offset: 0, length: -1, group: 0, value: 0), count: size)
        for key in keys {
            var bucket = key.bytes.withUnsafeBufferPointer { Int(Self.hash($0, group: key.group) & UInt64(size - 1)) }
            while buckets[bucket].length >= 0 { bucket = (bucket + 1) & (size - 1) }
            buckets[bucket] = Entry(offset: Int32(bytes.count), length: Int32(key.bytes.count), group: Int32(key.group), value: key.value)
            bytes += key.bytes
        }
        self.bytes = EvaluationTables.copy(bytes)
        self.buckets = EvaluationTables.copy(buckets)
        count = keys.count
    }

    deinit {
        bytes.deallocate()
        buckets.deallocate()
    }

    /// The value of `key` in `group`, if it is one of the table's texts exactly.
    func value(of key: String, group: Int = 0) -> Int64? {
        if count == 0 { return nil }
        var key = key
        return key.withUTF8 { value(of: $0, group: group) }
    }

    /// The value of the text whose UTF-8 bytes are `key`, in `group`.
    @inline(__always)
    func value(of key: UnsafeBufferPointer<UInt8>, group: Int = 0) -> Int64? {
        let mask = buckets.count - 1
        var bucket = Int(Self.hash(key, group: group) & UInt64(mask))
        while true {
            let entry = buckets[bucket]
            if entry.length < 0 { return nil }
            if Int(entry.length) == key.count, Int(entry.group) == group,
               key.count == 0 || memcmpEqual(bytes.baseAddress! + Int(entry.offset), key.baseAddress!, key.count) {
                return entry.value
            }
            bucket = (bucket + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, group: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: group)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}

/// Whether `count` bytes at `a` and `b` are equal.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for index in 0 ..< count where a[index] != b[index] { return false }
    return true
}
