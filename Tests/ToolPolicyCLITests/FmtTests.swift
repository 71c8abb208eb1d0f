import Foundation
import Testing

/// `toolpolicy fmt`: `--check` shows the diff and exits 1, a plain run rewrites the file
/// and keeps the policy's digest, a broken file exits 65 untouched.
@Suite("toolpolicy fmt")
struct FmtTests {
    static let messy = "policy   \"p\"\ndocument \"d.txt\" title \"D\"\nuse fact a : bool \"A\"\nrule \"r\"\n      forbid when use.a\n  says fr \"Texte.\"\n    cites \"d.txt\"  section \"S\"\n"

    @Test func checkShowsTheDiffThenFmtRewritesAndKeepsTheDigest() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("p.rules", Self.messy)
        let digestBefore = try CLI.run(["check", "anything", "--policy", path, "--format", "json"])

        let check = try CLI.run(["fmt", "--check", path])
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("-      forbid when use.a\n+  forbid when use.a"), "\(check.stdout)")
        #expect(check.stderr.contains("1 of 1 files not formatted"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.messy, "--check changed the file")

        let fmt = try CLI.run(["fmt", path])
        #expect(fmt.status == 0, "\(fmt)")
        #expect(fmt.stdout.contains("formatted \(path)"))
        let formatted = try String(contentsOfFile: path, encoding: .utf8)
        #expect(formatted.contains("policy \"p\"\ndocument \"d.txt\" title \"D\"\nuse fact a: bool \"A\"\nrule \"r\"\n  forbid when use.a\n"))
        #expect(try CLI.run(["fmt", "--check", path]).status == 0)
        let digestAfter = try CLI.run(["check", "anything", "--policy", path, "--format", "json"])
        let digest = { (text: String) in text.firstMatch(of: /sha256:[0-9a-f]{64}/).map { String($0.output) } }
        #expect(digest(digestAfter.stdout) != nil, "\(digestAfter)")
        #expect(digest(digestAfter.stdout) == digest(digestBefore.stdout))
    }

    @Test func aBrokenFileIsReportedAndLeftAsItIs() throws {
        let folder = try TemporaryFolder()
        let broken = "policy \"p\"\nrule ) \"x\"\n"
        let path = try folder.write("p.rules", broken)
        let result = try CLI.run(["fmt", path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("p.rules:2:6: error[TP101]"), "\(result.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
    }

    @Test func checkAndDiffAreExclusive() throws {
        #expect(try CLI.run(["fmt", "--check", "--diff"]).status == 64)
    }
}
