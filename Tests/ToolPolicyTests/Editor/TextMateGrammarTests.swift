import Foundation
import Testing
@testable import ToolPolicy

/// The TextMate grammar (`docs/editor/toolpolicy.tmLanguage.json`) scopes strings, comments,
/// statement keywords, facts and numbers where the core lexer sees them, on every file of
/// the parser's corpus: the shipped rules and tests, and the rules fuzzer's inputs that lex cleanly.
@Suite("TextMate grammar")
struct TextMateGrammarTests {
    static let grammar = TestPolicies.packageRoot.appendingPathComponent("docs/editor/toolpolicy.tmLanguage.json")

    /// The corpus: every shipped `.rules` and `.tests` file, and the fuzz corpus's clean inputs.
    static func corpus() throws -> [SourceFile] {
        let manager = FileManager.default
        var files: [SourceFile] = []
        let rules = TestPolicies.rulesFolder
        for relative in (manager.subpaths(atPath: rules) ?? []).sorted() where relative.hasSuffix(".rules") || relative.hasSuffix(".tests") {
            let path = rules + "/" + relative
            files.append(SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8)))
        }
        let fuzz = TestPolicies.packageRoot.appendingPathComponent("Fuzz/rules/corpus").path
        for name in (manager.subpaths(atPath: fuzz) ?? []).sorted() {
            guard let data = manager.contents(atPath: fuzz + "/" + name), InvalidUTF8.find(in: [UInt8](data)) == nil else { continue }
            let source = SourceFile(path: name, text: String(decoding: data, as: UTF8.self))
            if source.text.contains("\r") || source.text.contains("\u{0}") { continue }
            if Lexer.tokens(of: source).diagnostics.isEmpty { files.append(source) }
        }
        return files
    }

    @Test func theCorpusIsScopedAsTheLexerSeesIt() throws {
        let tokenizer = try TextMateTokenizer(grammar: Self.grammar)
        let corpus = try Self.corpus()
        #expect(corpus.count > 20, "the corpus is the shipped files and the fuzz seeds")
        var checked = 0
        for source in corpus {
            let scopes = tokenizer.scopes(of: source.text)
            let (tokens, comments, _) = Lexer.lexed(source)
            func scope(at location: ToolPolicy.SourceLocation) -> [String] {
                let line = source.line(location.line)
                let offset = line.prefix(location.column - 1).utf16.count
                let units = scopes.indices.contains(location.line - 1) ? scopes[location.line - 1] : []
                return units.indices.contains(offset) ? units[offset] : []
            }
            for (index, token) in tokens.enumerated() where token.kind != .end {
                let scopes = scope(at: token.range.start)
                let place = "\(source.path):\(token.range.start.line):\(token.range.start.column) \(token.display)"
                switch token.kind {
                case .string:
                    #expect(scopes.contains("string.quoted.double.toolpolicy"), "\(place) is a string: \(scopes)")
                case .word(let word):
                    #expect(!scopes.contains { $0.hasPrefix("string") || $0.hasPrefix("comment") }, "\(place) is code: \(scopes)")
                    if token.startsLine, (Parser.statementKeywords.union(["policy", "profile", "case"])).contains(word) {
                        #expect(scopes.contains("keyword.control.statement.toolpolicy"), "\(place) starts a statement: \(scopes)")
                    }
                    if word == "tool" || word == "use", tokens[index + 1].isSymbol("."), tokens[index + 2].word != nil {
                        #expect(scopes.contains("variable.language.owner.toolpolicy"), "\(place) is a fact's owner: \(scopes)")
                        #expect(scope(at: tokens[index + 2].range.start).contains("variable.other.member.fact.toolpolicy"), "\(place)")
                    }
                case .integer, .date:
                    #expect(scopes.contains { $0.hasPrefix("constant.numeric") }, "\(place) is a number: \(scopes)")
                case .symbol:
                    #expect(!scopes.contains { $0.hasPrefix("string") || $0.hasPrefix("comment") }, "\(place) is code: \(scopes)")
                case .end:
                    break
                }
                checked += 1
            }
            // The comments, as the grammar sees them, are the lexer's comments, in order.
            var grammarComments: [String] = []
            for (number, line) in source.lines.enumerated() {
                let units = scopes.indices.contains(number) ? scopes[number] : []
                let utf16 = Array(line.utf16)
                guard let start = units.firstIndex(where: { $0.contains("comment.line.number-sign.toolpolicy") }) else { continue }
                let text = String(decoding: utf16[start...], as: UTF16.self)
                grammarComments.append(String(text.reversed().drop(while: \.isWhitespace).reversed()))
            }
            #expect(grammarComments == comments, "\(source.path): comments differ")
        }
        #expect(checked > 5000)
    }

    @Test func aHashInAStringIsNoCommentAndAnEscapedQuoteDoesNotEndIt() throws {
        let tokenizer = try TextMateTokenizer(grammar: Self.grammar)
        let line = #"  says fr "Le \"lien\" # n'est pas un commentaire" # mais ceci en est un"#
        let scopes = tokenizer.scopes(of: line)[0]
        let hashInString = (line as NSString).range(of: "# n'est").location
        let comment = (line as NSString).range(of: "# mais").location
        #expect(scopes[hashInString].contains("string.quoted.double.toolpolicy"))
        #expect(!scopes[hashInString].contains("comment.line.number-sign.toolpolicy"))
        #expect(scopes[comment] == ["comment.line.number-sign.toolpolicy"])
    }
}
