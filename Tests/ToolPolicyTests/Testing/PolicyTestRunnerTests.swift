import Foundation
import Testing
@testable import ToolPolicy

/// `toolpolicy test`'s core: the shipped cases pass and cover every rule and profile, a
/// wrong name is a located diagnostic (never a silent pass), a failing case says what it
/// expected and what it got, and the coverage walk agrees with the evaluator.
@Suite("Rules test files")
struct PolicyTestRunnerTests {
    static let base = """
    policy "mini"
    use fact a: bool "A"
    use fact b: bool "B"
    use fact mode: one of install, web "Mode"
    tool alpha "Alpha"
    rule "mini-permit"
      permit when tool.id = alpha
      says fr "Permis."
      cites "doc.txt" section "S"
    rule "mini-both"
      forbid when use.a and use.b
      says fr "Interdit."
      cites "doc.txt" section "S"
      remedy fr "Ne pas."
    document "doc.txt" title "Document de test"

    """
    static let profile = "profile \"p\" extends \"mini\"\n"

    static func run(_ tests: String, coverage: Bool = false) -> PolicyTestReport {
        PolicyTestRunner.run(
            tests: [SourceFile(path: "t.tests", text: tests)],
            policy: [SourceFile(path: "base.rules", text: base), SourceFile(path: "p.rules", text: profile)],
            coverage: coverage
        )
    }

