#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ToolPolicyReports

extension TerminalStyle {
    /// The style of standard output: colour when it is a terminal and `NO_COLOR` is unset
    /// (https://no-color.org), lines wrapped to the terminal's width; plain when piped.
    static var standardOutput: TerminalStyle {
        guard isatty(STDOUT_FILENO) == 1 else { return .plain }
        let environment = ProcessInfo.processInfo.environment
        let colour = (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        var size = winsize()
        let width: Int? = if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
            Int(size.ws_col)
        } else {
            environment["COLUMNS"].flatMap(Int.init).flatMap { $0 >= 40 ? $0 : nil }
        }
        return TerminalStyle(colour: colour, width: width)
    }
}
