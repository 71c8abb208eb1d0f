import Testing
@testable import ToolPolicy

@Suite struct ParserTests {
    private func parse(_ text: String) -> (file: Syntax.File, diagnostics: [Diagnostic]) {
        Parser.parse(SourceFile(path: "parse.rules", text: text))
    }

    /// Parses `policy "p"` followed by one rule with the given effect, and returns the effect.
    private func effect(_ effect: String) throws -> Syntax.Effect {
        let (file, diagnostics) = parse("policy \"p\"\n" + TestPolicies.rule("r", effect))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        guard case .rule(let rule)? = file.statements.first else {
            Issue.record("no rule parsed")
            throw CancellationError()
        }
        return rule.effect
    }

    /// A compact spelling of an expression, to compare trees.
    private func show(_ expression: Syntax.Expression) -> String {
        switch expression {
        case .and(let operands): "(" + operands.map(show).joined(separator: " and ") + ")"
        case .or(let operands): "(" + operands.map(show).joined(separator: " or ") + ")"
        case .not(let e, _): "not \(show(e))"
        case .toolIs(let test):
            switch test.value {
            case .toolClass(let c): "tool is \(c.rawValue)"
            case .unlisted: "tool is unlisted"
            case .unclassified: "tool is unclassified"
            }
        case .test(let operand): show(operand)
        case .compare(let l, let op, let r): "\(show(l)) \(op.value.rawValue) \(show(r))"
        case .membership(let l, let negated, let set):
            "\(show(l)) \(negated ? "not in" : "in") {\(set.value.map { show($0.value) }.joined(separator: ", "))}"
        case .contains(let l, let mode, let r):
            "\(show(l)) contains\(mode == .any ? " any of" : mode == .all ? " all of" : "") \(show(r))"
        }
    }

    private func show(_ operand: Syntax.Operand) -> String {
        switch operand {
        case .fact(let owner, let name, _): "\(owner.rawValue).\(name.value)"
        case .literal(let literal): show(literal.value)
        case .today: "today"
        }
    }

    private func show(_ literal: Syntax.Literal) -> String {
        switch literal {
        case .bool(let b): "\(b)"
        case .integer(let i): "\(i)"
        case .date(let d): CivilDate(days: d).description
        case .string(let s): "\"\(s)\""
        case .word(let w): w
        case .set(let elements): "{\(elements.map { show($0.value) }.joined(separator: ", "))}"
        }
    }

    private func condition(_ text: String) throws -> String {
        guard case .forbid(let expression) = try effect("forbid when " + text) else {
            Issue.record("not a forbid")
            return ""
        }
        return show(expression)
    }

    // MARK: Headers

    @Test func parsesABaseHeaderWithTitle() throws {
        let (file, diagnostics) = parse("policy \"national\" \"Base nationale\"\n")
        #expect(diagnostics.isEmpty)
        let header = try #require(file.header)
        #expect(header.name.value == "national")
        #expect(header.title == "Base nationale")
        #expect(header.extends == nil)
    }

    @Test func parsesAProfileHeader() throws {
        let (file, diagnostics) = parse("profile \"rennes\" extends \"national\"\n")
        #expect(diagnostics.isEmpty)
        let header = try #require(file.header)
        #expect(header.name.value == "rennes")
        #expect(header.title == nil)
        #expect(header.extends?.value == "national")
    }

    @Test func aHeaderSourceIsReplacedByDocuments() {
        let (_, diagnostics) = parse("policy \"national\"\n  source \"000.txt\"\n")
        #expect(diagnostics.map(\.code) == ["TP101"])
        #expect(diagnostics.first?.hint?.contains("document") == true)
    }

