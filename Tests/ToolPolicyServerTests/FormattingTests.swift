import Foundation
import Testing
@testable import ToolPolicyServer

/// The hand-written time and duration formats of logs and documents.
@Suite struct FormattingTests {
    @Test(arguments: [0.0, 0.007, 59.999, 951_782_400.5, 1_795_366_497.437, 4_107_542_399.999, -0.25, -86_400.001])
    func timestampsMatchFoundationsISO8601(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(date.timestamp == formatter.string(from: date))
    }

    @Test func durationsAreMillisecondsWithThreeDecimals() {
        #expect(Duration.microseconds(1125).millisecondsText == "1.125")
        #expect(Duration.microseconds(7).millisecondsText == "0.007")
        #expect(Duration.microseconds(40).millisecondsText == "0.040")
        #expect(Duration.seconds(2).millisecondsText == "2000.000")
        #expect(Duration.nanoseconds(999).millisecondsText == "0.000")
    }
}
