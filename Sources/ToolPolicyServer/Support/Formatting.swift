import Foundation
import ToolPolicy

extension Duration {
    /// The duration in milliseconds, with fractions.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }

    /// `1.125`: the duration in milliseconds with three decimals, as log lines write it,
    /// without `String(format:)`.
    var millisecondsText: String {
        let micros = components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000
        let fraction = micros % 1000
        return "\(micros / 1000).\(fraction < 10 ? "00" : fraction < 100 ? "0" : "")\(fraction)"
    }
}

extension Date {
    /// `2026-11-23T16:54:57.437Z`: UTC with milliseconds (truncated, to the nearest
    /// microsecond first), as logs and documents write it.
    /// Computed from the civil calendar, without a date formatter: a log line or a
    /// decision log entry pays a few hundred nanoseconds for it.
    var timestamp: String {
        let micros = Int64((timeIntervalSince1970 * 1_000_000).rounded())
        let millisSinceEpoch = micros >= 0 ? micros / 1000 : (micros - 999) / 1000
        let seconds = millisSinceEpoch >= 0 ? millisSinceEpoch / 1000 : (millisSinceEpoch - 999) / 1000
        let day = CivilDate(days: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let inDay = seconds - day.days * 86_400
        let millis = millisSinceEpoch - seconds * 1000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(day.description)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60)).\(fraction)Z"
    }
}
