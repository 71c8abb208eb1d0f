import Foundation
import Testing

/// `toolpolicy test`: the shipped cases pass with the CI's threshold and name what is left
/// untried; a failing case exits 1 with expected and got; an unknown name exits 65 with
/// its place; a threshold above the coverage exits 1.
@Suite("toolpolicy test")
struct TestCommandTests {
    static let base = """
    policy "mini"
    use fact a: bool "A"
    tool alpha "Alpha"
    rule "mini-permit"
      permit when tool.id = alpha and not use.a
      says fr "Permis."
      cites "doc.txt" section "S"
    document "doc.txt" title "Document de test"

    """

    static func folder(_ tests: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Rules/base.rules", base)
        try folder.write("Rules/p.rules", "profile \"p\" extends \"mini\"\n")
        try folder.write("Rules/tests/p.tests", tests)
        return folder
    }

    @Test func theShippedCasesPassWithTheCIThreshold() throws {
        let result = try CLI.run(["test", "--coverage", "--threshold", "96", "Rules"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(" failed\n"))
        #expect(result.stdout.contains("coverage: "))
        #expect(result.stdout.contains("national-participant-limit: "))
    }

    @Test func aFailingCaseExits1WithExpectedAndGot() throws {
        let folder = try Self.folder("""
        profile p
        case "a bloque"
          tool alpha
          use a = true
          expect allowed
          cites "doc.txt" section "S"
        """)
        let result = try CLI.run(["test", "--policy", folder.url.appendingPathComponent("Rules").path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("FAIL \(folder.url.path)/Rules/tests/p.tests:2:6: \"a bloque\" (profile p, tool alpha): denied"), "\(result)")
        #expect(result.stdout.contains("    verdict: expected allowed, got denied (decided by no-permit)"), "\(result)")
        #expect(result.stdout.contains("1 cases, 0 passed, 1 failed"))
    }

    @Test func anUnknownFactExits65WithItsPlace() throws {
        let folder = try Self.folder("""
        profile p
        case "faute"
          tool alpha
          use b = true
          expect allowed
          cites "doc.txt" section "S"
        """)
        let result = try CLI.run(["test", "--policy", folder.url.appendingPathComponent("Rules").path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("p.tests:4:7: error[TP201]"), "\(result)")
    }

    @Test func aThresholdAboveTheCoverageExits1AndNamesWhatIsUntried() throws {
        let folder = try Self.folder("""
        profile p
        case "sans a"
          tool alpha
          use a = false
          expect allowed
          cites "doc.txt" section "S"
        """)
        let rules = folder.url.appendingPathComponent("Rules").path
        let low = try CLI.run(["test", "--policy", rules, "--threshold", "40"])
        #expect(low.status == 0, "\(low)")
        let high = try CLI.run(["test", "--policy", rules, "--threshold", "90"])
        #expect(high.status == 1, "\(high)")
        #expect(high.stderr.contains("is below the threshold 90.0 %"), "\(high)")
        #expect(high.stdout.contains("base.rules:5:15: untried: the condition false"), "\(high)")
        #expect(high.stdout.contains("untried: `not use.a` deciding the `and` as false"), "\(high)")
    }
}
