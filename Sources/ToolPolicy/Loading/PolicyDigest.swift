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
        var normalised = ""
        for file in files.sorted(by: { relative($0.source.path) < relative($1.source.path) }) {
            normalised += "file \(relative(file.source.path))\n" + content(tokens: file.tokens, comments: file.comments)
        }
        return "sha256:" + SHA256.hex(Array(normalised.utf8))
    }

    /// The layout-free content of one file: a line per token and per comment, in order.
    static func content(of file: SourceFile) -> String {
        let (tokens, comments, _) = Lexer.lexed(file)
        return content(tokens: tokens, comments: comments)
    }

    /// The layout-free content of lexed tokens and comments.
    static func content(tokens: [Token], comments: [String]) -> String {
        var content = ""
        for token in tokens {
            switch token.kind {
            case .word(let word): content += "w \(word)\n"
            case .string(let text):
                content += "s "
                for character in text {
                    switch character {
                    case "\\": content += "\\\\"
                    case "\n": content += "\\n"
                    default: content.append(character)
                    }
                }
                content += "\n"
            case .integer(let value): content += "i \(value)\n"
            case .date(let days): content += "d \(days)\n"
            case .symbol(let symbol): content += "p \(symbol)\n"
            case .end: break
            }
        }
        for comment in comments { content += "c \(comment)\n" }
        return content
    }
}
