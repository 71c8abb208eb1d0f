import Foundation
import Testing

/// Issue 11, lists as schools write them: `lint -`, a missing file, a misspelt column,
/// `--quiet`, and the progress line of a long lint.
@Suite("toolpolicy lint: input and output options")
struct LintInputTests {
    /// Runs `toolpolicy ARGS` with `input` on standard input, through a shell pipe.
    static func piped(_ input: String, _ arguments: [String]) throws -> CLI.Result {
        let folder = try TemporaryFolder()
        let list = try folder.write("stdin.txt", input)
        let binary = try #require(CLI.binary).path
        let command = "\(binary) \(arguments.joined(separator: " ")) --policy \(CLI.rules) < \(list)"
        return try CLI.run(["-c", command], environment: ["PATH": "/usr/bin:/bin"], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func aDashReadsTheListFromStandardInput() throws {
        let csv = try Self.piped("tool;mode;computer\nzoom;install;administrative\n", ["lint", "-"])
        #expect(csv.status == 1, "\(csv)")
        #expect(csv.stdout.contains("-:2 (n° 1) : REFUSÉ — zoom"), "\(csv.stdout)")
        let json = try Self.piped(#"[{"tool": "zoom", "mode": "install", "computer": "administrative"}]"#,
                                  ["lint", "-", "--input-format", "json", "--format", "json"])
        #expect(json.status == 1, "\(json)")
        #expect(json.stdout.contains("\"denied\""))
    }

    @Test func aMissingFileIsAnErrorNotAnEmptyReport() throws {
        let result = try CLI.run(policy: ["lint", "/nonexistent/outils.csv"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty, "no report for a list that is not there: \(result.stdout)")
        #expect(result.stderr.contains("erreur : /nonexistent/outils.csv : ce fichier n'existe pas\n = conseil : vérifiez le chemin"), "\(result)")
        let english = try CLI.run(policy: ["lint", "/nonexistent/outils.csv", "--lang", "en"])
        #expect(english.status == 65)
        #expect(english.stdout.isEmpty)
        #expect(english.stderr.contains("error: /nonexistent/outils.csv: no such file\n = hint: check the path"), "\(english)")
    }

    @Test func aMisspeltColumnStopsTheLintUnlessAllowed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", "tool;mdoe\nzoom;install\n")
        let stopped = try CLI.run(policy: ["lint", path])
        #expect(stopped.status == 65, "\(stopped)")
        #expect(stopped.stdout.contains("colonne inconnue « mdoe » : vouliez-vous dire « mode » ?"), "\(stopped.stdout)")
        #expect(stopped.stdout.contains("--allow-unknown-columns"))
        #expect(stopped.stdout.contains("0 ligne :"), "no row is checked without its column")
        let allowed = try CLI.run(policy: ["lint", path, "--allow-unknown-columns"])
        #expect(allowed.status == 0, "\(allowed)")
        #expect(allowed.stdout.contains("1 ligne :"))
        // A column that is no near miss (`notes`) is a warning, as before.
        let notes = try CLI.run(policy: ["lint", CLI.packageRoot.appendingPathComponent("Examples/ecole-excel.csv").path])
        #expect(notes.stdout.contains("attention : colonne inconnue « notes »"))
        #expect(notes.stdout.contains("10 lignes"))
    }

    @Test func quietPrintsTheDeniedRowsAndTheSummaryOnly() throws {
        let path = CLI.packageRoot.appendingPathComponent("Examples/ecole-excel.csv").path
        let quiet = try CLI.run(policy: ["lint", path, "--quiet"])
        let lines = quiet.stdoutLines.filter { !$0.isEmpty }
        #expect(quiet.status == 65)
        #expect(lines.last?.hasPrefix("10 lignes") == true)
        #expect(lines.dropLast().allSatisfy { $0.contains("REFUSÉ") }, "\(quiet.stdout)")
        #expect(lines.count == 6, "five denied rows and the summary:\n\(quiet.stdout)")
        #expect(try CLI.run(policy: ["lint", path, "--quiet", "--all"]).status == 64)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func aLongLintShowsItsProgressOnATerminalOnly() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("long.csv", "tool;mode\n" + String(repeating: "zoom;web\n", count: 5_000))
        let binary = try #require(CLI.binary).path
        // With no delay (TOOLPOLICY_PROGRESS_AFTER=0), the line shows from the first thousand
        // rows, however fast the lint. On a terminal (script(1) gives the command one),
        // stderr gets `\r… lignes lues…`.
        let terminal = try CLI.run(["-qec", "TOOLPOLICY_PROGRESS_AFTER=0 \(binary) lint \(path) --quiet --policy \(CLI.rules)", "/dev/null"],
                                   executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(terminal.stdout.contains("lignes lues…"), "no progress line on a terminal")
        #expect(terminal.stdout.contains("5000 lignes : "))
        // Through files (a pipe, a CI log), never, even with no delay.
        var environment = ProcessInfo.processInfo.environment
        environment["TOOLPOLICY_RULES"] = nil
        environment["TOOLPOLICY_PROGRESS_AFTER"] = "0"
        let piped = try CLI.run(["lint", path, "--quiet", "--policy", CLI.rules], environment: environment)
        #expect(piped.stdout.contains("5000 lignes : "), "\(piped)")
        #expect(!piped.stderr.contains("lignes lues"))
    }
}

/// Issue 9, pattern 8 in a list: a near miss (`zom`, `tems`) is a row to correct, with
/// the candidates, not an unlisted tool sent for review; a tool near no name still is.
@Suite("toolpolicy lint: near misses")
struct LintNearMissTests {
    @Test func aNearMissRowIsMalformedWithItsCandidatesAndTheOthersStillLint() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", "tool;mode\nzom;web\ntems;web\njitsi;web\nzoom;web\n")
        let result = try CLI.run(policy: ["lint", path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.contains("(n° 1) : erreur : « zom » n'est pas dans le catalogue : vouliez-vous dire Zoom ?"), "\(result.stdout)")
        #expect(result.stdout.contains("(n° 2) : erreur : « tems » n'est pas dans le catalogue : vouliez-vous dire"), "\(result.stdout)")
        #expect(result.stdout.contains("(n° 3) : À EXAMINER — jitsi"), "an unlisted tool is still reviewed:\n\(result.stdout)")
        #expect(result.stdout.contains("4 lignes : 0 autorisée, 1 sous conditions, 0 refusée, 1 à examiner, 2 invalides"), "\(result.stdout)")
    }
}
