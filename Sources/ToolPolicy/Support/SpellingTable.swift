/// An immutable map from short texts to numbers, read without hashing a `String`. A key
/// of up to 16 UTF-8 bytes (nearly all: `web`, `pedagogical`, `zoom`) is held as two
/// words, hashed by two multiplications and compared as two integers; a longer key's bytes
/// lie in one buffer, found by an FNV-1a hash and compared byte for byte. It holds the
/// names of the catalog's tools and, grouped by use fact, the spellings of the facts'
/// values, which every request looks up.
///
/// A class over raw buffers, written by `init` only and freed by `deinit` (hence the
/// unchecked `Sendable`): a lookup retains and copies nothing.
final class SpellingTable: @unchecked Sendable {
    private struct Entry {
        /// A short key's bytes, zero-padded; zero for a long key.
        var words: Words
        var offset: Int32
        var length: Int32
        var group: Int32
        var value: Int64
    }

    /// Up to 16 bytes of a key, zero-padded.
    private struct Words: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
    }

    /// The longest key held as words.
    private static let shortLength = 16

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
        var buckets = Array(repeating: Entry(words: Words(), offset: 0, length: -1, group: 0, value: 0), count: size)
        for key in keys {
            let (hash, words) = key.bytes.withUnsafeBufferPointer { (Self.hash($0, group: key.group), Self.words($0)) }
            var bucket = Int(hash & UInt64(size - 1))
            while buckets[bucket].length >= 0 { bucket = (bucket + 1) & (size - 1) }
            buckets[bucket] = Entry(
                words: words, offset: Int32(bytes.count), length: Int32(key.bytes.count), group: Int32(key.group), value: key.value
            )
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

    /// The value of `key` in `group`, if it is one of the table's texts exactly. Inlined
    /// into its caller, and read in place from the string's UTF-8 (copied only for a
    /// string that is not stored as UTF-8).
    @inline(__always)
    func value(of key: String, group: Int = 0) -> Int64? {
        if count == 0 { return nil }
        if let found = key.utf8.withContiguousStorageIfAvailable({ value(of: $0, group: group) }) { return found }
        var key = key
        return key.withUTF8 { value(of: $0, group: group) }
    }

    /// The value of the text whose UTF-8 bytes are `key`, in `group`.
    @inline(__always)
    func value(of key: UnsafeBufferPointer<UInt8>, group: Int = 0) -> Int64? {
        let mask = buckets.count - 1
        if key.count <= Self.shortLength {
            let words = Self.words(key)
            var bucket = Int(Self.hash(words, count: key.count, group: group) & UInt64(mask))
            while true {
                let entry = buckets[bucket]
                if entry.length < 0 { return nil }
                if entry.words == words, Int(entry.length) == key.count, Int(entry.group) == group { return entry.value }
                bucket = (bucket + 1) & mask
            }
        }
        var bucket = Int(Self.hash(key, group: group) & UInt64(mask))
        while true {
            let entry = buckets[bucket]
            if entry.length < 0 { return nil }
            if Int(entry.length) == key.count, Int(entry.group) == group,
               memcmpEqual(bytes.baseAddress! + Int(entry.offset), key.baseAddress!, key.count) {
                return entry.value
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// A short key's bytes as two zero-padded words (little-endian); zero for a long key.
    @inline(__always)
    private static func words(_ key: UnsafeBufferPointer<UInt8>) -> Words {
        guard key.count <= shortLength, let base = key.baseAddress else { return Words() }
        let start = UnsafeRawPointer(base)
        guard key.count >= 8 else { return Words(low: word(start, key.count)) }
        // Bytes 8 to the end: the last 8 bytes, loaded at once, less the ones already in
        // the first word (none for 16 bytes, all for 8: a shift of 64 gives 0). This load
        // may straddle the two words of an inline string's copy; it still measured faster
        // than the narrower loads it replaces (ToolPolicyBench row D, 152-154 -> 148-149 ns).
        let last = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: key.count - 8, as: UInt64.self))
        return Words(low: UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)), high: last >> UInt64(8 * (16 - key.count)))
    }

    /// `count` bytes (0 to 7) at `start` as one zero-padded word, read without reading past
    /// them: one load of 8, two overlapping loads of 4, or three single bytes. Each load
    /// lies within the 8 bytes, so it is served from a copy just stored there.
    @inline(__always)
    private static func word(_ start: UnsafeRawPointer, _ count: Int) -> UInt64 {
        switch count {
        case 4 ... 7:
            let head = UInt64(UInt32(littleEndian: start.loadUnaligned(as: UInt32.self)))
            let tail = UInt64(UInt32(littleEndian: start.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return head | tail << UInt64(8 * (count - 4))
        case 1 ... 3:
            let bytes = start.assumingMemoryBound(to: UInt8.self)
            let middle = count / 2
            return UInt64(bytes[0]) | UInt64(bytes[middle]) << UInt64(8 * middle) | UInt64(bytes[count - 1]) << UInt64(8 * (count - 1))
        default:
            return 0
        }
    }

    /// The hash of a key: of its words when it is short, else FNV-1a over its bytes.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, group: Int) -> UInt64 {
        if key.count <= shortLength { return hash(words(key), count: key.count, group: group) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: group)
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash ^ (hash >> 29)
    }

    /// A short key's hash: its words, length and group mixed by multiplications.
    @inline(__always)
    private static func hash(_ words: Words, count: Int, group: Int) -> UInt64 {
        var hash = words.low &* 0x9e37_79b9_7f4a_7c15
        hash ^= (words.high ^ UInt64(truncatingIfNeeded: count) ^ UInt64(truncatingIfNeeded: group) << 40) &* 0xc2b2_ae3d_27d4_eb4f
        hash ^= hash >> 31
        hash &*= 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}

/// Whether `count` bytes at `a` and `b` are equal.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for index in 0 ..< count where a[index] != b[index] { return false }
    return true
}
