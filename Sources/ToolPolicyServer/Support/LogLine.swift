import Logging

/// What the two log handlers share: the merged metadata, and one `write(2)` per line on
/// standard error, so that a request pays a few microseconds for its log line.
enum LogLine {
    /// The handler's metadata with the event's, the event's winning, sorted by key.
    static func metadata(_ base: Logger.Metadata, _ event: Logger.Metadata?) -> [(key: String, value: String)] {
        var merged = base
        if let event { merged.merge(event) { $1 } }
        return merged.map { ($0.key, "\($0.value)") }.sorted { $0.key < $1.key }
    }

    /// Writes one line (a newline is added) to standard error.
    static func emit(_ line: [UInt8]) { writeLine(line, to: 2) }
}
