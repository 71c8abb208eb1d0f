import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import ToolPolicy
import ToolPolicyReports

/// What the two log handlers share: a cheap UTC timestamp, the merged metadata, and one
/// `write(2)` per line on standard error, so that lines from concurrent requests never
/// interleave and a request pays a few microseconds for its log line.
enum LogLine {
    /// `2026-11-23T16:54:57.437Z`, from the system clock, without a date formatter (which costs more than the rest of the line).
    static func timestamp() -> String {
        let millisSinceEpoch = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millisSinceEpoch >= 0 ? millisSinceEpoch / 1000 : (millisSinceEpoch - 999) / 1000
        let day = CivilDate(days: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let inDay = seconds - day.days * 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = millisSinceEpoch - seconds * 1000
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(day.description)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60)).\(fraction)Z"
    }

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
