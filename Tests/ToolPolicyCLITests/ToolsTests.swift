import Foundation
import Testing
import ToolPolicy
import ToolPolicyReports
@testable import ToolPolicyCLI

/// `toolpolicy tools --format json`, read back with the type that writes it.
typealias CatalogJSON = CatalogDocument

@Suite("toolpolicy tools")
struct ToolsTests {
    @Test func jsonCatalogUnderRennes() throws {
        let result = try CLI.run(policy: ["tools", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let catalog = try JSONDecoder.decode(CatalogJSON.self, from: result)
        #expect(catalog.profile == "rennes")
        #expect(catalog.digest.hasPrefix("sha256:"))
        #expect(!catalog.tools.isEmpty)
        #expect(Set(catalog.tools.map(\.id)).count == catalog.tools.count, "tool ids are unique")
        for tool in catalog.tools {
            #expect(tool.standing != .unlisted, "\(tool.id): a catalog tool is never unlisted")
            if tool.standing == .unclassified {
                #expect(tool.classCitations.isEmpty, "\(tool.id)")
            } else {
                #expect(!tool.classCitations.isEmpty, "\(tool.id): a class is cited")
            }
            for fact in tool.facts {
                #expect(!fact.source.document.isEmpty && !fact.source.section.isEmpty, "\(tool.id).\(fact.name) has no source")
            }
        }
        #expect(catalog.tool("zoom")?.standing == .tolerated)
        #expect(catalog.tool("cned")?.standing == .institutional)
        #expect(catalog.tool("discord")?.standing == .forbidden)
        #expect(catalog.tool("skype")?.standing == .unclassified)
        let zoom = try #require(catalog.tool("zoom"))
        #expect(zoom.aliases.contains("zoom web"))
        #expect(zoom.facts.contains { $0.name == "listing" && $0.layer == "rennes" && $0.value == .string("tolerated") })
        #expect(zoom.facts.contains { $0.name == "provider" && $0.layer == "national" })
    }

    @Test func profileSwitchChangesStanding() throws {
        let rennes = try JSONDecoder.decode(CatalogJSON.self, from: CLI.run(policy: ["tools", "--format", "json"]))
        let result = try CLI.run(policy: ["tools", "--format", "json", "--profile", "poitiers"])
        #expect(result.status == 0, "\(result)")
        let poitiers = try JSONDecoder.decode(CatalogJSON.self, from: result)
        #expect(poitiers.profile == "poitiers")
        #expect(poitiers.digest != rennes.digest)
        #expect(poitiers.tool("zoom")?.standing == .unclassified)
        #expect(poitiers.tool("zoom")?.facts.contains { $0.name == "listing" } == false)
        #expect(poitiers.tool("discord")?.standing == .forbidden, "the base's class holds under every profile")
    }

    @Test func digestMatchesTheDecisions() throws {
        let catalog = try JSONDecoder.decode(CatalogJSON.self, from: CLI.run(policy: ["tools", "--format", "json", "--profile", "strasbourg"]))
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: CLI.run(policy: ["check", "zoom", "--format", "json", "--profile", "strasbourg"]))
        #expect(catalog.digest == decision.policy.digest)
    }

    @Test func textListsEveryToolWithItsStanding() throws {
        let json = try JSONDecoder.decode(CatalogJSON.self, from: CLI.run(policy: ["tools", "--format", "json"]))
        let result = try CLI.run(policy: ["tools"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdoutLines.filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("profil rennes · \(json.tools.count) ") == true, "\(result)")
        #expect(lines.count == json.tools.count + 1)
        for tool in json.tools {
            let line = lines.first { $0.hasPrefix("  \(tool.id) ") }
            #expect(line?.contains("\(tool.name) — ") == true, "\(tool.id) missing:\n\(result)")
        }
        #expect(lines.contains { $0.hasPrefix("  zoom ") && $0.hasSuffix("— solution tolérée") })
        #expect(lines.contains { $0.hasPrefix("  discord ") && $0.hasSuffix("— usage non autorisé") })
    }

    @Test func textInEnglish() throws {
        let result = try CLI.run(policy: ["tools", "--lang", "en", "--profile", "poitiers"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.first?.hasPrefix("profile poitiers · ") == true)
        #expect(result.stdoutLines.contains { $0.hasPrefix("  zoom ") && $0.hasSuffix("— not classified by the framework") })
    }
}
