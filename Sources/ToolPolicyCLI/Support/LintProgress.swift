import Foundation
import ToolPolicy

/// The progress of a long lint on stderr: once a lint has run for a second (or
/// `$TOOLPOLICY_PROGRESS_AFTER` seconds), and only when stderr is a terminal, a line
/// `12 345 lignes lues…` rewritten in place four times a second, and erased at the end. A
/// pipe or a CI log never gets it.
struct LintProgress {
    /// The variable that sets the delay before the line shows, in seconds (docs/ci.md).
    static let delayVariable = "TOOLPOLICY_PROGRESS_AFTER"

    let language: Language
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = ContinuousClock.now
    private let delay: Duration = ProcessInfo.processInfo.environment[Self.delayVariable]
        .flatMap(Double.init).flatMap { $0 >= 0 && $0.isFinite ? .milliseconds(Int64($0 * 1000)) : nil } ?? .seconds(1)
    private var rows = 0
    private var lastShown: ContinuousClock.Instant?

    init(language: Language) { self.language = language }

    /// Counts one row; shows the count when due.
    mutating func row() {
        rows += 1
        guard enabled, rows & 1023 == 0 else { return }
        let now = ContinuousClock.now
        guard now - start >= delay, lastShown.map({ now - $0 > .milliseconds(250) }) ?? true else { return }
        lastShown = now
        StandardError.write("\r" + (language == .fr ? "\(rows) lignes lues…" : "\(rows) rows read…"))
    }

    /// Erases the progress line, if one was shown.
    func finish() {
        if lastShown != nil { StandardError.write("\r\u{1B}[K") }
    }
}
