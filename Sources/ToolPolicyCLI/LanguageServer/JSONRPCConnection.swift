import Foundation

/// JSON-RPC 2.0 over a byte stream with LSP's `Content-Length` framing: reads one message
/// at a time, writes replies and notifications.
final class JSONRPCConnection {
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()

    /// A connection over two file handles (standard input and output for `toolpolicy lsp`).
    init(input: FileHandle, output: FileHandle) {
        self.input = input
        self.output = output
    }

    /// The next message's JSON object, or `nil` at the end of the input. A message whose
    /// body is not a JSON object is returned as an empty object, so the server can answer
    /// it with a parse error rather than stop.
    func receive() -> [String: Any]? {
        while true {
            if let message = takeMessage() { return message }
            let chunk = input.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    private func takeMessage() -> [String: Any]? {
        guard let separator = buffer.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let header = String(decoding: buffer[buffer.startIndex ..< separator.lowerBound], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        let bodyStart = separator.upperBound
        guard let length else {
            buffer.removeSubrange(buffer.startIndex ..< bodyStart)
            return [:]
        }
        guard buffer.distance(from: bodyStart, to: buffer.endIndex) >= length else { return nil }
        let bodyEnd = buffer.index(bodyStart, offsetBy: length)
        let body = buffer[bodyStart ..< bodyEnd]
        buffer.removeSubrange(buffer.startIndex ..< bodyEnd)
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// Writes one message.
    func send(_ message: [String: Any]) {
        var object = message
        object["jsonrpc"] = "2.0"
        guard let body = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        output.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    /// Answers a request.
    func reply(to id: Any, result: Any) {
        send(["id": id, "result": result])
    }

    /// Answers a request with an error (`-32601` method not found, `-32700` parse error…).
    func reply(to id: Any, errorCode: Int, message: String) {
        send(["id": id, "error": ["code": errorCode, "message": message]])
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: [String: Any]) {
        send(["method": method, "params": params])
    }
}
