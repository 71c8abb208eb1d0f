import Testing
@testable import ToolPolicy

/// A rules file with three independent mistakes: every one is reported, at its place,
/// with a hint, and the parser goes on after each.
@Suite struct ThreeMistakesTests {
    /// The file, with the mistakes whose numbers are in `fixed` corrected.
    /// Mistake 1 (line 6): `tool.dpa_signd` where `dpa_signed` is declared.
    /// Mistake 2 (line 11): `instal`, not one of `install, web`.
    /// Mistake 3 (line 16): a forbid without `when`.
    static func text(fixed: Set<Int> = []) -> String {
        """
        policy "national"
        tool fact dpa_signed: bool "Contrat signé"
        use fact mode: one of install, web "Mode"

        rule "a"
          forbid when not \(fixed.contains(1) ? "tool.dpa_signed" : "tool.dpa_signd")
        \(TestPolicies.clauses)

        rule "b"
          forbid when use.mode = \(fixed.contains(2) ? "install" : "instal")
        \(TestPolicies.clauses)

        rule "c"
          forbid \(fixed.contains(3) ? "when " : "")use.mode = web
        \(TestPolicies.clauses)

        rule "d"
          permit when use.mode = web
        \(TestPolicies.clauses)
        """
    }

    private func errors(_ result: PolicyLoadResult) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    @Test func reportsExactlyThreeErrorsEachAtItsPlace() throws {
        let result = TestPolicies.load(Self.text())
        let errors = errors(result)
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
        try #require(errors.count == 3, "\(errors.map(\.message))")
        #expect(errors.map(\.code) == ["TP201", "TP202", "TP101"])
        #expect(errors.map { $0.range?.start } == [
            Loc(file: "test.rules", line: 6, column: 19),   // `  forbid when not ` is 18 characters
            Loc(file: "test.rules", line: 11, column: 26),  // `  forbid when use.mode = ` is 25
            Loc(file: "test.rules", line: 16, column: 10),  // `  forbid ` is 9
        ])
        #expect(errors[0].range?.length == "tool.dpa_signd".count)
        #expect(errors[1].range?.length == "instal".count)
    }

    @Test func theTypeErrorsHintAtTheIntendedName() {
        let errors = errors(TestPolicies.load(Self.text()))
        guard errors.count == 3 else { Issue.record("expected three errors, got \(errors.count)"); return }
        #expect(errors[0].message == "unknown fact `tool.dpa_signd`")
        #expect(errors[0].hint == "did you mean `tool.dpa_signed`?")
        #expect(errors[1].message.contains("one of install, web"))
        #expect(errors[1].hint == "did you mean `install`?")
    }

    /// Every diagnostic of the three carries a hint, the missing `when` included.
    @Test func everyErrorCarriesAHint() {
        let errors = errors(TestPolicies.load(Self.text()))
        #expect(errors.count == 3)
        for error in errors {
            #expect(error.hint != nil, "\(error.code) at line \(error.range?.start.line ?? 0) has no hint: \(error.message)")
        }
        let syntax = errors.first { $0.code == "TP101" }
        #expect(syntax?.message == "expected `when`, found `use`")
        #expect(syntax?.hint?.contains("when") == true, "the hint should show `forbid when …`")
    }

    @Test func theParserRecoversAndKeepsTheStatementsAroundTheSyntaxError() {
        let (file, diagnostics) = Parser.parse(SourceFile(path: "test.rules", text: Self.text()))
        // Parsing alone sees only the syntax error; the two others are type errors.
        #expect(diagnostics.map(\.code) == ["TP101"])
        let ids = file.statements.compactMap { statement -> String? in
            if case .rule(let rule) = statement { return rule.id.value }
            return nil
        }
        #expect(ids == ["a", "b", "d"])
    }

    @Test(arguments: [
        (Set<Int>(), 3), ([1], 2), ([1, 2], 1), ([1, 2, 3], 0),
        ([2], 2), ([3], 2), ([2, 3], 1), ([1, 3], 1),
    ] as [(Set<Int>, Int)])
    func fixingMistakesOneByOneRemovesOneErrorEach(fixed: Set<Int>, remaining: Int) throws {
        let result = TestPolicies.load(Self.text(fixed: fixed))
        #expect(errors(result).count == remaining)
        if remaining == 0 {
            let policy = try #require(result.policy)
            #expect(policy.rules.map(\.id) == ["a", "b", "c", "d"])
        } else {
            let compiled = result.compiled
            #expect(!compiled, "a policy was compiled")
        }
    }

    @Test func theLastValidRuleDecidesOnceEverythingIsFixed() throws {
        let policy = try TestPolicies.compile(Self.text(fixed: [1, 2, 3]))
        // mode = web: rule c forbids it; rule a forbids when no contract is known (unknown here).
        // The tool is unlisted: reviewed whatever the use, the forbid said with the review.
        let web = try TestPolicies.decide(policy, "anything", ["mode": "web"])
        #expect(web.verdict == .review)
        #expect(TestPolicies.ids(web.reasons) == ["unlisted-tool", "c"])
    }
}

