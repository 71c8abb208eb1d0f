import Foundation
import Testing

/// Issue 8: a `when` with 10,000 nested parentheses, 50,000 `not` or a flat chain of
/// 50,000 `and` used to end in SIGSEGV in `validate`, `check` and `serve` — and a SIGHUP
/// with such a file killed a running server. Now deep nesting is TP103 (exit 65, or a
/// failed reload that keeps the old rules) and long chains simply compile.
@Suite(.serialized) struct DeepRulesTests {
    /// A rule appended to the Rennes profile with `condition` as its `when`.
    static func rule(_ id: String, _ condition: String) -> String {
        """

        rule "\(id)"
          forbid when \(condition)
          says fr "Règle de test."
          cites "003_1529c0f0d921ea53.txt" section "SOLUTIONS TOLÉRÉES"

        """
    }

    static let tenThousandParentheses = String(repeating: "(", count: 10_000) + "use.recorded" + String(repeating: ")", count: 10_000)
    static let fiftyThousandNots = String(repeating: "not ", count: 50_000) + "use.recorded"
    static let fiftyThousandAnds = Array(repeating: "use.recorded", count: 50_000).joined(separator: " and ")

    /// A copy of the shipped rules with `extra` appended to `rennes.rules`.
    static func rules(in folder: borrowing TemporaryFolder, appending extra: String) throws -> (path: String, line: Int) {
        let copy = folder.url.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLI.rules), to: copy)
        let rennes = copy.appendingPathComponent("rennes.rules")
        let original = try String(contentsOf: rennes, encoding: .utf8)
        try (original + extra).write(to: rennes, atomically: true, encoding: .utf8)
        // The line of `forbid when` of the first appended rule.
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        return (copy.path, line)
    }

    /// Named so that the test log shows the name, not 50,000 `not`.
    @Test(arguments: ["parentheses", "nots"])
    func deepNestingIsALocatedErrorNotACrash(name: String) throws {
        let condition = name == "parentheses" ? Self.tenThousandParentheses : Self.fiftyThousandNots
        let folder = try TemporaryFolder()
        let (path, line) = try Self.rules(in: folder, appending: Self.rule("deep-\(name)", condition))
        let validate = try CLI.run(["validate", "--policy", path])
        #expect(validate.status == 65, "\(validate.status) \(validate.stderr.prefix(500))")
        #expect(validate.stderr.contains("rennes.rules:\(line):"), "\(validate.stderr.prefix(500))")
        #expect(validate.stderr.contains("TP103"))
        #expect(validate.stderr.contains("nested deeper than 64"))
        let check = try CLI.run(["check", "zoom", "--policy", path])
        #expect(check.status == 65, "\(check.status) \(check.stderr.prefix(500))")
    }

    @Test func aChainOfFiftyThousandAndsCompilesAndDecides() throws {
        let folder = try TemporaryFolder()
        let (path, _) = try Self.rules(in: folder, appending: Self.rule("long-chain", Self.fiftyThousandAnds))
        let validate = try CLI.run(["validate", "--policy", path])
        #expect(validate.status == 0, "\(validate.status) \(validate.stderr.prefix(500))")
        let recorded = try CLI.run(["check", "zoom", "--recorded", "--policy", path, "--format", "json"])
        #expect(recorded.status == 1, "\(recorded.stderr.prefix(500))")
        #expect(recorded.stdout.contains("\"long-chain\""))
    }

    @Test func sighupWithDeepRulesKeepsTheOldRulesServing() async throws {
        let folder = try TemporaryFolder()
        let (path, _) = try Self.rules(in: folder, appending: "")
        let server = try ServeTests.Server(["--policy", path], port: 19_900 + Int.random(in: 0..<90))
        try await server.waitUntilReady()
        let digest = try #require(await server.request("/v1/policy")?.body["digest"] as? String)

        let rennes = URL(fileURLWithPath: path).appendingPathComponent("rennes.rules")
        let original = try String(contentsOf: rennes, encoding: .utf8)
        try (original + Self.rule("deep", Self.tenThousandParentheses)).write(to: rennes, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        let policy = try await server.waitForPolicy { ($0["lastReload"] as? [String: Any])?["succeeded"] as? Bool == false }
        #expect(policy["digest"] as? String == digest)
        let diagnostics = (policy["lastReload"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.contains { $0["code"] as? String == "TP103" }, "\(policy)")

        let check = await server.request("/v1/check", body: #"{"tool": "zoom", "use": {"mode": "web"}}"#)
        #expect(check?.status == 200)
        #expect((check?.body["policy"] as? [String: Any])?["digest"] as? String == digest)
        #expect(server.process.isRunning)
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
    }
}
