import Foundation
package import Logging
import Synchronization

/// A swift-log handler writing one JSON object per line to standard error, for log
/// collectors: `{"time", "level", "label", "message", "source", …metadata}`. Metadata keys
/// are written as they are (`hb.request.id`, `http.status`); nested values are flattened to
/// strings.
package struct JSONLogHandler: LogHandler {
    /// The logger's label.
    package let label: String
    /// The metadata every line carries.
    package var metadata: Logger.Metadata = [:]
    /// The minimum level written.
    package var logLevel: Logger.Level = .info

    private static let output = Mutex(FileHandle.standardError)

    /// A handler for a logger label.
    package init(label: String) { self.label = label }

    /// The metadata value for a key.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    package func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = "\(value)"
        }
        fields["time"] = Date().timestamp
        fields["level"] = event.level.rawValue
        fields["label"] = label
        fields["message"] = "\(event.message)"
        fields["source"] = event.source
        guard var line = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        Self.output.withLock { $0.write(line) }
    }
}
