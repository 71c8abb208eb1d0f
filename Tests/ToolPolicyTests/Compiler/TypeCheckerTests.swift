import Foundation
import Testing
@testable import ToolPolicy

/// One statement with one mistake, the code it must raise, where, and what the hint says.
struct TypeErrorCase: Sendable, CustomTestStringConvertible {
    /// The statement appended to the base.
    var statement: String
    /// The expected code.
    var code: String
    /// The text the diagnostic points at: its last occurrence in the file is the expected start.
    var at: String
    /// Text the hint must contain (the whole hint when it starts with `=`).
    var hint: String
    /// Text the message must contain.
    var message: String = ""

    var testDescription: String { "\(code): \(statement.split(separator: "\n").prefix(2).joined(separator: " / "))" }
}

@Suite struct TypeCheckerTests {
    static let base = """
    policy "national"
    tool fact dpa_signed: bool "Contrat"
    tool fact provider: one of ministry, market "Fournisseur"
    tool fact web_client: bool "Client web"
    tool fact dpa_valid_until: date "Fin du contrat"
    use fact mode: one of install, web "Mode"
    use fact computer: one of administrative, pedagogical, personal "Poste"
    use fact participants: integer "Participants"
    use fact accounts: set of none, staff, pupils "Comptes"
    use fact recorded: bool "Enregistré"

    tool zoom "Zoom"
      provider = market   source "d.txt" section "s"
    tool teams "Teams"

    """

    static func rule(_ effect: String) -> String { TestPolicies.rule("r", effect) }

