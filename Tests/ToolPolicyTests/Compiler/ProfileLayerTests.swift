import Testing
@testable import ToolPolicy

/// A base and a profile in two files: what a profile may and may not do (§7).
@Suite struct ProfileLayerTests {
    static let base = """
    policy "national" "Base"
    # The documents the base cites are declared by TestPolicies.load.
    tool fact provider: one of ministry, market "Fournisseur"
    tool fact web_client: bool "Client web"
    tool fact listing: one of institutional, tolerated, forbidden "Liste"
    use fact recorded: bool "Enregistré"
    use fact audience: set of pupils, staff "Public"

    tool zoom "Zoom"
      provider = market   source "003.txt" section "Web"

    classify forbidden when tool.provider = ministry
      cites "000.txt" section "Classe"

    rule "base-permit"
      permit when true
      says fr "Permis."
      cites "000.txt" section "Permis"

    rule "base-no-recording"
      forbid when use.recorded and use.audience contains pupils
      says fr "Pas d'enregistrement."
      cites "002.txt" section "Enregistrement"

    """

    static func profile(_ body: String) -> String {
        "profile \"p\" \"Profil P\" extends \"national\"\n# rules of the profile\n\n" + body
    }

    private func load(_ profileBody: String, profile: String? = "p") -> PolicyLoadResult {
        TestPolicies.load([("national.rules", Self.base), ("p.rules", Self.profile(profileBody))], profile: profile)
    }

    private func compile(_ profileBody: String) throws -> Policy {
        try TestPolicies.compile([("national.rules", Self.base), ("p.rules", Self.profile(profileBody))], profile: "p")
    }

    private func errors(_ result: PolicyLoadResult) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    @Test func aPolicyNamesItsBaseAndProfile() throws {
        let policy = try compile("")
        #expect(policy.name == "national")
        #expect(policy.profile == "p")
        #expect(policy.profileName == "p")
        #expect(policy.title == "Profil P")
        #expect(policy.files == ["national.rules", "p.rules", "zz-test-documents.rules"])
        #expect(policy.sourceDocuments.sorted() == ["000.txt", "002.txt", "003.txt"])
    }

    @Test func theBaseAloneLoadsWhenNoProfileIsNamedAndThereIsNoDefault() throws {
        let result = load("", profile: nil)
        let policy = try #require(result.policy)
        #expect(policy.profile == nil)
        #expect(policy.profileName == "national")
        #expect(policy.files == ["national.rules", "zz-test-documents.rules"])
        #expect(result.profiles == ["p"])
    }

    @Test func aProfileMayAddFactsTheBaseLeavesUnknown() throws {
        let policy = try compile("""
        extend tool zoom
          web_client = true   source "003.txt" section "Web"
          listing = tolerated source "003.txt" section "Tolérées"
        """)
        let zoom = try #require(policy.tool(named: "zoom"))
        #expect(zoom.facts.map(\.name) == ["provider", "web_client", "listing"])
        #expect(zoom.facts.map(\.layer) == ["national", "p", "p"])
        #expect(zoom.facts[2].value == .enumeration("tolerated"))
        #expect(zoom.facts[2].source == Citation(document: "003.txt", section: "Tolérées"))
    }

    @Test func aProfileCannotChangeABaseToolFact() throws {
        let result = load("""
        extend tool zoom
          provider = ministry source "003.txt" section "Web"
        """)
        let errors = errors(result)
        #expect(errors.map(\.code) == ["TP211"])
        let error = try #require(errors.first)
        #expect(error.range?.start == Loc(file: "p.rules", line: 5, column: 3))
        #expect(error.message == "a profile cannot change `provider` of tool `zoom`, which the base states")
        #expect(error.hint != nil)
        #expect(error.notes.first?.range?.start == Loc(file: "national.rules", line: 10, column: 3))
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
    }

