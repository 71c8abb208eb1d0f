import Foundation
package import Logging
import ToolPolicyReports

/// `--log-format json`: one JSON object per line on standard error, for log collectors:
/// `{"label", "level", "message", "source", "time", …metadata}` with sorted keys. Metadata
/// keys are written as they are (`hb.request.id`, `http.status`), values as strings.
package struct JSONLogHandler: LogHandler {
    /// The logger's label.
    package let label: String
    /// The metadata every line carries.
    package var metadata: Logger.Metadata = [:]
    /// The minimum level written.
    package var logLevel: Logger.Level = .info

    /// The keys every line has; metadata under these names is dropped so a line never holds a key twice.
    private static let reservedKeys: Set<String> = ["label", "level", "message", "source", "time"]

    /// A handler for a logger label.
    package init(label: String) { self.label = label }

    /// The metadata value for a key.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    package func log(event: LogEvent) {
        var fields = LogLine.metadata(metadata, event.metadata).filter { !Self.reservedKeys.contains($0.key) }
        fields += [
            ("label", label), ("level", event.level.rawValue), ("message", "\(event.message)"),
            ("source", event.source), ("time", Date().timestamp),
        ]
        fields.sort { $0.key < $1.key }
        var json = JSONWriter(capacity: 256)
        json.raw("{")
        for (index, field) in fields.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(field.key)
            json.raw(":")
            json.string(field.value)
        }
        json.raw("}")
        LogLine.emit(json.bytes)
    }
}
