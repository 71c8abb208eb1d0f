import Foundation
import Testing
@testable import ToolPolicy

/// §8: the digest is `sha256:` of the normalised source of the base and the chosen profile.
@Suite struct PolicyDigestTests {
    /// The shipped sources, read as the loader reads them.
    private func shippedSources() throws -> [SourceFile] {
        let result = PolicyLoader.load(at: TestPolicies.rulesFolder)
        // 8 rules files and the 5 source texts of Rules/sources/.
        #expect(result.sources.filter { $0.path.hasSuffix(".rules") }.count == 8)
        #expect(result.sources.filter { $0.path.hasSuffix(".txt") }.count == 5)
        return result.sources
    }

    private func digest(_ sources: [SourceFile], profile: String? = nil) throws -> String {
        let result = PolicyLoader.load(sources: sources, profile: profile)
        return try #require(result.policy, "\(result.diagnostics.map(\.message))").digest
    }

    /// The sources with `replace` replaced by `with` in the file whose path ends with `file`.
    private func editing(_ sources: [SourceFile], _ file: String, _ replace: String, with: String) throws -> [SourceFile] {
        #expect(sources.contains { $0.path.hasSuffix(file) && $0.text.contains(replace) }, "\(replace) not in \(file)")
        return sources.map { source in
            source.path.hasSuffix(file)
                ? SourceFile(path: source.path, text: source.text.replacingOccurrences(of: replace, with: with))
                : source
        }
    }

    @Test func theDigestIsSHA256OfTheTokensAndComments() throws {
        // One file: `file PATH\n`, then a line per token (kind and value), then a line per
        // comment (§8). Layout is not part of it.
        let text = "policy \"p\"   \r\n# note \nuse fact a: bool \"A\"\t\n"
        let policy = try TestPolicies.compile(text)
        let normalised = "file test.rules\nw policy\ns p\nw use\nw fact\nw a\np :\nw bool\ns A\nc # note\n"
        #expect(policy.digest == "sha256:" + SHA256.hex(Array(normalised.utf8)))
    }

    @Test func theDigestIsStableAcrossTwoLoads() throws {
        let first = try TestPolicies.shipped().digest
        let second = try TestPolicies.shipped().digest
        #expect(first == second)
        #expect(first.hasPrefix("sha256:"))
        #expect(first.dropFirst("sha256:".count).count == 64)
        #expect(first.dropFirst("sha256:".count).allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func theDigestChangesWhenARuleTextChanges() throws {
        let sources = try shippedSources()
        let original = try digest(sources)
        let edited = try editing(sources, "rennes.rules", "sont donc tolérées", with: "sont tolérées")
        #expect(try digest(edited) != original)
        let condition = try editing(sources, "national/rules.rules", "use.participants > tool.max_participants",
                                    with: "use.participants >= tool.max_participants")
        #expect(try digest(condition) != original)
    }

    @Test func theDigestIgnoresLineEndingsAndTrailingSpaces() throws {
        let sources = try shippedSources()
        let original = try digest(sources)
        let crlf = sources.map { SourceFile(path: $0.path, text: $0.text.replacingOccurrences(of: "\n", with: "\r\n")) }
        #expect(try digest(crlf) == original)
        let trailing = sources.map { SourceFile(path: $0.path, text: $0.text.replacingOccurrences(of: "\n", with: "  \n")) }
        #expect(try digest(trailing) == original)
        // Layout is not content: re-indenting a line keeps the digest (so `fmt` does), and so
        // does re-indenting the continuation line of a string.
        let indented = try editing(sources, "rennes.rules", "\n  extends \"national\"", with: "\n   extends \"national\"")
        #expect(try digest(indented) == original)
        // A comment is content.
        let commented = try editing(sources, "rennes.rules", "\n  extends \"national\"", with: "\n  extends \"national\" # base")
        #expect(try digest(commented) != original)
    }

    @Test func theDigestCoversOnlyTheBaseAndTheChosenProfile() throws {
        let sources = try shippedSources()
        let rennes = try digest(sources, profile: "rennes")
        let poitiers = try digest(sources, profile: "poitiers")
        #expect(rennes != poitiers)
        // Editing Poitiers' file does not change the Rennes policy, but changes Poitiers'.
        let edited = try editing(sources, "poitiers.rules", "Réservé à l'utilisation avec les élèves.",
                                 with: "Réservé aux élèves.")
        #expect(try digest(edited, profile: "rennes") == rennes)
        #expect(try digest(edited, profile: "poitiers") != poitiers)
        // Editing the base changes both.
        let base = try editing(sources, "national/catalog.rules", "aliases \"zoom web\", \"zoom meetings\"",
                               with: "aliases \"zoom web\", \"zoom meeting\"")
        #expect(try digest(base, profile: "rennes") != rennes)
        #expect(try digest(base, profile: "poitiers") != poitiers)
    }

    @Test func theDigestDependsOnFileNames() throws {
        let text = "policy \"p\"\n"
        let a = try TestPolicies.compile([("a.rules", text)]).digest
        let b = try TestPolicies.compile([("b.rules", text)]).digest
        #expect(a != b)
        // …but not on the folder they are in.
        let nested = try TestPolicies.compile([("/some/where/a.rules", text)]).digest
        #expect(nested == a)
    }

    @Test func theDigestDoesNotDependOnTheFolderAbsolutePath() throws {
        let manager = FileManager.default
        let temporary = manager.temporaryDirectory.appendingPathComponent("toolpolicy-digest-\(UUID().uuidString)")
        try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: temporary) }
        let copy = temporary.appendingPathComponent("Rules")
        try manager.copyItem(atPath: TestPolicies.rulesFolder, toPath: copy.path)

        for profile in TestPolicies.shippedProfiles {
            let original = try #require(PolicyLoader.load(at: TestPolicies.rulesFolder, profile: profile).policy)
            let copied = try #require(PolicyLoader.load(at: copy.path, profile: profile).policy)
            #expect(copied.digest == original.digest, "\(profile)")
            #expect(copied.files != original.files)
            // The copy answers like the original.
            let request = try original.request(tool: "zoom", facts: ["mode": .string("install")], today: TestPolicies.day)
            let copiedRequest = try copied.request(tool: "zoom", facts: ["mode": .string("install")], today: TestPolicies.day)
            #expect(original.decide(request) == copied.decide(copiedRequest))
        }
        // A trailing slash on the folder changes nothing either.
        #expect(PolicyLoader.load(at: copy.path + "/").policy?.digest == PolicyLoader.load(at: TestPolicies.rulesFolder).policy?.digest)
    }
}
