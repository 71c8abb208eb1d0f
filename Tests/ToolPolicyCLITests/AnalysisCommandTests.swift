import Foundation
import Testing

/// `verify`, `diff` and `explain` as a user runs them: exit codes, where findings point,
/// and the clear error of a revision that does not exist.
@Suite("toolpolicy verify, diff, explain")
struct AnalysisCommandTests {
    static let planted = CLI.packageRoot.appendingPathComponent("Examples/verify-planted").path

    @Test func verifyOfThePlantedExampleFailsWithEachFindingAtItsLine() throws {
        let result = try CLI.run(["verify", "--policy", Self.planted, "--date", "2026-09-01"])
        #expect(result.status == 1, "\(result)")
        let text = try String(contentsOfFile: Self.planted + "/planted.rules", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ prefix: String) -> Int { lines.firstIndex { $0.hasPrefix(prefix) }! + 1 }
        #expect(result.stdout.contains("planted.rules:\(line("rule \"dead\"")):6: error[dead-rule]"), "\(result)")
        #expect(result.stdout.contains("planted.rules:\(line("rule \"shadowed\"")):6: error[shadowed-permit]"), "\(result)")
        #expect(result.stdout.contains("planted.rules:\(line("rule \"permit-web\"")):6: warning[gap]"), "\(result)")
        #expect(result.stdout.contains("planted.rules:\(line("tool beta")):6: warning[catalog-hole]"), "\(result)")
        #expect(result.stdout.contains("profile planted: 2 error(s), 2 warning(s)"), "\(result)")
    }

    @Test func verifyOfTheShippedRulesPassesWithWarningsOnly() throws {
        let result = try CLI.run(policy: ["verify", "--all", "--format", "json", "--date", "2026-09-01"])
        #expect(result.status == 0, "\(result)")
        let reports = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        #expect(reports.compactMap { $0["profile"] as? String }.sorted() == ["orleans-tours", "poitiers", "rennes", "strasbourg"])
        for report in reports {
            let kinds = (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(Set(kinds).isSubset(of: ["catalog-hole"]), "\(kinds)")
        }
    }

    @Test func diffOfARevisionThatDoesNotExistIsAUsageError() throws {
        let result = try CLI.run(policy: ["diff", "no-such-revision-xyz"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("`no-such-revision-xyz` is neither a folder nor a git revision"), "\(result)")
    }

    @Test func diffOfTwoFoldersFailsOnChangeWhenAsked() throws {
        let folder = try TemporaryFolder()
        for name in ["national/documents.rules", "national/facts.rules", "national/catalog.rules", "national/rules.rules", "rennes.rules"] {
            var text = try String(contentsOfFile: CLI.rules + "/" + name, encoding: .utf8)
            if name == "rennes.rules" {
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let start = lines.firstIndex { $0.hasPrefix("rule \"rennes-privacy-contract\"") }!
                let end = lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") }!
                lines.removeSubrange(start ..< end)
                text = lines.joined(separator: "\n")
            }
            try folder.write(name, text)
        }
        let same = try CLI.run(["diff", CLI.rules, CLI.rules, "--fail-on-change", "--date", "2026-09-01"])
        #expect(same.status == 0, "\(same)")
        #expect(same.stdout.contains("no verdict changes"), "\(same)")
        let changed = try CLI.run(["diff", CLI.rules, folder.url.path, "--fail-on-change", "--date", "2026-09-01"])
        #expect(changed.status == 1, "\(changed)")
        #expect(changed.stdout.contains("because rennes-privacy-contract removed"), "\(changed)")
    }

    @Test func explainShowsTheTruthOfEachTest() throws {
        let result = try CLI.run(policy: ["explain", "zoom", "--fact", "mode=install", "--fact", "computer=pedagogical", "--date", "2026-09-01"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.hasPrefix("zoom: denied\n"), "\(result)")
        #expect(result.stdout.contains("[true] use.mode = install"), "\(result)")
    }

    @Test func checkPrintsTheWaysToComply() throws {
        let result = try CLI.run(policy: ["check", "zoom", "--mode", "install", "--computer", "pedagogical", "--accounts", "none",
                                          "--audience", "staff", "--no-recorded", "--date", "2026-09-01"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("Ce qui donnerait une réponse favorable"), "\(result)")
        #expect(result.stdout.contains("→ Mode d'utilisation : dans un navigateur web, au lieu de : en installant l'application → autorisé"), "\(result)")
    }
}
