import Foundation
package import Logging

/// `--log-format text`: `2026-11-23T16:54:57.437Z info toolpolicy: key=value … [source] message`.
package struct TextLogHandler: LogHandler {
    /// The logger's label.
    package let label: String
    /// The metadata every line carries.
    package var metadata: Logger.Metadata = [:]
    /// The minimum level written.
    package var logLevel: Logger.Level = .info

    /// A handler for a logger label.
    package init(label: String) { self.label = label }

    /// The metadata value for a key.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    package func log(event: LogEvent) {
        var line = "\(Date().timestamp) \(event.level) \(label):"
        for (key, value) in LogLine.metadata(metadata, event.metadata) { line += " \(key)=\(value)" }
        line += " [\(event.source)] \(event.message)"
        LogLine.emit(Array(line.utf8))
    }
}
