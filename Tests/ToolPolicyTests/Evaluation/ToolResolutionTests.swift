import Testing
@testable import ToolPolicy

/// §6: a tool resolves by id, display name or alias, ignoring case, accents, spaces,
/// dashes and underscores; on the shipped catalog.
@Suite struct ToolResolutionTests {
    @Test(arguments: [
        ("zoom", "zoom"),
        ("Zoom", "zoom"),
        ("ZOOM", "zoom"),
        ("zoom web", "zoom"),
        ("Zoom Web", "zoom"),
        ("ZOOM-WEB", "zoom"),
        ("zoom_web", "zoom"),
        ("  zoom  web ", "zoom"),
        ("Zoom Meetings", "zoom"),
        ("cned", "cned"),
        ("Ma classe à la maison", "cned"),
        ("Ma classe a la maison", "cned"),
        ("MA CLASSE À LA MAISON", "cned"),
        ("ma-classe-a-la-maison", "cned"),
        ("Ma classe à la maison (CNED)", "cned"),
        ("CV CNED", "cned"),
        ("Microsoft Teams", "teams"),
        ("teams web", "teams"),
        ("MS-Teams", "teams"),
        ("BBB visio-agents", "bbb-visio-agents"),
        ("visio-agents.education.fr", "bbb-visio-agents"),
        ("BigBlueButton (visio-agents)", "bbb-visio-agents"),
        ("visio-agents.education.fr", "bbb-visio-agents"),
        ("BBB Moodle", "bbb-ent"),
        ("Scaleway pour l'Éducation", "scaleway-education"),
        ("scaleway pour l'education", "scaleway-education"),
        ("RENATER Rendez-vous", "renater-rendez-vous"),
        ("rendez vous", "renater-rendez-vous"),
        ("renavisio", "renavisio"),
        ("Serveur Discord", "discord"),
        ("goto", "gotomeeting"),
        ("OVH", "ovhcloud-audio"),
    ])
    func resolvesNamesToTheCatalogId(name: String, id: String) throws {
        let policy = try TestPolicies.shipped()
        #expect(policy.tool(named: name)?.id == id)
        let decision = try TestPolicies.decide(policy, name)
        #expect(decision.tool.id == id)
        #expect(decision.tool.query == name)
        #expect(decision.tool.standing != .unlisted)
        #expect(decision.verdict != .review || decision.tool.standing == .unclassified)
    }

    @Test(arguments: ["Jitsi Meet", "zoo", "zoomzoom", "webex", "", "Skype for Business", "classe virtuelle"])
    func anUnknownNameIsUnlistedAndGoesToReview(name: String) throws {
        let policy = try TestPolicies.shipped()
        #expect(policy.tool(named: name) == nil)
        let decision = try TestPolicies.decide(policy, name)
        #expect(decision.verdict == .review)
        #expect(decision.tool.id == nil)
        #expect(decision.tool.standing == .unlisted)
        #expect(decision.reasons.map(\.rule) == ["rennes-unlisted-tool"])
    }

    @Test func everyIdNameAndAliasOfTheCatalogResolvesToItsOwnTool() throws {
        let policy = try TestPolicies.shipped()
        #expect(policy.tools.count >= 15)
        for tool in policy.tools {
            for name in [tool.id, tool.name] + tool.aliases {
                #expect(policy.tool(named: name)?.id == tool.id, "\(name)")
                #expect(policy.tool(named: name.uppercased())?.id == tool.id, "\(name.uppercased())")
            }
        }
    }
}
