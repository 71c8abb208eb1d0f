import ArgumentParser
import ToolPolicy

/// The documented exit codes of every subcommand.
enum ExitStatus {
    /// Allowed or conditional; lint: no denied or review row.
    static let ok = ExitCode(0)
    /// Denied; lint: some row denied.
    static let denied = ExitCode(1)
    /// Review needed; lint: some row needs review and none is denied.
    static let review = ExitCode(2)
    /// A usage error: a bad option or option value.
    static let usage = ExitCode(64)
    /// Bad rules, or a bad input file or row.
    static let badInput = ExitCode(65)
    /// `serve`: the address cannot be bound, or the decision log cannot be opened.
    static let unavailable = ExitCode(69)

    /// The exit code of a single verdict.
    static func of(_ verdict: Verdict) -> ExitCode {
        switch verdict {
        case .allowed, .conditional: ok
        case .denied: denied
        case .review: review
        }
    }
}
