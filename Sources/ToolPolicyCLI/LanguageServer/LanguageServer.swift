import Foundation
import ToolPolicy

/// `toolpolicy lsp`: a language server for `.rules` and `.tests` files over JSON-RPC
/// (`docs/editor/README.md`): diagnostics as you type, hover, completion, go-to-definition.
struct LanguageServer {
    private let connection: JSONRPCConnection
    private var workspace: PolicyWorkspace?
    private let policyOption: String?
    private var shutdownRequested = false

    init(connection: JSONRPCConnection, policy: String?) {
        self.connection = connection
        self.policyOption = policy
    }

    /// Serves until `exit`; returns the process's exit code (0 after `shutdown`, else 1).
    mutating func run() -> Int32 {
        while let message = connection.receive() {
            let method = message["method"] as? String
            let id = message["id"]
            let params = message["params"] as? [String: Any] ?? [:]
            switch method {
            case "initialize":
                workspace = PolicyWorkspace(root: root(from: params))
                workspace?.refresh()
                connection.reply(to: id ?? NSNull(), result: Self.capabilities)
            case "shutdown":
                shutdownRequested = true
                connection.reply(to: id ?? NSNull(), result: NSNull())
            case "exit":
                return shutdownRequested ? 0 : 1
            case "textDocument/didOpen":
                let document = params["textDocument"] as? [String: Any] ?? [:]
                update(uri: document["uri"] as? String, text: document["text"] as? String)
            case "textDocument/didChange":
                let document = params["textDocument"] as? [String: Any] ?? [:]
                let changes = params["contentChanges"] as? [[String: Any]] ?? []
                update(uri: document["uri"] as? String, text: changes.last?["text"] as? String)
            case "textDocument/didClose":
                if let path = Self.path(of: (params["textDocument"] as? [String: Any])?["uri"] as? String) {
                    workspace?.documents[path] = nil
                }
            case "textDocument/hover", "textDocument/completion", "textDocument/definition":
                guard let id else { continue }
                connection.reply(to: id, result: answer(method!, params) ?? NSNull())
            case nil where message["result"] != nil || message["error"] != nil:
                // A response to a request of ours: the server sends none, so there is nothing to match.
                continue
            case nil where id != nil:
                connection.reply(to: id!, errorCode: -32600, message: "invalid request: no method")
            case nil:
                connection.send(["id": NSNull(), "error": ["code": -32700, "message": "parse error: the body is not a JSON object"]])
            default:
                // Notifications we do not handle are ignored, as the protocol says; requests get an error.
                if let id { connection.reply(to: id, errorCode: -32601, message: "method not found: \(method!)") }
            }
        }
        return 1
    }

    /// What the server offers.
    static var capabilities: [String: Any] {
        [
            "capabilities": [
                "textDocumentSync": 1,
                "hoverProvider": true,
                "definitionProvider": true,
                "completionProvider": ["triggerCharacters": [".", "=", " ", "{", ",", "\""]],
            ] as [String: Any],
            "serverInfo": ["name": "toolpolicy", "version": "0.1.0"],
        ]
    }

    /// The policy folder: `--policy`, else the workspace's `Rules/` folder, else the workspace itself.
    private func root(from params: [String: Any]) -> String {
        if let policyOption { return URL(fileURLWithPath: policyOption).standardizedFileURL.path }
        let workspace = Self.path(of: params["rootUri"] as? String) ?? (params["rootPath"] as? String)
            ?? FileManager.default.currentDirectoryPath
        let rules = (workspace as NSString).appendingPathComponent("Rules")
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: rules, isDirectory: &isFolder) && isFolder.boolValue ? rules : workspace
    }

    private mutating func update(uri: String?, text: String?) {
        guard let uri, let path = Self.path(of: uri), let text, workspace != nil else { return }
        workspace!.documents[path] = text
        let lines = SourceFile(path: path, text: text).lines
        let diagnostics = workspace!.diagnostics(of: path).map { Self.lspDiagnostic($0, lines: lines) }
        connection.notify("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": diagnostics])
    }

    private func answer(_ method: String, _ params: [String: Any]) -> Any? {
        guard let workspace,
              let document = params["textDocument"] as? [String: Any],
              let path = Self.path(of: document["uri"] as? String),
              let position = params["position"] as? [String: Any],
              let line = position["line"] as? Int, let character = position["character"] as? Int,
              let text = workspace.documents[path] ?? (try? String(contentsOfFile: path, encoding: .utf8)),
              let policy = workspace.policy(for: path)
        else { return nil }
        let lines = SourceFile(path: path, text: text).lines
        guard lines.indices.contains(line) else { return nil }
        let column = LSPPosition.characterIndex(utf16Offset: character, in: lines[line])
        let knowledge = PolicyKnowledge(policy: policy)
        switch method {
        case "textDocument/hover":
            guard let symbol = knowledge.symbol(in: lines[line], at: column), let markdown = knowledge.hover(symbol) else { return nil }
            return ["contents": ["kind": "markdown", "value": markdown]]
        case "textDocument/completion":
            return ["isIncomplete": false, "items": knowledge.completions(before: String(lines[line].prefix(column)), testFile: path.hasSuffix(".tests"))]
        default:
            guard let symbol = knowledge.symbol(in: lines[line], at: column), let range = knowledge.definition(symbol) else { return nil }
            let target = (try? String(contentsOfFile: range.start.file, encoding: .utf8)).map { SourceFile(path: range.start.file, text: workspace.documents[range.start.file] ?? $0) }
            return ["uri": Self.uri(of: range.start.file), "range": LSPPosition.range(range, in: target?.lines ?? [])]
        }
    }

    static func lspDiagnostic(_ diagnostic: Diagnostic, lines: [Substring]) -> [String: Any] {
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
        let range = diagnostic.range.map { LSPPosition.range($0, in: lines) }
            ?? ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]]
        let severity = switch diagnostic.severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
        return ["range": range, "severity": severity, "code": diagnostic.code, "source": "toolpolicy", "message": message]
    }

    static func path(of uri: String?) -> String? {
        guard let uri, let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(of path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }
}
