import Foundation
import Testing

/// `toolpolicy lsp`: a scripted JSON-RPC session against the real binary gets diagnostics
/// as the text changes (positions in UTF-16), hover on a fact and a tool, completion of
/// facts, values and rule ids, go-to-definition, and a clean shutdown.
@Suite("toolpolicy lsp")
struct LanguageServerTests {
    /// Frames a message as LSP does.
    static func frame(_ message: [String: Any]) throws -> Data {
        var object = message
        object["jsonrpc"] = "2.0"
        let body = try JSONSerialization.data(withJSONObject: object)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Splits the server's output into its messages.
    static func messages(_ data: Data) throws -> [[String: Any]] {
        var rest = data
        var out: [[String: Any]] = []
        while let separator = rest.range(of: Data("\r\n\r\n".utf8)) {
            let header = String(decoding: rest[rest.startIndex ..< separator.lowerBound], as: UTF8.self)
            let length = try #require(Int(header.replacingOccurrences(of: "Content-Length: ", with: "")))
            let end = rest.index(separator.upperBound, offsetBy: length)
            out.append(try #require(try JSONSerialization.jsonObject(with: rest[separator.upperBound ..< end]) as? [String: Any]))
            rest = Data(rest[end...])
        }
        return out
    }

    /// Runs a session: the messages in order, then the end of input; returns the replies and the exit status.
    static func session(_ script: [[String: Any]], arguments: [String] = ["lsp", "--policy", CLI.rules]) throws -> (messages: [[String: Any]], status: Int32) {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-in-\(UUID().uuidString)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-out-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try script.map(frame).reduce(Data(), +).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: input)
        let out = try FileHandle(forWritingTo: output)
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        return (try messages(Data(contentsOf: output)), process.terminationStatus)
    }

    static func position(of needle: String, in text: String, offset: Int = 0) throws -> [String: Int] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return ["line": number, "character": line[..<range.lowerBound].utf16.count + offset]
            }
        }
        throw CLI.MissingBinary()
    }

    @Test func aScriptedSessionGetsDiagnosticsHoverCompletionAndDefinitions() throws {
        let rennesPath = CLI.rules + "/rennes.rules"
        let rennes = try String(contentsOfFile: rennesPath, encoding: .utf8)
        let rennesURI = URL(fileURLWithPath: rennesPath).absoluteString
        let broken = rennes.replacingOccurrences(of: "tool is forbidden and use.computer in", with: "tool is forbidden and use.computr in")
        #expect(broken != rennes)
        let testsPath = CLI.rules + "/tests/scratch.tests"
        let testsURI = URL(fileURLWithPath: testsPath).absoluteString
        let tests = "profile rennes\ncase \"🎥 visio\" tool zom\n  expect allowed\n  cites \"003_1529c0f0d921ea53.txt\" section \"S\"\n  decided-by \"rennes-tolerated-web\"\n"
        let open = { (uri: String, text: String) -> [String: Any] in
            ["method": "textDocument/didOpen", "params": ["textDocument": ["uri": uri, "languageId": "toolpolicy", "version": 1, "text": text]]]
        }
        let at = { (id: Int, method: String, uri: String, position: [String: Int]) -> [String: Any] in
            ["id": id, "method": method, "params": ["textDocument": ["uri": uri], "position": position]]
        }
        let useMode = try Self.position(of: "require use.mode = web", in: rennes, offset: 12)
        let (messages, status) = try Self.session([
            ["id": 1, "method": "initialize", "params": ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [:] as [String: Any]]],
            ["method": "initialized", "params": [:] as [String: Any]],
            open(rennesURI, broken),
            ["method": "textDocument/didChange", "params": ["textDocument": ["uri": rennesURI, "version": 2], "contentChanges": [["text": rennes]]]],
            at(2, "textDocument/hover", rennesURI, useMode),
            at(3, "textDocument/hover", rennesURI, try Self.position(of: "extend tool zoom", in: rennes, offset: 13)),
            at(4, "textDocument/completion", rennesURI, try Self.position(of: "require use.mode = web", in: rennes, offset: 12)),
            at(5, "textDocument/completion", rennesURI, try Self.position(of: "require use.mode = web", in: rennes, offset: 19)),
            at(6, "textDocument/definition", rennesURI, useMode),
            open(testsURI, tests),
            at(7, "textDocument/completion", testsURI, ["line": 4, "character": 24]),
            at(10, "textDocument/hover", testsURI, ["line": 4, "character": 20]),
            ["id": 8, "method": "workspace/unknownThing", "params": [:] as [String: Any]],
            ["id": 9, "method": "shutdown"],
            ["method": "exit"],
        ])
        #expect(status == 0, "exit after shutdown")
        let replies = Dictionary(messages.compactMap { message in (message["id"] as? Int).map { ($0, message) } }, uniquingKeysWith: { a, _ in a })
        let capabilities = (replies[1]?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["hoverProvider"] as? Bool == true)
        #expect(capabilities?["textDocumentSync"] as? Int == 1)

        let published = messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }.compactMap { $0["params"] as? [String: Any] }
        #expect(published.count == 3, "\(published)")
        let first = try #require(published.first?["diagnostics"] as? [[String: Any]])
        #expect(first.count == 1, "\(first)")
        #expect(first.first?["code"] as? String == "TP201")
        let expectedStart = try Self.position(of: "use.computr in", in: broken)
        #expect((first.first?["range"] as? [String: Any])?["start"] as? [String: Int] == expectedStart)
        #expect((published[1]["diagnostics"] as? [Any])?.isEmpty == true, "the fix clears the diagnostics")
        let testDiagnostics = try #require(published[2]["diagnostics"] as? [[String: Any]])
        #expect(testDiagnostics.map { $0["code"] as? String } == ["TP206"], "\(testDiagnostics)")
        // `zom` follows an emoji, two UTF-16 units: LSP counts it so.
        #expect((testDiagnostics.first?["range"] as? [String: Any])?["start"] as? [String: Int] == ["line": 1, "character": 21])

        let factHover = ((replies[2]?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(factHover.contains("**use.mode**: one of install, web"), "\(factHover)")
        #expect(factHover.contains("« Mode d'utilisation » (How it is used) — Application installée ou interface web"), "\(factHover)")
        #expect(factHover.contains("Question : L'outil sera-t-il installé sur l'ordinateur"), "\(factHover)")
        #expect(factHover.contains("- `web` : dans un navigateur web"), "\(factHover)")
        let toolHover = ((replies[3]?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(toolHover.contains("**zoom** — Zoom (tolerated under `rennes`)"), "\(toolHover)")
        #expect(toolHover.contains("| tool.provider | market | 003_1529c0f0d921ea53.txt"), "\(toolHover)")

        let labels = { (id: Int) -> [String] in
            (((replies[id]?["result"] as? [String: Any])?["items"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
        }
        #expect(labels(4).contains("mode") && labels(4).contains("accounts") && !labels(4).contains("provider"), "\(labels(4))")
        #expect(labels(5) == ["install", "web"])
        #expect(labels(7).contains("rennes-tolerated-web") && labels(7).contains("national-unlisted-tool") == false, "\(labels(7))")

        let ruleHover = ((replies[10]?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(ruleHover.hasPrefix("**rennes-tolerated-web** (permit, rennes)"), "\(ruleHover)")
        #expect(ruleHover.contains("uniquement via un navigateur web"), "\(ruleHover)")

        let definition = replies[6]?["result"] as? [String: Any]
        #expect((definition?["uri"] as? String)?.hasSuffix("Rules/national/facts.rules") == true, "\(String(describing: definition))")
        let facts = try String(contentsOfFile: CLI.rules + "/national/facts.rules", encoding: .utf8)
        #expect((definition?["range"] as? [String: Any])?["start"] as? [String: Int] == (try Self.position(of: "use fact mode", in: facts, offset: 9)))

        #expect((replies[8]?["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(replies[9] != nil && replies[9]?["error"] == nil)
    }

    @Test func theWorkspaceRulesFolderIsFoundAndAFileNotYetOpenedHasHover() throws {
        let factsURI = URL(fileURLWithPath: CLI.rules + "/national/facts.rules").absoluteString
        let facts = try String(contentsOfFile: CLI.rules + "/national/facts.rules", encoding: .utf8)
        let provider = try Self.position(of: "tool fact provider", in: facts, offset: 12)
        let (messages, status) = try Self.session([
            ["id": 1, "method": "initialize", "params": ["rootUri": CLI.packageRoot.absoluteString]],
            ["id": 2, "method": "textDocument/hover", "params": ["textDocument": ["uri": factsURI], "position": provider]],
            ["id": 3, "method": "shutdown"],
            ["method": "exit"],
        ], arguments: ["lsp"])
        #expect(status == 0)
        let hover = messages.first { $0["id"] as? Int == 2 }
        let text = ((hover?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(text.hasPrefix("**tool.provider**: one of ministry, academy, region, market"), "\(messages)")
    }

    @Test func endOfInputWithoutShutdownExits1() throws {
        let (_, status) = try Self.session([["id": 1, "method": "initialize", "params": [:] as [String: Any]]])
        #expect(status == 1)
    }
}