@Suite struct DiagnosticRendererTests {
    /// The column, in characters, at which the caret of a rendered diagnostic points.
    private func caretColumn(of rendered: String, source: SourceFile, line: Int) throws -> Int {
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let quotedLine = source.line(line)
        let quoted = try #require(lines.first { $0.hasSuffix(" | " + quotedLine) }, "source line not quoted:\n\(rendered)")
        let quotedIndex = try #require(lines.firstIndex(of: quoted))
        let caretLine = lines[quotedIndex + 1]
        let gutter = quoted.count - quotedLine.count
        let caret = try #require(caretLine.firstIndex(of: "^"))
        return caretLine.distance(from: caretLine.startIndex, to: caret) - gutter + 1
    }

    @Test func theCaretSitsUnderEachOfTheThreeMistakes() throws {
        let result = TestPolicies.load(ThreeMistakesTests.text())
        let renderer = DiagnosticRenderer(sources: result.sources)
        let source = try #require(result.sources.first)
        #expect(result.diagnostics.count == 3)
        for diagnostic in result.diagnostics {
            let range = try #require(diagnostic.range)
            let rendered = renderer.render(diagnostic)
            #expect(rendered.hasPrefix("test.rules:\(range.start.line):\(range.start.column): error[\(diagnostic.code)]: "))
            #expect(try caretColumn(of: rendered, source: source, line: range.start.line) == range.start.column)
            #expect(rendered.contains("^" + String(repeating: "~", count: range.length - 1) + "\n"))
            if let hint = diagnostic.hint { #expect(rendered.contains("= hint: \(hint)\n")) }
        }
    }

    @Test func theCaretCountsAccentedCharactersAsOneColumn() throws {
        let text = """
        policy "national"
        tool fact dpa_signed: bool "Contrat"
        use fact accès: bool "Accès élève"
        rule "é"
          forbid when use.accès and tool.dpa_signd
        \(TestPolicies.clauses)
        """
        let result = TestPolicies.load(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        // `  forbid when use.accès and ` is 28 characters (30 UTF-8 bytes).
        #expect(diagnostic.range?.start == Loc(file: "test.rules", line: 5, column: 29))
        let source = try #require(result.sources.first)
        let rendered = DiagnosticRenderer(sources: result.sources).render(diagnostic)
        #expect(try caretColumn(of: rendered, source: source, line: 5) == 29)
        // The character above the caret is the first of the unknown fact.
        let line = Array(source.line(5))
        #expect(String(line[28...]).hasPrefix("tool.dpa_signd"))
    }

    @Test func aDiagnosticWithoutPlaceHasNoExcerpt() {
        let diagnostic = Diagnostic(code: "TP303", message: "no profile `x` in this policy", range: nil, hint: "available profiles: a, b")
        let rendered = DiagnosticRenderer(sources: []).render(diagnostic)
        #expect(rendered == "error[TP303]: no profile `x` in this policy\n = hint: available profiles: a, b\n")
    }

    @Test func notesPointAtTheirOwnPlace() throws {
        let text = "policy \"p\"\nuse fact a: bool \"A\"\nuse fact a: bool \"A again\"\n"
        let result = TestPolicies.load(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "TP210")
        let rendered = DiagnosticRenderer(sources: result.sources).render(diagnostic)
        #expect(rendered.hasPrefix("test.rules:3:10: error[TP210]: "))
        #expect(rendered.contains("test.rules:2:10: note: first defined here\n"))
    }

    @Test func theSummaryCountsErrorsAndWarnings() {
        let error = Diagnostic(code: "TP301", message: "m", range: nil)
        let warning = Diagnostic(severity: .warning, code: "TP999", message: "w", range: nil)
        let renderer = DiagnosticRenderer(sources: [])
        #expect(renderer.render([error, error, error]).hasSuffix("3 errors, 0 warnings\n"))
        #expect(renderer.render([error, warning]).hasSuffix("1 error, 1 warning\n"))
        #expect(renderer.render([]) == "0 errors, 0 warnings\n")
    }
}