    @Test func aProfileCannotRedefineABaseRule() throws {
        let result = load("""
        rule "base-no-recording"
          forbid when use.recorded
          says fr "Autre."
          cites "003.txt" section "X"
        """)
        let errors = errors(result)
        #expect(errors.map(\.code) == ["TP212"])
        let error = try #require(errors.first)
        #expect(error.range?.start == Loc(file: "p.rules", line: 4, column: 6))
        #expect(error.hint?.contains("override \"base-no-recording\"") == true)
        #expect(error.notes.first?.range?.start.file == "national.rules")
    }

    @Test func aProfileCannotRedefineABaseTool() {
        let result = load("tool zoom \"Zoom\"\n")
        #expect(errors(result).map(\.code) == ["TP210"])
        #expect(errors(result).first?.range?.start.file == "p.rules")
    }

    @Test func extendingAnUnknownToolIsAnError() throws {
        let result = load("""
        extend tool zom
          web_client = true source "003.txt" section "Web"
        """)
        let error = try #require(errors(result).first)
        #expect(errors(result).count == 1)
        #expect(error.code == "TP216")
        #expect(error.hint == "did you mean `zoom`?")
        #expect(error.range?.start == Loc(file: "p.rules", line: 4, column: 13))
    }

    @Test func anOverrideMustNameAnExistingBaseRule() throws {
        let result = load("""
        override "base-no-recordings"
          says fr "Levée."
          cites "003.txt" section "X"
        """)
        let error = try #require(errors(result).first)
        #expect(errors(result).count == 1)
        #expect(error.code == "TP213")
        #expect(error.message == "no base rule `base-no-recordings` to override")
        #expect(error.hint == "did you mean `base-no-recording`?")
        #expect(error.range?.start == Loc(file: "p.rules", line: 4, column: 10))
    }

    @Test func anOverrideCannotTargetAProfileRule() {
        let result = load("""
        rule "own"
          forbid when use.recorded
          says fr "Non."
          cites "003.txt" section "X"
        override "own"
          says fr "Levée."
          cites "003.txt" section "X"
        """)
        #expect(errors(result).map(\.code) == ["TP213"])
    }

    @Test func anOverrideWithoutCitationIsAnError() {
        let result = load("""
        override "base-no-recording"
          says fr "Levée sans justification."
        """)
        #expect(errors(result).map(\.code) == ["TP208"])
        #expect(errors(result).first?.message == "the override of `base-no-recording` cites no source")
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
    }

    @Test func anOverrideWithoutFrenchMessageIsAnError() {
        let result = load("""
        override "base-no-recording"
          says en "Lifted."
          cites "003.txt" section "X"
        """)
        #expect(errors(result).map(\.code) == ["TP207"])
    }

