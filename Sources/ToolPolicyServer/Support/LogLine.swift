import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// What the two log handlers share: the merged metadata, and one
/// `write(2)` per line on standard error, so that lines from concurrent requests never
/// interleave and a request pays a few microseconds for its log line.
enum LogLine {
    /// The handler's metadata with the event's, the event's winning, sorted by key.
    static func metadata(_ base: Logger.Metadata, _ event: Logger.Metadata?) -> [(key: String, value: String)] {
        var merged = base
        if let event { merged.merge(event) { $1 } }
        return merged.map { ($0.key, "\($0.value)") }.sorted { $0.key < $1.key }
    }

    /// Writes one line (a newline is added) to standard error.
    static func emit(_ line: [UInt8]) {
        var line = line
        line.append(0x0A)
        line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