    static func shippedTests() throws -> [SourceFile] {
        let folder = TestPolicies.rulesFolder + "/tests"
        return try (FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".tests") }.sorted().map {
            SourceFile(path: folder + "/" + $0, text: try String(contentsOfFile: folder + "/" + $0, encoding: .utf8))
        }
    }

    @Test func theShippedCasesPassAndCoverEveryRuleAndProfile() throws {
        let policy = PolicyLoader.load(at: TestPolicies.rulesFolder).sources
        let report = PolicyTestRunner.run(tests: try Self.shippedTests(), policy: policy, coverage: false)
        #expect(report.diagnostics.isEmpty, "\(DiagnosticRenderer(sources: report.sources).render(report.diagnostics))")
        for result in report.results where !result.passed {
            Issue.record("\(result.range.start.file):\(result.range.start.line): \(result.name): \(result.failures)")
        }
        #expect(Set(report.results.map(\.profile)) == Set(TestPolicies.shippedProfiles))
        // Every rule of every profile is named by some case of that profile as deciding, a
        // condition or advice: a rule no case names has no test.
        var named: [String: Set<String>] = [:]
        for file in try Self.shippedTests() {
            let parsed = Parser.parseTests(file).file
            for testCase in parsed.cases {
                let profile = (testCase.profile ?? parsed.profile)!.value
                for list in testCase.ruleLists.values { named[profile, default: []].formUnion(list.value.map(\.value)) }
            }
        }
        let everywhere = named.values.reduce(Set<String>()) { $0.union($1) }
        for profile in TestPolicies.shippedProfiles {
            let compiled = try TestPolicies.shipped(profile: profile)
            for rule in compiled.rules where rule.layer == profile {
                #expect(named[profile]?.contains(rule.id) == true, "no case of \(profile) names \(rule.id)")
            }
            for rule in compiled.rules where rule.layer != profile {
                #expect(everywhere.contains(rule.id), "no case names the base rule \(rule.id)")
            }
        }
    }

    @Test func theCoverageWalkAgreesWithTheEvaluatorOnEveryShippedCase() throws {
        let sources = PolicyLoader.load(at: TestPolicies.rulesFolder).sources
        var recorder = CoverageRecorder(sources: sources)
        var compared = 0
        for file in try Self.shippedTests() {
            let parsed = Parser.parseTests(file).file
            for testCase in parsed.cases {
                let profile = (testCase.profile ?? parsed.profile)!.value
                let policy = try TestPolicies.shipped(profile: profile)
                var diagnostics: [Diagnostic] = []
                let checked = try #require(PolicyTestRunner.check(testCase, profile: profile, policy: policy, diagnostics: &diagnostics))
                let request = policy.collectingRequest(tool: checked.tool, facts: checked.facts, today: checked.today).request
                var trace = EvaluationTrace(for: policy)
                _ = policy.verdict(for: request, trace: &trace)
                for (index, rule) in policy.rules.enumerated() {
                    let walked = recorder.truths(of: rule, for: request, in: policy)
                    var expected = rule.condition < 0 ? [] : [trace.conditions[index]]
                    if rule.effect == .require { expected.append(trace.requirements[index]) }
                    #expect(walked == expected, "\(testCase.name.value): \(rule.id)")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
    }

    @Test func unknownNamesAreLocatedDiagnostics() {
        let report = Self.run("""
        profile p

        case "one"
          tool alpah
          use a = true, modee = web, mode = instal
          expect allowed
          decided-by "mini-permitt"
          questions use.bb
          cites "doc.txt" section "S"

        case "two"
          profile q
          tool alpha
          expect allowed
          cites "doc.txt" section "S"

        case "three"
          tool alpha
          expect alowed
        """)
        let found = report.diagnostics.map { "\($0.range!.start.line):\($0.range!.start.column) \($0.code)" }
        #expect(found == ["4:8 TP206", "5:17 TP201", "5:37 TP202", "7:14 TP403", "8:17 TP201", "12:11 TP401", "19:10 TP101"])
        #expect(report.diagnostics[0].hint == "did you mean `alpha`?")
        #expect(report.results.isEmpty, "nothing runs when a case is wrong")
    }

    @Test func aClauseAtColumnOneIsMissingIndentationAndTheNextCaseIsStillRead() {
        let report = Self.run("""
        profile p
        case "broken"
        tool alpha
          expect allowed
        case "next"
          tool alpah
          expect allowed
          cites "doc.txt" section "S"
        """)
        let found = report.diagnostics.map { "\($0.range!.start.line):\($0.range!.start.column) \($0.code)" }
        #expect(found == ["3:1 TP104", "6:8 TP206"])
    }

    @Test func aCaseWithoutExpectationOrCitationCannotPassSilently() {
        let report = Self.run("""
        profile p
        case "no expect"
          tool alpha
          cites "doc.txt" section "S"
        case "no citation"
          tool alpha
          expect allowed
        case "listed as unlisted"
          tool unlisted "ALPHA"
          expect review
          cites "doc.txt" section "S"
        """)
        #expect(report.diagnostics.map(\.code) == ["TP402", "TP404", "TP405"])
        #expect(!report.passed)
    }

    @Test func aFailingCaseSaysWhatItExpectedAndWhatItGot() throws {
        let report = Self.run("""
        profile p
        case "wrong"
          tool alpha
          use a = true, b = true
          expect allowed
          decided-by "mini-permit"
          remedies none
          questions use.mode
          cites "doc.txt" section "S"
        case "right"
          tool alpha
          use a = true, b = false
          expect allowed
          decided-by "mini-permit"
          conditions none
          questions none
          cites "doc.txt" section "S"
        """)
        #expect(report.diagnostics.isEmpty)
        let wrong = try #require(report.results.first)
        #expect(wrong.failures == [
            "verdict: expected allowed, got denied (decided by mini-both)",
            "decided-by: expected mini-permit, got mini-both",
            "remedies: expected those of none, got those of mini-both",
            "questions: expected use.mode, got none",
        ])
        #expect(report.results[1].passed)
    }

    @Test func coverageNamesTheOutcomesLeftUntried() throws {
        let report = Self.run("""
        profile p
        case "both"
          tool alpha
          use a = true, b = true
          expect denied
          cites "doc.txt" section "S"
        case "only b"
          tool alpha
          use a = false, b = true
          expect allowed
          cites "doc.txt" section "S"
        """, coverage: true)
        let coverage = try #require(report.coverage)
        let both = try #require(coverage.rules.first { $0.rule == "mini-both" })
        #expect(both.items.filter { !$0.covered }.map(\.what) == [
            "the condition unknown", "`use.b` deciding the `and` as false",
        ])
        #expect(both.items.filter(\.covered).count == 5)
        let permit = try #require(coverage.rules.first { $0.rule == "mini-permit" })
        #expect(permit.items.filter { !$0.covered }.map(\.what) == ["the condition false"])
        #expect(coverage.total == 9)
        #expect(coverage.covered == 6)
    }
}
