import Testing
@testable import ToolPolicy

/// The byte-compared table that finds a request's tool and values.
@Suite struct SpellingTableTests {
    @Test func findsEveryKeyExactlyAndNothingElse() {
        let keys = (0 ..< 500).map { "clé-\($0)" } + ["", "é", "e\u{301}", "zoom", "Zoom", "pédagogique"]
        let table = SpellingTable(keys.enumerated().map { ($1, Int64($0)) })
        #expect(table.count == keys.count)
        for (index, key) in keys.enumerated() { #expect(table.value(of: key) == Int64(index), "\(key)") }
        // Canonically equal but different bytes are different keys: callers normalise first.
        #expect(table.value(of: "é") != table.value(of: "e\u{301}"))
        for missing in ["clé-500", "clé", "ZOOM", " zoom", "pedagogique", "zoom "] { #expect(table.value(of: missing) == nil, "\(missing)") }
    }

    /// Keys of up to 16 bytes are compared as two words, longer ones byte for byte: keys on
    /// both sides of the boundary, sharing their first 16 bytes, or differing by a NUL byte
    /// the padding would hide, are all told apart.
    @Test func keysAroundTheShortLengthAreToldApart() {
        let stem = "visio-agents-bbb"   // 16 bytes
        let keys = [
            stem, String(stem.dropLast()), stem + "x", stem + "y", stem + "xx", "a", "a\u{0}", "a\u{0}\u{0}",
            "é-pédagogique", "é-pédagogiques", String(repeating: "ü", count: 8), String(repeating: "ü", count: 9),
        ]
        let table = SpellingTable(keys.enumerated().map { ($1, Int64($0)) })
        for (index, key) in keys.enumerated() { #expect(table.value(of: key) == Int64(index), "\(key.utf8.count) bytes: \(key)") }
        for missing in [stem + "z", String(stem.dropLast(2)), "a\u{0}\u{0}\u{0}", "b", String(repeating: "ü", count: 7)] {
            #expect(table.value(of: missing) == nil, "\(missing)")
        }
    }

    /// A short key's words are read with loads that overlap (the last 8 bytes for a key of
    /// 8 to 16 bytes): every length from 0 to 17, keys that differ in one byte only at each
    /// place, and the same text held inline (up to 15 bytes) or in a heap buffer.
    @Test func everyLengthAndEveryByteCounts() {
        let alphabet = Array("abcdefghijklmnopq".utf8)
        var keys: [String] = []
        for length in 0 ... 17 {
            let base = Array(alphabet.prefix(length))
            keys.append(String(decoding: base, as: UTF8.self))
            for place in base.indices {
                var changed = base
                changed[place] = UInt8(ascii: "Z")
                keys.append(String(decoding: changed, as: UTF8.self))
            }
        }
        let table = SpellingTable(keys.enumerated().map { ($1, Int64($0)) })
        #expect(table.count == keys.count)
        for (index, key) in keys.enumerated() {
            #expect(table.value(of: key) == Int64(index), "\(key)")
            // The same bytes in a heap buffer with room to spare, not inline.
            var onHeap = String()
            onHeap.reserveCapacity(64)
            onHeap.append(key)
            #expect(table.value(of: onHeap) == Int64(index), "\(key) (on the heap)")
            #expect(table.value(of: key + "\u{0}") == nil && table.value(of: "Y" + key) == nil, "\(key) and a neighbour")
        }
    }

    @Test func aKeyGivenTwiceKeepsItsFirstValue() {
        let table = SpellingTable([("web", 1), ("web", 2)])
        #expect(table.count == 1 && table.value(of: "web") == 1)
        #expect(SpellingTable([]).value(of: "web") == nil)
    }

    @Test func aKeyIsFoundInItsGroupOnly() {
        let table = SpellingTable(grouped: [(0, "web", 1), (1, "web", 2), (1, "install", 0)])
        #expect(table.value(of: "web", group: 0) == 1 && table.value(of: "web", group: 1) == 2)
        #expect(table.value(of: "install", group: 0) == nil && table.value(of: "web", group: 2) == nil)
    }
}
