import Foundation
import Testing
@testable import ToolPolicy

/// `toolpolicy fmt` (issue 12): one canonical layout, idempotent, every comment kept, the
/// policy digest unchanged — on every shipped file and on generated variants of them.
@Suite struct RulesFormatterTests {
    static let shippedFiles: [SourceFile] = {
        let root = URL(fileURLWithPath: TestPolicies.rulesFolder)
        let paths = ((try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasSuffix(".rules") }.sorted()
        return paths.compactMap { relative in
            (try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)).map { SourceFile(path: relative, text: $0) }
        }
    }()

    private func format(_ source: SourceFile, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        switch RulesFormatter.format(source) {
        case .success(let text): return text
        case .failure(let failure):
            Issue.record("\(source.path) not formatted: \(failure)", sourceLocation: sourceLocation)
            throw failure
        }
    }

    private func comments(_ text: String) -> [String] {
        Lexer.lexed(SourceFile(path: "f.rules", text: text)).comments
    }

    @Test func shippedFilesFormatIdempotentlyKeepingCommentsAndContent() throws {
        #expect(Self.shippedFiles.count >= 7)
        for file in Self.shippedFiles {
            let once = try format(file)
            let twice = try format(SourceFile(path: file.path, text: once))
            #expect(once == twice, "\(file.path) is not idempotent")
            #expect(comments(once) == comments(file.text), "\(file.path) lost or changed a comment")
            #expect(!comments(file.text).isEmpty || file.path.hasSuffix("strasbourg.rules"))
            #expect(PolicyDigest.content(of: SourceFile(path: file.path, text: once)) == PolicyDigest.content(of: file))
        }
    }

    @Test func formattingTheShippedFolderKeepsEveryProfilesDigestAndDecisions() throws {
        let formatted = try Self.shippedFiles.map { SourceFile(path: $0.path, text: try format($0)) }
        for profile in TestPolicies.shippedProfiles {
            let original = try #require(PolicyLoader.load(sources: Self.shippedFiles, profile: profile).policy)
            let after = try #require(PolicyLoader.load(sources: formatted, profile: profile).policy)
            #expect(original.digest == after.digest, "\(profile)")
            let request = try original.request(tool: "zoom", facts: ["mode": .string("install")], today: TestPolicies.day)
            let same = try after.request(tool: "zoom", facts: ["mode": .string("install")], today: TestPolicies.day)
            #expect(original.decide(request) == after.decide(same))
        }
    }

    /// A variant of `text` with the same statements and line breaks but another layout:
    /// continuation lines re-indented (never to column 1), spaces doubled between pieces of
    /// lines outside strings, trailing spaces, blank lines widened into several, tabs, CRLF
    /// line ends.
    static func scrambled(_ text: String, seed: UInt64) -> String {
        var random = SplitMix(seed: seed)
        var out: [String] = []
        var insideString = false
        for line in text.components(separatedBy: "\n") {
            var line = line
            let startsInsideString = insideString
            if !line.hasPrefix("#") || startsInsideString {
                insideString = line.filter { $0 == "\"" }.count % 2 == 1 ? !insideString : insideString
            }
            if line.first == " " {
                let body = line.drop { $0 == " " }
                line = String(repeating: random.next() % 3 == 0 ? "\t" : " ", count: 1 + Int(random.next() % 12)) + body
                if !body.contains("\""), !body.hasPrefix("#"), !startsInsideString {
                    line = line.replacingOccurrences(of: " = ", with: random.next() % 2 == 0 ? "  =   " : " = ")
                        .replacingOccurrences(of: " and ", with: "   and ")
                        .replacingOccurrences(of: ", ", with: random.next() % 2 == 0 ? " ,  " : ",")
                }
            } else if line.isEmpty, out.last?.isEmpty == false, random.next() % 2 == 0 {
                // Widen a blank line into several: the formatter keeps one.
                out.append(String(repeating: " ", count: Int(random.next() % 3)))
            }
            line += String(repeating: " ", count: Int(random.next() % 3))
            out.append(line)
        }
        return out.joined(separator: random.next() % 4 == 0 ? "\r\n" : "\n")
    }

    @Test(arguments: 0..<12)
    func anyLayoutOfAShippedFileFormatsToTheSameCanonicalText(seed: Int) throws {
        for file in Self.shippedFiles {
            let canonical = try format(file)
            let variant = SourceFile(path: file.path, text: Self.scrambled(file.text, seed: UInt64(seed) &* 7919 &+ UInt64(file.path.count)))
            #expect(PolicyDigest.content(of: variant) == PolicyDigest.content(of: file), "the scrambler changed content")
            let formatted = try format(variant)
            #expect(formatted == canonical, "\(file.path), seed \(seed)")
        }
    }

    @Test func theCanonicalLayout() throws {
        let messy = """


        policy   "p"
        document   "doc.txt"
              title "Doc"
        # a comment at the margin
        use fact a : bool "A"
        use fact mode: one of  install ,web "Mode"
              label fr "Mode"   en "Mode"
         value web fr "dans un navigateur"  aka "navigateur" ,"web"

        tool alpha   "Alpha"
              aliases "al" ,"alf"
          web_client =  true source "doc.txt" section "S"
         max_participants = 10 source "doc.txt" section "S"   # trailing comment
        rule "r"
            forbid when use.a
                and use.mode in { install }
                  # inside
          says fr "Un texte
                sur deux lignes."
          cites "doc.txt"   section "S"



        """
        let expected = """
        policy "p"
        document "doc.txt"
          title "Doc"
        # a comment at the margin
        use fact a: bool "A"
        use fact mode: one of install, web "Mode"
          label fr "Mode" en "Mode"
          value web fr "dans un navigateur" aka "navigateur", "web"

        tool alpha "Alpha"
          aliases "al", "alf"
          web_client = true      source "doc.txt" section "S"
          max_participants = 10  source "doc.txt" section "S" # trailing comment
        rule "r"
          forbid when use.a
                  and use.mode in {install}
          # inside
          says fr "Un texte
                   sur deux lignes."
          cites "doc.txt" section "S"

        """
        let formatted = try format(SourceFile(path: "p.rules", text: messy))
        #expect(formatted == expected, "\n\(formatted)")
    }

    @Test func aFileWithASyntaxErrorIsNotFormatted() {
        let source = SourceFile(path: "bad.rules", text: "policy \"p\"\nrule ) \"x\"\n")
        guard case .failure(.invalid(let diagnostics)) = RulesFormatter.format(source) else {
            Issue.record("a broken file was formatted")
            return
        }
        #expect(diagnostics.map(\.code) == ["TP101"])
    }
}

/// A small deterministic generator, so every scrambled variant can be reproduced.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
