import Testing
@testable import ToolPolicy

/// Issue 8: a deep or long rule expression used to overflow the stack (SIGSEGV) in the
/// parser, the compiler, the folding and the evaluator. Chains of any length are now one
/// n-ary node compiled as a balanced tree; nesting past ``Parser/maxNesting`` is TP103.
@Suite struct DeepExpressionTests {
    /// A rule whose condition is `condition`, after the mini base.
    private func policyText(_ condition: String) -> String {
        TestPolicies.mini(TestPolicies.rule("deep", "forbid when " + condition), TestPolicies.rule("ok", "permit when true"))
    }

    private func errors(_ text: String) -> [Diagnostic] {
        TestPolicies.load(text).diagnostics.filter { $0.severity == .error }
    }

    @Test func tenThousandNestedParenthesesGetOneLocatedDiagnostic() throws {
        let depth = 10_000
        let condition = String(repeating: "(", count: depth) + "use.a" + String(repeating: ")", count: depth)
        let diagnostics = errors(policyText(condition))
        #expect(diagnostics.map(\.code) == ["TP103"])
        let diagnostic = try #require(diagnostics.first)
        // The 65th parenthesis is the first one past the limit: "  forbid when " is 14 characters.
        #expect(diagnostic.range?.start.column == 14 + Parser.maxNesting + 1)
        #expect(diagnostic.message.contains("\(Parser.maxNesting)"))
        #expect(diagnostic.hint?.contains("and") == true)
    }

    @Test func fiftyThousandNotsGetOneDiagnostic() {
        let condition = String(repeating: "not ", count: 50_000) + "use.a"
        #expect(errors(policyText(condition)).map(\.code) == ["TP103"])
    }

    @Test func deeplyNestedSetsGetOneDiagnostic() {
        let condition = "use.computer in " + String(repeating: "{", count: 20_000) + "personal" + String(repeating: "}", count: 20_000)
        #expect(errors(policyText(condition)).map(\.code) == ["TP103"])
    }

    @Test func nestingUpToTheLimitCompilesAndEvaluates() throws {
        let depth = Parser.maxNesting
        let condition = String(repeating: "(", count: depth) + "use.a" + String(repeating: ")", count: depth)
        let policy = try TestPolicies.compile(policyText(condition))
        #expect(try TestPolicies.decide(policy, "alpha", ["a": "true"]).verdict == .denied)
        #expect(try TestPolicies.decide(policy, "alpha", ["a": "false"]).verdict == .allowed)
    }

    @Test func aDiagnosticPastTheLimitDoesNotHideTheNextMistake() {
        let deep = String(repeating: "(", count: 200) + "use.a" + String(repeating: ")", count: 200)
        let text = policyText(deep) + TestPolicies.rule("later", "forbid when use.nosuch")
        #expect(errors(text).map(\.code) == ["TP103", "TP201"])
    }

    @Test(arguments: ["and", "or"])
    func aFlatChainOfFiftyThousandTermsCompilesAndDecides(connective: String) throws {
        let terms = 50_000
        let condition = Array(repeating: "use.a", count: terms - 1).joined(separator: " \(connective) ") + " \(connective) use.b"
        let policy = try TestPolicies.compile(policyText(condition))
        // `and`: denied only when both are true; `or`: when either is.
        let both = try TestPolicies.decide(policy, "alpha", ["a": "true", "b": "true"]).verdict
        let onlyA = try TestPolicies.decide(policy, "alpha", ["a": "true", "b": "false"]).verdict
        let neither = try TestPolicies.decide(policy, "beta", ["a": "false", "b": "false"]).verdict
        let unknownB = try TestPolicies.decide(policy, "alpha", ["a": "true"]).verdict
        #expect(both == .denied)
        #expect(onlyA == (connective == "and" ? .allowed : .denied))
        #expect(neither == .allowed)
        #expect(unknownB == (connective == "and" ? .conditional : .denied))
    }

    @Test func aSetOfFiftyThousandValuesCompilesAndDecides() throws {
        let values = (1...50_000).map(String.init).joined(separator: ", ")
        let policy = try TestPolicies.compile(policyText("use.participants in {\(values)}"))
        #expect(try TestPolicies.decide(policy, "alpha", ["participants": "49999"]).verdict == .denied)
        #expect(try TestPolicies.decide(policy, "alpha", ["participants": "50001"]).verdict == .allowed)
        #expect(try TestPolicies.decide(policy, "alpha", [:]).verdict == .conditional)
    }

    @Test func aLongChainFoldsAgainstCatalogFacts() throws {
        // Every term reads a tool fact, so folding decides it per tool at load time.
        let condition = Array(repeating: "tool.monetises", count: 50_000).joined(separator: " and ")
        let policy = try TestPolicies.compile(policyText(condition))
        #expect(try TestPolicies.decide(policy, "beta").verdict == .denied)
        #expect(try TestPolicies.decide(policy, "alpha").verdict != .denied)
    }
}