    static let cases: [TypeErrorCase] = [
        // TP201 unknown fact
        .init(statement: rule("forbid when not tool.dpa_signd"), code: "TP201", at: "tool.dpa_signd",
              hint: "=did you mean `tool.dpa_signed`?", message: "unknown fact `tool.dpa_signd`"),
        .init(statement: rule("forbid when use.mod = web"), code: "TP201", at: "use.mod", hint: "=did you mean `use.mode`?"),
        .init(statement: rule("forbid when tool.mode = web"), code: "TP201", at: "tool.mode",
              hint: "=`mode` is a use fact: write `use.mode`"),
        .init(statement: rule("forbid when use.dpa_signed"), code: "TP201", at: "use.dpa_signed",
              hint: "=`dpa_signed` is a tool fact: write `tool.dpa_signed`"),
        .init(statement: rule("forbid when use.colour = web"), code: "TP201", at: "use.colour", hint: "declare it"),
        // TP202 value outside an enum or set
        .init(statement: rule("forbid when use.mode = instal"), code: "TP202", at: "instal",
              hint: "=did you mean `install`?", message: "(one of install, web)"),
        .init(statement: rule("forbid when use.computer in {administrative, classroom}"), code: "TP202", at: "classroom",
              hint: "=allowed values: administrative, pedagogical, personal"),
        .init(statement: rule("forbid when use.accounts contains any of {staff, parents}"), code: "TP202", at: "parents",
              hint: "allowed values: none, staff, pupils"),
        .init(statement: rule("forbid when use.accounts = {nobody}"), code: "TP202", at: "nobody", hint: "allowed values"),
        .init(statement: rule("forbid when tool.provider = markt"), code: "TP202", at: "markt", hint: "=did you mean `market`?"),
        // TP203 type mismatch
        .init(statement: rule("forbid when use.participants = web"), code: "TP203", at: "web",
              hint: "whole number", message: "`use.participants` is integer"),
        .init(statement: rule("forbid when tool.dpa_signed < 3"), code: "TP203", at: "3",
              hint: "`true` or `false`", message: "`tool.dpa_signed` is bool"),
        .init(statement: rule("forbid when use.mode < web"), code: "TP203", at: "<", hint: "compare integers and dates"),
        .init(statement: rule("forbid when use.accounts in {staff}"), code: "TP203", at: "{staff}", hint: "contains any of"),
        .init(statement: rule("forbid when use.mode contains web"), code: "TP203", at: "use.mode contains", hint: "in {"),
        .init(statement: rule("forbid when use.participants = use.mode"), code: "TP203", at: "use.participants = use.mode",
              hint: "same type", message: "cannot be compared"),
        .init(statement: rule("forbid when 1 = 1"), code: "TP203", at: "1 = 1", hint: "one side of a comparison is a fact"),
        .init(statement: rule("forbid when tool.dpa_valid_until < 2026"), code: "TP203", at: "2026", hint: "2026-08-31"),
        .init(statement: rule("forbid when tool.id = 3"), code: "TP203", at: "3", hint: "tool.id = cned"),
        // TP204 not a condition
        .init(statement: rule("forbid when use.mode"), code: "TP204", at: "use.mode", hint: "`use.mode = …`",
              message: "`use.mode` (one of install, web) is not a condition"),
        .init(statement: rule("forbid when use.participants and use.recorded"), code: "TP204", at: "use.participants",
              hint: "`use.participants > …`"),
        .init(statement: rule("forbid when web"), code: "TP204", at: "web", hint: "a condition tests a fact"),
        // TP205 classify reading the use
        .init(statement: "classify tolerated when use.mode = web\n  cites \"d.txt\" section \"s\"\n", code: "TP205",
              at: "use.mode", hint: "a class belongs to the tool"),
        .init(statement: "classify forbidden when tool.dpa_valid_until < today\n  cites \"d.txt\" section \"s\"\n", code: "TP205",
              at: "today", hint: "a class belongs to the tool"),
        // TP206 unknown tool id
        .init(statement: rule("forbid when tool.id = zom"), code: "TP206", at: "zom", hint: "=did you mean `zoom`?",
              message: "no tool `zom` in the catalog"),
        .init(statement: rule("advise when tool.id in {teams, webex}"), code: "TP206", at: "webex", hint: "catalog"),
        // TP207 no French message
        .init(statement: "rule \"r\"\n  forbid when use.recorded\n  says en \"Forbidden.\"\n  cites \"d.txt\" section \"s\"\n",
              code: "TP207", at: "\"r\"", hint: "says fr"),
        .init(statement: "rule \"r\"\n  forbid when use.recorded\n  says fr \"Non.\"\n  remedy en \"Do.\"\n  cites \"d.txt\" section \"s\"\n",
              code: "TP207", at: "\"r\"", hint: "says fr", message: "the remedy of rule `r`"),
        // TP208 no citation
        .init(statement: "rule \"r\"\n  forbid when use.recorded\n  says fr \"Non.\"\n", code: "TP208", at: "\"r\"",
              hint: "cites \"document.txt\" section", message: "rule `r` cites no source"),
        .init(statement: "classify tolerated when tool.web_client\n", code: "TP208", at: "classify tolerated", hint: "cites"),
        // TP209 catalog fact without source
        .init(statement: "tool gotomeeting \"GoToMeeting\"\n  web_client = true\n", code: "TP209", at: "web_client = true",
              hint: "source \"document.txt\"", message: "fact `web_client` of tool `gotomeeting` has no source"),
        // TP210 duplicates
        .init(statement: rule("permit when true") + rule("forbid when use.recorded"), code: "TP210", at: "\"r\"",
              hint: "remove or rename", message: "rule `r` is defined twice"),
        .init(statement: "use fact mode: bool \"Encore\"\n", code: "TP210", at: "mode: bool", hint: "remove or rename",
              message: "fact `use.mode`"),
        .init(statement: "tool zoom \"Zoom encore\"\n", code: "TP210", at: "zoom \"Zoom encore\"", hint: "remove or rename",
              message: "tool `zoom`"),
        .init(statement: "use fact size: one of small, large, small \"Taille\"\n", code: "TP210", at: "small \"Taille\"",
              hint: "remove or rename", message: "value `small`"),
        .init(statement: "extend tool zoom\n  provider = ministry source \"d.txt\" section \"s\"\n", code: "TP210",
              at: "provider = ministry", hint: "remove or rename", message: "fact `provider` of tool `zoom`"),
        // TP214 override in the base
        .init(statement: "override \"x\"\n  says fr \"Levée.\"\n  cites \"d.txt\" section \"s\"\n", code: "TP214", at: "\"x\"",
              hint: "profile"),
        // TP215 unknown language
        .init(statement: "rule \"r\"\n  forbid when use.recorded\n  says fr \"Non.\"\n  says de \"Nein.\"\n  cites \"d.txt\" section \"s\"\n",
              code: "TP215", at: "de", hint: "says en"),
        // TP216 extend an unknown tool
        .init(statement: "extend tool zom\n  web_client = true source \"d.txt\" section \"s\"\n", code: "TP216", at: "zom",
              hint: "=did you mean `zoom`?", message: "cannot extend `zom`"),
        // TP217 use fact stated on a tool
        .init(statement: "tool skype \"Skype\"\n  mode = web source \"d.txt\" section \"s\"\n", code: "TP217", at: "mode = web",
              hint: "request", message: "`mode` is a use fact"),
        // TP218 name clash between tools
        .init(statement: "tool zoom2 \"Zoom 2\"\n  aliases \"ZOOM\"\n", code: "TP218", at: "\"ZOOM\"",
              hint: "ignoring case", message: "already designates `zoom`"),
        // TP220 classify testing a class
        .init(statement: "classify tolerated when tool is institutional\n  cites \"d.txt\" section \"s\"\n", code: "TP220",
              at: "tool is institutional", hint: "from tool facts"),
    ]

