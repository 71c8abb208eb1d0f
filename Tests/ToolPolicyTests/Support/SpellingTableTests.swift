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