    @Test func parsesDocumentsColumnsAndTheWordsOfFacts() throws {
        let (file, diagnostics) = parse("""
        policy "national"
        document "003.txt"
          title "Cadre de référence"
          issuer "académie de Rennes"
          url "https://example.org/cadre"
        column tool aka "outil", "logiciel"
        use fact computer: one of administrative, pedagogical "Poste"
          label fr "Ordinateur utilisé" en "Computer"
          asks fr "Quel ordinateur ?" en "Which computer?"
          aka "poste"
          value pedagogical fr "sur un poste pédagogique" en "on a teaching computer" aka "pédagogique", "peda"
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard file.statements.count == 3, case .document(let document) = file.statements[0],
              case .column(let column) = file.statements[1], case .fact(let fact) = file.statements[2] else {
            Issue.record("not parsed: \(file.statements)"); return
        }
        #expect(document.id.value == "003.txt")
        #expect(document.title?.value == "Cadre de référence")
        #expect(document.issuer == "académie de Rennes")
        #expect(document.url == "https://example.org/cadre")
        #expect(column.column.value == "tool")
        #expect(column.aliases.map(\.value) == ["outil", "logiciel"])
        #expect(fact.labels.map { "\($0.language.value)=\($0.text)" } == ["fr=Ordinateur utilisé", "en=Computer"])
        #expect(fact.questions.map(\.text) == ["Quel ordinateur ?", "Which computer?"])
        #expect(fact.aliases.map(\.value) == ["poste"])
        #expect(fact.values.map(\.value.value) == ["pedagogical"])
        #expect(fact.values.first?.texts.map(\.text) == ["sur un poste pédagogique", "on a teaching computer"])
        #expect(fact.values.first?.aliases.map(\.value) == ["pédagogique", "peda"])
    }

    @Test func aProfileWithoutExtendsIsAnErrorWithAHint() {
        let (file, diagnostics) = parse("profile \"rennes\"\nrule \"x\"\n  permit when true\n" + TestPolicies.clauses)
        #expect(diagnostics.map(\.code) == ["TP101"])
        #expect(diagnostics.first?.hint?.contains("extends") == true)
        // The rule after the broken header still parses.
        #expect(file.statements.count == 1)
    }

    @Test func aFileWithoutHeaderIsReported() {
        let (file, diagnostics) = parse("rule \"x\"\n  permit when true\n" + TestPolicies.clauses)
        #expect(diagnostics.map(\.code) == ["TP102"])
        #expect(diagnostics.first?.range?.start == Loc(file: "parse.rules", line: 1, column: 1))
        #expect(file.header == nil)
        #expect(file.statements.count == 1)
    }

    // MARK: Statements

    @Test func parsesFactDeclarationsOfEveryType() throws {
        let (file, diagnostics) = parse("""
        policy "p"
        tool fact a: bool "A"
        tool fact b: integer "B"
        tool fact c: date "C"
        tool fact d: string "D"
        use fact e: one of install, web "E"
        use fact f: set of none, staff, pupils "F"
        """)
        #expect(diagnostics.isEmpty)
        let declarations = file.statements.compactMap { statement -> Syntax.FactDeclaration? in
            if case .fact(let declaration) = statement { return declaration }
            return nil
        }
        #expect(declarations.map(\.name.value) == ["a", "b", "c", "d", "e", "f"])
        #expect(declarations.map(\.owner) == [.tool, .tool, .tool, .tool, .use, .use])
        guard case .oneOf(let values) = declarations[4].type, case .setOf(let set) = declarations[5].type else {
            Issue.record("wrong types")
            return
        }
        #expect(values.map(\.value) == ["install", "web"])
        #expect(set.map(\.value) == ["none", "staff", "pupils"])
        #expect(declarations[5].description == "F")
    }

    @Test func parsesEachEffect() throws {
        guard case .forbid = try effect("forbid when use.a") else { Issue.record("forbid"); return }
        guard case .permit = try effect("permit when use.a") else { Issue.record("permit"); return }
        guard case .advise = try effect("advise when use.a") else { Issue.record("advise"); return }
        guard case .review = try effect("review when use.a") else { Issue.record("review"); return }
        guard case .require(let required, let when) = try effect("require use.mode = web when tool is tolerated") else {
            Issue.record("require"); return
        }
        #expect(show(required) == "use.mode = web")
        #expect(when.map(show) == "tool is tolerated")
        guard case .require(_, let none) = try effect("require use.a") else { Issue.record("require"); return }
        #expect(none == nil)
    }

    @Test func parsesRuleClauses() throws {
        let (file, diagnostics) = parse("""
        policy "p"
        rule "r"
          forbid when use.a
          says fr "Interdit."
          says en "Forbidden."
          cites "a.txt" section "1"
          cites "b.txt" section "2"
          remedy fr "Faire autrement."
        """)
        #expect(diagnostics.isEmpty)
        guard case .rule(let rule)? = file.statements.first else { Issue.record("no rule"); return }
        #expect(rule.id.value == "r")
        #expect(rule.id.range.start.line == 2)
        #expect(rule.id.range.start.column == 6)
        #expect(rule.clauses.messages.map { "\($0.language.value)=\($0.text)" } == ["fr=Interdit.", "en=Forbidden."])
        #expect(rule.clauses.remedies.map(\.text) == ["Faire autrement."])
        #expect(rule.clauses.citations.map(\.value) == [Citation(document: "a.txt", section: "1"), Citation(document: "b.txt", section: "2")])
    }

    @Test(arguments: [
        ("use.a or use.b and not use.c", "(use.a or (use.b and not use.c))"),
        ("(use.a or use.b) and use.c", "((use.a or use.b) and use.c)"),
        ("not not use.a", "not not use.a"),
        ("use.a and use.b and use.c", "(use.a and use.b and use.c)"),
        ("not use.a or use.b", "(not use.a or use.b)"),
        ("use.computer in {administrative, pedagogical}", "use.computer in {administrative, pedagogical}"),
        ("use.computer not in {personal}", "use.computer not in {personal}"),
        ("use.accounts contains pupils", "use.accounts contains pupils"),
        ("use.accounts contains any of {staff, pupils}", "use.accounts contains any of {staff, pupils}"),
        ("use.accounts contains all of {staff}", "use.accounts contains all of {staff}"),
        ("use.accounts = {none}", "use.accounts = {none}"),
        ("tool.dpa_valid_until < today", "tool.dpa_valid_until < today"),
        ("tool.dpa_valid_until >= 2026-08-31", "tool.dpa_valid_until >= 2026-08-31"),
        ("tool.hosting != \"France\"", "tool.hosting != \"France\""),
        ("tool.id in {zoom, teams}", "tool.id in {zoom, teams}"),
        ("tool is unlisted or tool is unclassified", "(tool is unlisted or tool is unclassified)"),
        ("not tool is institutional", "not tool is institutional"),
        ("use.participants > 10", "use.participants > 10"),
        ("true", "true"),
    ])
    func parsesExpressions(text: String, expected: String) throws {
        #expect(try condition(text) == expected)
    }

    @Test func conditionsMaySpanIndentedLines() throws {
        #expect(try condition("use.mode = install\n          and use.computer in {administrative}\n          and not tool is institutional")
            == "(use.mode = install and use.computer in {administrative} and not tool is institutional)")
    }

    @Test func parsesToolEntriesAndExtensions() throws {
        let (file, diagnostics) = parse("""
        policy "p"
        tool zoom "Zoom"
          aliases "zoom web", "zoom meetings"
          category videoconference
          web_client = true source "003.txt" section "Web"
          provider = market
        extend tool zoom
          listing = tolerated source "003.txt" section "Tolérées"
        """)
        #expect(diagnostics.isEmpty)
        guard case .tool(let entry)? = file.statements.first, case .tool(let extension_)? = file.statements.last else {
            Issue.record("tools not parsed"); return
        }
        #expect(entry.id.value == "zoom")
        #expect(entry.name == "Zoom")
        #expect(!entry.isExtension)
        #expect(entry.aliases.map(\.value) == ["zoom web", "zoom meetings"])
        #expect(entry.category?.value == "videoconference")
        #expect(entry.facts.map(\.name.value) == ["web_client", "provider"])
        #expect(entry.facts[0].source?.value == Citation(document: "003.txt", section: "Web"))
        #expect(entry.facts[1].source == nil)
        #expect(extension_.isExtension)
        #expect(extension_.name == nil)
        #expect(extension_.facts.map(\.name.value) == ["listing"])
    }

    @Test func parsesClassifyAndOverride() throws {
        let (file, diagnostics) = parse("""
        profile "x" extends "p"
        classify tolerated when tool.web_client
          cites "a.txt" section "1"
        override "base-rule"
          says fr "Levée."
          cites "b.txt" section "2"
        """)
        #expect(diagnostics.isEmpty)
        guard case .classify(let classify)? = file.statements.first, case .override(let override)? = file.statements.last else {
            Issue.record("not parsed"); return
        }
        #expect(classify.toolClass == .tolerated)
        #expect(show(classify.condition) == "tool.web_client")
        #expect(classify.citations.map(\.value) == [Citation(document: "a.txt", section: "1")])
        #expect(override.target.value == "base-rule")
        #expect(override.clauses.citations.map(\.value) == [Citation(document: "b.txt", section: "2")])
    }

    // MARK: Errors and recovery

    @Test func aStatementMustStartAtColumnOne() {
        let (_, diagnostics) = parse("policy \"p\"\nuse fact a: bool \"A\"\n  rule \"x\"\n    permit when true\n")
        #expect(diagnostics.map(\.code) == ["TP101"])
        #expect(diagnostics.first?.range?.start.line == 3)
        #expect(diagnostics.first?.range?.start.column == 3)
        #expect(diagnostics.first?.hint?.contains("column 1") == true)
    }

    @Test func aMisspelledStatementKeywordGetsADidYouMean() {
        let (file, diagnostics) = parse("policy \"p\"\nrul \"x\"\n  permit when true\n" + TestPolicies.rule("y", "permit when true"))
        #expect(diagnostics.map(\.code) == ["TP101"])
        #expect(diagnostics.first?.hint == "did you mean `rule`?")
        #expect(file.statements.count == 1)
    }

    @Test func aMisspelledEffectIsReportedWithTheEffectsAsHint() {
        let (_, diagnostics) = parse("policy \"p\"\n" + TestPolicies.rule("x", "forbd when true"))
        #expect(diagnostics.map(\.code) == ["TP101"])
        #expect(diagnostics.first?.range?.start == Loc(file: "parse.rules", line: 3, column: 3))
        #expect(diagnostics.first?.hint?.contains("forbid") == true)
    }

    @Test func everySyntaxErrorOfAFileIsReportedAndLaterStatementsStillParse() {
        let text = """
        policy "p"
        rule "one"
          forbid when use.mode = = web
        \(TestPolicies.clauses)
        rule "two"
          permit when use.a
        \(TestPolicies.clauses)
        rule "three"
          advise when (use.a
        \(TestPolicies.clauses)
        rule "four"
          review when use.b
        \(TestPolicies.clauses)
        """
        let (file, diagnostics) = parse(text)
        #expect(diagnostics.map(\.code) == ["TP101", "TP101"])
        #expect(diagnostics.map { $0.range?.start.line } == [3, 12])
        let ids = file.statements.compactMap { statement -> String? in
            if case .rule(let rule) = statement { return rule.id.value }
            return nil
        }
        #expect(ids == ["two", "four"])
    }

    /// A statement cut short right before the next statement: the error is found at the
    /// next statement's first token, and recovery must not skip that statement.
    @Test func recoveryDoesNotSwallowTheStatementThatEndedTheBrokenOne() {
        let text = """
        policy "p"
        rule "cut-short"
          forbid
        rule "next"
          permit when true
        \(TestPolicies.clauses)
        """
        let (file, diagnostics) = parse(text)
        #expect(diagnostics.map(\.code) == ["TP101"])
        let ids = file.statements.compactMap { statement -> String? in
            if case .rule(let rule) = statement { return rule.id.value }
            return nil
        }
        #expect(ids == ["next"])
    }
}