    /// The 1-based line and character column of the last occurrence of `needle`.
    static func locate(_ needle: String, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated().reversed() {
            if let range = line.range(of: needle, options: .backwards) {
                return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }

    @Test(arguments: cases)
    func reportsTheMistakeAtItsPlaceWithAHint(_ testCase: TypeErrorCase) throws {
        let text = Self.base + testCase.statement
        let result = TestPolicies.load(text)
        let errors = result.diagnostics.filter { $0.severity == .error }
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
        #expect(errors.map(\.code) == [testCase.code], "\(errors.map { "\($0.code) \($0.message)" })")
        let error = try #require(errors.first)
        let expected = try #require(Self.locate(testCase.at, in: text))
        #expect(error.range?.start == Loc(file: "test.rules", line: expected.line, column: expected.column))
        if testCase.hint.hasPrefix("=") {
            #expect(error.hint == String(testCase.hint.dropFirst()))
        } else {
            #expect(error.hint?.contains(testCase.hint) == true, "hint: \(error.hint ?? "none")")
        }
        if !testCase.message.isEmpty {
            #expect(error.message.contains(testCase.message), "message: \(error.message)")
        }
    }

    @Test func theBaseAloneCompiles() throws {
        let policy = try TestPolicies.compile(Self.base)
        #expect(policy.tools.map(\.id) == ["zoom", "teams"])
        #expect(policy.toolFacts.map(\.name) == ["dpa_signed", "provider", "web_client", "dpa_valid_until"])
        #expect(policy.useFacts.map(\.qualifiedName) == ["use.mode", "use.computer", "use.participants", "use.accounts", "use.recorded"])
    }

    @Test func duplicatesPointBackAtTheFirstDefinition() throws {
        let result = TestPolicies.load(Self.base + Self.rule("permit when true") + Self.rule("forbid when use.recorded"))
        let error = try #require(result.diagnostics.first)
        let note = try #require(error.notes.first)
        #expect(note.message == "first defined here")
        let first = try #require(Self.locate("rule \"r\"", in: Self.base + Self.rule("permit when true")))
        #expect(note.range?.start == Loc(file: "test.rules", line: first.line, column: 6))
    }

    /// §3: "duplicate facts, rules, tools or aliases" are rejected, aliases of one tool included.
    @Test func theSameAliasTwiceOnOneToolIsADuplicate() throws {
        let text = Self.base + "tool skype \"Skype\"\n  aliases \"skype web\", \"Skype Web\"\n"
        let result = TestPolicies.load(text)
        let error = try #require(result.diagnostics.first, "a duplicate alias is accepted silently")
        #expect(["TP210", "TP218"].contains(error.code))
        let place = try #require(Self.locate("\"Skype Web\"", in: text))
        #expect(error.range?.start == Loc(file: "test.rules", line: place.line, column: place.column))
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
    }

    /// Two `says fr` (or `remedy fr`) on one rule: which text wins must not be left to chance.
    /// The clauses are kept in a dictionary keyed by language *and place*, so both survive
    /// parsing and the compiler picks one in hash order, which changes from run to run.
    @Test(arguments: ["says", "remedy"])
    func aSecondFrenchTextOnOneRuleIsReported(clause: String) throws {
        let text = Self.base + """
        rule "r"
          forbid when use.recorded
          says fr "Premier texte."
          \(clause) fr "Second texte."
          \(clause) fr "Troisième texte."
          cites "d.txt" section "s"

        """
        let result = TestPolicies.load(text)
        let compiled = result.compiled
        #expect(!compiled, "the rule compiled with message \(result.policy?.rules.first?.message.fr ?? "")")
        let error = try #require(result.diagnostics.first, "no diagnostic for a repeated `\(clause) fr`")
        #expect(error.code == "TP210")
    }

    @Test func theCompilerReportsEveryErrorNotJustTheFirst() {
        let text = Self.base
            + TestPolicies.rule("one", "forbid when tool.dpa_signd")
            + TestPolicies.rule("two", "forbid when use.mode = instal")
            + TestPolicies.rule("three", "forbid when tool.id = zom")
            + TestPolicies.rule("four", "forbid when use.mode")
        let codes = TestPolicies.load(text).diagnostics.map(\.code)
        #expect(codes == ["TP201", "TP202", "TP206", "TP204"])
    }

    @Test func bothSidesOfAnAndAreChecked() {
        let codes = TestPolicies.load(Self.base + Self.rule("forbid when tool.dpa_signd and use.mode = instal")).diagnostics.map(\.code)
        #expect(codes == ["TP201", "TP202"])
    }

    @Test func aRequireChecksBothItsRequirementAndItsWhen() {
        let codes = TestPolicies.load(Self.base + Self.rule("require use.mode = wb when tool.dpa_signd")).diagnostics.map(\.code)
        #expect(Set(codes) == ["TP201", "TP202"])
        #expect(codes.count == 2)
    }

    @Test func wellTypedComparisonsCompile() throws {
        let policy = try TestPolicies.compile(Self.base + [
            TestPolicies.rule("a", "forbid when tool.dpa_valid_until < today"),
            TestPolicies.rule("b", "forbid when today > 2026-08-31 and use.participants >= 3"),
            TestPolicies.rule("c", "forbid when use.accounts contains pupils or use.accounts = {none}"),
            TestPolicies.rule("d", "forbid when use.computer not in {personal} and tool.id in {zoom, teams}"),
            TestPolicies.rule("e", "forbid when tool.dpa_signed = false and not use.recorded"),
            TestPolicies.rule("f", "require use.mode = web"),
        ].joined())
        #expect(policy.rules.map(\.id) == ["a", "b", "c", "d", "e", "f"])
        #expect(policy.rule(id: "a")?.facts == ["tool.dpa_valid_until"])
        #expect(policy.rule(id: "d")?.facts == ["use.computer"])
        #expect(policy.rule(id: "e")?.facts == ["tool.dpa_signed", "use.recorded"])
    }
}
