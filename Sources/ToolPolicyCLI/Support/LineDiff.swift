/// A unified diff of two texts, line by line, as `fmt --check` and `fmt --diff` show it.
enum LineDiff {
    /// The unified diff (`---`/`+++` headers, `@@` hunks with `context` lines around each
    /// change) of `old` and `new`; empty when they are equal.
    static func unified(_ old: String, _ new: String, path: String, context: Int = 2) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(old.hasSuffix("\n") ? 1 : 0)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(new.hasSuffix("\n") ? 1 : 0)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != " " }) else { return "" }
        var out = "--- \(path)\n+++ \(path) (formatted)\n"
        var index = 0
        while index < edits.count {
            guard let change = edits[index...].firstIndex(where: { $0.kind != " " }) else { break }
            var end = change
            // Extend the hunk while the next change is within 2 × context lines.
            while let next = edits[(end + 1)...].firstIndex(where: { $0.kind != " " }), next - end <= 2 * context + 1 { end = next }
            let start = max(index, change - context)
            let stop = min(edits.count, end + context + 1)
            let hunk = edits[start..<stop]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            out += "@@ -\(oldStart),\(hunk.filter { $0.kind != "+" }.count) +\(newStart),\(hunk.filter { $0.kind != "-" }.count) @@\n"
            for edit in hunk { out += "\(edit.kind)\(edit.text)\n" }
            index = stop
        }
        return out
    }

    private struct Edit {
        var kind: Character
        var text: String
        /// The 0-based line of the edit in each text (the next line there, for an insertion or a deletion).
        var oldLine: Int
        var newLine: Int
    }

    /// The edit script from a longest common subsequence (rules files are small).
    private static func script(_ a: ArraySlice<String>, _ b: ArraySlice<String>) -> [Edit] {
        let a = Array(a)
        let b = Array(b)
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: " ", text: a[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(Edit(kind: "-", text: a[i], oldLine: i, newLine: j))
                i += 1
            } else {
                edits.append(Edit(kind: "+", text: b[j], oldLine: i, newLine: j))
                j += 1
            }
        }
        return edits
    }
}
