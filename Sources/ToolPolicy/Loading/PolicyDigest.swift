/// The digest that identifies a policy's source: `sha256:` of its tokens and comments.
enum PolicyDigest {
    /// Files sorted by path relative to the policy's folder; each contributes `file PATH\n`
    /// and then, one per line, each token (kind and value) and each comment, in order.
    /// Layout — indentation, spacing, line breaks, blank lines — is not part of it, so
    /// `toolpolicy fmt` never changes a digest, while any change to a rule's text, a value
    /// or a comment does. Relative paths make it independent of where the folder is.
    static func digest(of files: [Syntax.File]) -> String {
        let folders = files.map { $0.source.path.split(separator: "/", omittingEmptySubsequences: false).dropLast() }
        var common = folders.first.map(Array.init) ?? []
        for folder in folders.dropFirst() {
            common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
        }
        func relative(_ path: String) -> String {
            path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(common.count).joined(separator: "/")
        }
        var normalised: [UInt8] = []
        for (path, file) in files.map({ (relative($0.source.path), $0) }).sorted(by: { $0.0 < $1.0 }) {
            normalised += "file \(path)\n".utf8
            appendContent(tokens: file.tokens, comments: file.comments, to: &normalised)
        }
        return "sha256:" + SHA256.hex(normalised)
    }

    /// The layout-free content of one file: a line per token and per comment, in order.
    static func content(of file: SourceFile) -> String {
        let (tokens, comments, _) = Lexer.lexed(file)
        return content(tokens: tokens, comments: comments)
    }

    /// The layout-free content of lexed tokens and comments.
    static func content(tokens: [Token], comments: [String]) -> String {
        var content: [UInt8] = []
        appendContent(tokens: tokens, comments: comments, to: &content)
        return String(decoding: content, as: UTF8.self)
    }

    /// Appends the layout-free content as UTF-8: `w WORD`, `s STRING` (backslash and line
    /// feed escaped), `i INTEGER`, `d DAYS`, `p SYMBOL`, a line each, then `c COMMENT` lines.
    static func appendContent(tokens: [Token], comments: [String], to content: inout [UInt8]) {
        func line(_ tag: UInt8, _ text: String) {
            content.append(tag)
            content.append(0x20)
            content += text.utf8
            content.append(0x0A)
        }
        for token in tokens {
            switch token.kind {
            case .word(let word): line(UInt8(ascii: "w"), word)
            case .string(let text): line(UInt8(ascii: "s"), escaped(text))
            case .integer(let value): line(UInt8(ascii: "i"), String(value))
            case .date(let days): line(UInt8(ascii: "d"), String(days))
            case .symbol(let symbol): line(UInt8(ascii: "p"), symbol)
            case .end: break
            }
        }
        for comment in comments { line(UInt8(ascii: "c"), comment) }
    }

    /// A string token's text with its backslashes and line breaks escaped, character by
    /// character (a backslash a combining mark joins is not a backslash).
    private static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x0A }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
