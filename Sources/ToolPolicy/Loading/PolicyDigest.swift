/// The digest that identifies a policy's source: `sha256:` of its normalised text.
enum PolicyDigest {
    /// Files sorted by path relative to the policy's folder; each contributes
    /// `file PATH\n` and its text with `\n` line endings and trailing spaces removed from
    /// every line. Relative paths make the digest independent of where the folder is.
    static func digest(of files: [SourceFile]) -> String {
        let folders = files.map { $0.path.split(separator: "/", omittingEmptySubsequences: false).dropLast() }
        var common = folders.first.map(Array.init) ?? []
        for folder in folders.dropFirst() {
            common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
        }
        func relative(_ path: String) -> String {
            path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(common.count).joined(separator: "/")
        }
        var normalised = ""
        for file in files.sorted(by: { relative($0.path) < relative($1.path) }) {
            normalised += "file \(relative(file.path))\n"
            for (number, line) in file.lines.enumerated() {
                var end = line.endIndex
                while end > line.startIndex, line[line.index(before: end)].isWhitespace { end = line.index(before: end) }
                if number > 0 { normalised += "\n" }
                normalised += line[line.startIndex..<end]
            }
        }
        return "sha256:" + SHA256.hex(Array(normalised.utf8))
    }
}