    @Test func aCitedOverrideRemovesTheBaseForbid() throws {
        let without = try compile("")
        let request: [String: String] = ["recorded": "true", "audience": "pupils"]
        #expect(try TestPolicies.decide(without, "zoom", request).verdict == .denied)

        let policy = try compile("""
        override "base-no-recording"
          says fr "L'académie autorise l'enregistrement."
          cites "003.txt" section "Enregistrement"
        """)
        #expect(policy.rule(id: "base-no-recording") == nil)
        #expect(policy.rules.map(\.id) == ["base-permit"])
        #expect(policy.overrides == [RuleOverride(
            ruleID: "base-no-recording", message: LocalizedText(fr: "L'académie autorise l'enregistrement."),
            citations: [Citation(document: "003.txt", section: "Enregistrement")], layer: "p"
        )])
        let decision = try TestPolicies.decide(policy, "zoom", request)
        #expect(decision.verdict == .allowed)
        #expect(TestPolicies.ids(decision.reasons) == ["base-permit"])
    }

    @Test func aProfileMayAddToolsFactsRulesAndClassifyStatements() throws {
        let policy = try compile("""
        tool fact hosting: string "Hébergement"
        use fact purpose: one of class, council "Objet"
        tool bbb "BigBlueButton"
          hosting = "France" source "003.txt" section "BBB"
        classify institutional when tool.hosting = "France"
          cites "003.txt" section "Institutionnel"
        rule "p-council"
          advise when use.purpose = council
          says fr "Conseil."
          cites "003.txt" section "Conseil"
        """)
        #expect(policy.tools.map(\.id) == ["zoom", "bbb"])
        #expect(policy.toolFacts.map(\.name) == ["provider", "web_client", "listing", "hosting"])
        #expect(policy.useFacts.map(\.name) == ["recorded", "audience", "purpose"])
        #expect(policy.rules.map(\.id) == ["base-permit", "base-no-recording", "p-council"])
        #expect(policy.rules.map(\.layer) == ["national", "national", "p"])
        #expect(policy.tool(named: "bbb")?.toolClass == .institutional)
        #expect(policy.tool(named: "bbb")?.classification?.layer == "p")
    }

    @Test func baseClassifyStatementsComeBeforeTheProfiles() throws {
        // The base classifies a ministry tool as forbidden; the profile's own classify on the
        // same tool comes later and loses. A tool the base does not classify gets the profile's class.
        let policy = try compile("""
        tool ministry-tool "Outil du ministère"
          provider = ministry   source "000.txt" section "M"
          listing = institutional source "003.txt" section "L"
        tool listed "Outil listé"
          listing = institutional source "003.txt" section "L"
        classify institutional when tool.listing = institutional
          cites "003.txt" section "Institutionnel"
        """)
        #expect(policy.tool(named: "ministry-tool")?.toolClass == .forbidden)
        #expect(policy.tool(named: "ministry-tool")?.classification?.layer == "national")
        #expect(policy.tool(named: "listed")?.toolClass == .institutional)
        #expect(policy.tool(named: "listed")?.classification?.citations == [Citation(document: "003.txt", section: "Institutionnel")])
        #expect(policy.tool(named: "zoom")?.toolClass == nil)
        #expect(policy.tool(named: "zoom")?.standing == .unclassified)
    }

    @Test func anUnknownProfileIsReportedWithTheClosestName() throws {
        let result = load("", profile: "q")
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
        let error = try #require(result.diagnostics.first)
        #expect(error.code == "TP303")
        #expect(error.message == "no profile `q` in this policy")
        #expect(error.range == nil)
        let misspelled = try #require(load("", profile: "pp").diagnostics.first)
        #expect(misspelled.hint == "did you mean `p`?")
    }

    @Test func anUnknownProfileOfAPolicyWithoutProfilesSaysSo() throws {
        let result = TestPolicies.load(Self.base, profile: "rennes")
        let error = try #require(result.diagnostics.first)
        #expect(error.code == "TP303")
        #expect(error.hint == "this policy has no profiles")
    }

    @Test func aProfileExtendingAMissingBaseIsReported() throws {
        let result = TestPolicies.load([("p.rules", "profile \"p\" extends \"nationale\"\n")], profile: "p")
        let error = try #require(result.diagnostics.first)
        #expect(error.code == "TP304")
        #expect(error.range?.start == Loc(file: "p.rules", line: 1, column: 21))
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
    }

    @Test func theShippedProfilesAreListedAndTheDefaultIsRennes() throws {
        let result = PolicyLoader.load(at: TestPolicies.rulesFolder)
        #expect(result.profiles == TestPolicies.shippedProfiles)
        #expect(result.policy?.profile == PolicyLoader.defaultProfile)
        #expect(PolicyLoader.defaultProfile == "rennes")
        let unknown = PolicyLoader.load(at: TestPolicies.rulesFolder, profile: "renes")
        let compiled = unknown.compiled
        #expect(!compiled)
        #expect(unknown.diagnostics.map(\.code) == ["TP303"])
        #expect(unknown.diagnostics.first?.hint == "did you mean `rennes`?")
    }
}
