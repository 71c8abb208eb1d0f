import Foundation
import Testing

/// Bad command lines exit 64 (EX_USAGE) and say why on stderr; nothing goes to stdout.
@Suite("Usage errors")
struct UsageErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var stderr: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["check", "zoom", "--bogus"], stderr: ["Unknown option '--bogus'"]),
        Case(arguments: ["check", "zoom", "--mode", "instal"],
             stderr: ["`instal` is not a valid value for `use.mode`", "did you mean `install`?"]),
        Case(arguments: ["check", "zoom", "--accounts", "pupilz"], stderr: ["did you mean `pupils`?"]),
        Case(arguments: ["check", "zoom", "--purpose", "meeting"], stderr: ["`meeting` is not a valid value for `use.purpose`"]),
        Case(arguments: ["check", "zoom", "--fact", "nosuch=1"], stderr: ["unknown fact `nosuch`"]),
        Case(arguments: ["check", "zoom", "--fact", "waiting_rom=false"], stderr: ["did you mean `waiting_room`?"]),
        Case(arguments: ["check", "zoom", "--fact", "waiting_room=maybe"], stderr: ["`maybe`", "bool"]),
        Case(arguments: ["check", "zoom", "--fact", "broken"], stderr: ["--fact takes name=value", "`broken`"]),
        Case(arguments: ["check", "zoom", "--date", "2026-13-45"], stderr: ["--date takes YYYY-MM-DD", "2026-13-45"]),
        Case(arguments: ["check", "zoom", "--date", "2026-02-30"], stderr: ["--date takes YYYY-MM-DD"]),
        Case(arguments: ["check", "zoom", "--participants", "many"], stderr: ["`many` is not a valid value for `use.participants`"]),
        Case(arguments: ["check", "zoom", "--participants", "-5"], stderr: ["`-5` is not a valid value for `use.participants`: a count must be 0 or more"]),
        Case(arguments: ["check", "zoom", "--format", "xml"], stderr: ["'xml' is invalid for '--format"]),
        Case(arguments: ["check", "zoom", "--lang", "de"], stderr: ["'de' is invalid for '--lang"]),
        Case(arguments: ["check"], stderr: ["Missing expected argument '<tool>'"]),
        Case(arguments: ["lint", "list.csv", "--format", "pdf"], stderr: ["'pdf' is invalid for '--format"]),
        Case(arguments: ["lint", "list.csv", "--input-format", "xlsx"], stderr: ["'xlsx' is invalid"]),
        Case(arguments: ["lint", "list.csv", "--date", "31/12/2026"], stderr: ["--date takes YYYY-MM-DD"]),
        Case(arguments: ["tools", "--format", "csv"], stderr: ["'csv' is invalid for '--format"]),
        Case(arguments: ["validate", "--profile", "rennes"], stderr: ["Unknown option '--profile'"]),
    ]

    @Test(arguments: cases)
    func exits64(_ usage: Case) throws {
        // The messages are checked in English; FrenchOutputTests checks the French ones.
        let english = usage.arguments.first == "check" && usage.arguments.count > 1 && !usage.arguments.contains("--lang")
        let result = try CLI.run(policy: usage.arguments + (english ? ["--lang", "en"] : []))
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        for fragment in usage.stderr {
            #expect(result.stderr.contains(fragment), "stderr lacks \(fragment): \(result)")
        }
    }

    /// docs: the loader reports an unknown profile as TP303, which is a bad-policy error (65),
    /// not a usage error, although the mistake is on the command line.
    @Test(arguments: [["check", "zoom"], ["tools"], ["lint", "list.csv"]])
    func unknownProfileIsReportedByTheLoader(_ arguments: [String]) throws {
        let result = try CLI.run(policy: arguments + ["--profile", "nosuch"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error[TP303]: no profile `nosuch` in this policy"), "\(result)")
        #expect(result.stderr.contains("hint: available profiles: orleans-tours, poitiers, rennes, strasbourg"), "\(result)")
    }

    @Test func profileTypoGetsADidYouMean() throws {
        let result = try CLI.run(policy: ["check", "zoom", "--profile", "poitier"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("did you mean `poitiers`?"), "\(result)")
    }

    @Test func unknownSubcommand() throws {
        let result = try CLI.run(["frobnicate"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("frobnicate"), "\(result)")
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CLI.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--accounts"))
        #expect(help.stdout.contains("64 usage error"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    /// A usage error found while running `check` shows `check`'s usage, not the root's.
    @Test func usageLineNamesTheSubcommand() throws {
        let result = try CLI.run(policy: ["check", "zoom", "--fact", "broken"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Usage: toolpolicy check"), "\(result)")
        let lint = try CLI.run(policy: ["lint", "Examples/ecole-excel.csv", "--date", "2026-13-45"])
        #expect(lint.status == 64)
        #expect(lint.stderr.contains("Usage: toolpolicy lint"), "\(lint)")
    }

    /// `--fact mode=web` and `--mode install` disagree: the request is ambiguous.
    @Test func factContradictingAnOptionIsRejected() throws {
        let result = try CLI.run(policy: ["check", "zoom", "--mode", "install", "--computer", "administrative", "--fact", "mode=web"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("given twice"), "\(result)")
    }
}
