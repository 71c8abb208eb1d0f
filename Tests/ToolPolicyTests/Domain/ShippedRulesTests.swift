import Testing
@testable import ToolPolicy

/// The shipped `Rules/` folder: every profile compiles, every rule quotes its source in
/// French and cites one of the five documents, every catalog fact names its source.
@Suite struct ShippedRulesTests {
    static let profiles: [String?] = [nil] + TestPolicies.shippedProfiles.map(Optional.some)

    @Test(arguments: profiles)
    func everyProfileCompilesWithoutDiagnostics(profile: String?) throws {
        let result = PolicyLoader.load(at: TestPolicies.rulesFolder, profile: profile)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer(sources: result.sources).render(result.diagnostics))")
        let policy = try #require(result.policy)
        #expect(policy.name == "national")
        #expect(policy.profile == (profile ?? "rennes"))
    }

    @Test func validatingTheWholeFolderFindsNothing() {
        let result = PolicyLoader.validate(at: TestPolicies.rulesFolder)
        #expect(result.diagnostics.isEmpty)
        #expect(result.profiles == TestPolicies.shippedProfiles)
        #expect(result.sources.filter { $0.path.hasSuffix(".rules") }.count == 8)
        #expect(result.sources.filter { $0.path.hasSuffix(".txt") }.count == 5, "the texts of the five seeds ship in Rules/sources/")
    }

    @Test(arguments: TestPolicies.shippedProfiles)
    func everyRuleHasAFrenchMessageAndCitesASeedDocument(profile: String) throws {
        let policy = try TestPolicies.shipped(profile: profile)
        #expect(!policy.rules.isEmpty)
        for rule in policy.rules {
            #expect(!rule.message.fr.trimmingWhitespace().isEmpty, "\(rule.id) has no French message")
            #expect(!rule.citations.isEmpty, "\(rule.id) cites nothing")
            for citation in rule.citations {
                #expect(TestPolicies.seedDocuments.contains(citation.document), "\(rule.id) cites \(citation.document)")
                #expect(!citation.section.trimmingWhitespace().isEmpty, "\(rule.id) cites no section")
            }
            if let remedy = rule.remedy { #expect(!remedy.fr.isEmpty, "\(rule.id)") }
            #expect(rule.layer == "national" || rule.layer == profile)
        }
    }

    @Test(arguments: TestPolicies.shippedProfiles)
    func everyCatalogFactAndClassificationNamesItsSource(profile: String) throws {
        let policy = try TestPolicies.shipped(profile: profile)
        for tool in policy.tools {
            for fact in tool.facts {
                #expect(TestPolicies.seedDocuments.contains(fact.source.document), "\(tool.id).\(fact.name): \(fact.source.document)")
                #expect(!fact.source.section.isEmpty, "\(tool.id).\(fact.name)")
                #expect(policy.fact(named: "tool." + fact.name)?.owner == .tool)
            }
            if let classification = tool.classification {
                #expect(!classification.citations.isEmpty)
                #expect(classification.citations.allSatisfy { TestPolicies.seedDocuments.contains($0.document) })
            }
        }
    }

    @Test func everyProfileNamesASeedDocumentInItsHeader() throws {
        for profile in TestPolicies.shippedProfiles {
            let policy = try TestPolicies.shipped(profile: profile)
            #expect(!policy.sourceDocuments.isEmpty)
            #expect(policy.sourceDocuments.allSatisfy(TestPolicies.seedDocuments.contains), "\(profile): \(policy.sourceDocuments)")
        }
    }

    @Test func noShippedToolFactSaysWhatTheSourcesLeaveOpen() throws {
        // The sources give no signed contract and no recording feature for any tool: the catalog
        // must leave those facts unknown rather than guess.
        let policy = try TestPolicies.shipped()
        for tool in policy.tools {
            let names = tool.facts.map(\.name)
            #expect(!names.contains("dpa_signed"), "\(tool.id)")
            #expect(!names.contains("recording"), "\(tool.id)")
        }
        // `listing` is set by the profiles only.
        let base = try #require(PolicyLoader.load(at: TestPolicies.rulesFolder + "/national").policy)
        #expect(base.tools.allSatisfy { !$0.facts.map(\.name).contains("listing") })
    }
}
