import Foundation
import Testing
@testable import ToolPolicy

/// Reading a policy from disk and grouping files into layers.
@Suite struct PolicyLoaderTests {
    /// A fresh temporary folder, removed by the caller.
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolpolicy-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aMissingPathIsUnreadable() {
        let result = PolicyLoader.load(at: "/nonexistent/toolpolicy/Rules")
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
        #expect(result.diagnostics.map(\.code) == ["TP302"])
        #expect(result.diagnostics.first?.message.contains("/nonexistent/toolpolicy/Rules") == true)
        #expect(result.diagnostics.first?.range == nil)
    }

    @Test func aFolderWithoutRulesFilesIsReported() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not rules".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let result = PolicyLoader.load(at: folder.path)
        #expect(result.diagnostics.map(\.code) == ["TP301"])
        #expect(result.diagnostics.first?.hint != nil)
    }

    @Test func nonUTF8TextIsLocatedAtItsFirstBadByte() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.rules")
        try Data([0x70, 0xFF, 0xFE, 0x0A]).write(to: file)
        let result = PolicyLoader.load(at: folder.path)
        #expect(result.diagnostics.map(\.code) == ["TP306"])
        #expect(result.diagnostics.first?.message == "byte 0xFF is not UTF-8")
        #expect(result.diagnostics.first?.range?.start == SourceLocation(file: file.path, line: 1, column: 2))
        #expect(result.diagnostics.first?.hint?.hasPrefix("save the file as UTF-8") == true)
        #expect(result.policy == nil)
    }

    @Test func aFolderIsReadRecursivelyInPathOrderAndABOMIsDropped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("base")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try ("\u{FEFF}policy \"national\"\nuse fact a: bool \"A\"\n" + TestPolicies.testDocument).write(
            to: base.appendingPathComponent("facts.rules"), atomically: true, encoding: .utf8)
        try ("policy \"national\"\n" + TestPolicies.rule("national-p", "permit when use.a")).write(
            to: base.appendingPathComponent("allow.rules"), atomically: true, encoding: .utf8)
        try ("profile \"rennes\" extends \"national\"\n" + TestPolicies.rule("rennes-f", "forbid when not use.a")).write(
            to: folder.appendingPathComponent("rennes.rules"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

        let result = PolicyLoader.load(at: folder.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.sources.map { $0.path.replacingOccurrences(of: folder.path + "/", with: "") }
            == ["base/allow.rules", "base/facts.rules", "rennes.rules"])
        #expect(result.sources.allSatisfy { !$0.text.hasPrefix("\u{FEFF}") })
        let policy = try #require(result.policy)
        // The default profile is picked when the folder has it.
        #expect(policy.profile == "rennes")
        #expect(policy.rules.map(\.id) == ["national-p", "rennes-f"])
        // `x` is not in the catalog: reviewed whatever the use.
        #expect(try TestPolicies.decide(policy, "x", ["a": "false"]).verdict == .review)
    }

    @Test func aSymbolicLinkToAPolicyFolderIsFollowed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("current")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: TestPolicies.rulesFolder)
        let linked = PolicyLoader.load(at: link.path)
        let direct = PolicyLoader.load(at: TestPolicies.rulesFolder)
        #expect(linked.diagnostics.isEmpty)
        #expect(linked.policy?.digest == direct.policy?.digest)
        #expect(linked.sources.allSatisfy { $0.path.hasPrefix(link.path + "/") })
    }

    @Test func aSingleFileCanBeLoaded() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("one.rules")
        try ("policy \"solo\"\n" + TestPolicies.testDocument + TestPolicies.rule("solo-p", "permit when true")).write(to: file, atomically: true, encoding: .utf8)
        let result = PolicyLoader.load(at: file.path)
        let policy = try #require(result.policy)
        #expect(policy.name == "solo")
        #expect(policy.profile == nil)
        #expect(policy.files == [file.path])
    }

    @Test func diagnosticsAreSortedByFileLineAndColumn() throws {
        let a = "policy \"p\"\nuse fact x: bool \"X\"\n" + TestPolicies.rule("r2", "forbid when use.y") + TestPolicies.rule("r1", "forbid when use.z")
        let b = "policy \"p\"\n" + TestPolicies.rule("r3", "forbid when use.w")
        let result = TestPolicies.load([("b.rules", b), ("a.rules", a)])
        let places = result.diagnostics.map { "\($0.range?.start.file ?? ""):\($0.range?.start.line ?? 0)" }
        #expect(places == ["a.rules:4", "a.rules:8", "b.rules:3"])
        #expect(result.diagnostics.allSatisfy { $0.code == "TP201" })
    }

    @Test func aBaseAndAProfileCannotShareAName() throws {
        let result = TestPolicies.load([
            ("national.rules", "policy \"national\"\n"),
            ("x.rules", "profile \"national\" extends \"national\"\n"),
        ], profile: "national")
        #expect(result.diagnostics.map(\.code).contains("TP305"))
        let compiled = result.compiled
        #expect(!compiled, "a policy was compiled")
    }

    @Test func severalFilesWithTheSameHeaderFormOneLayer() throws {
        let policy = try TestPolicies.compile([
            ("national/facts.rules", "policy \"national\" \"Titre\"\nuse fact a: bool \"A\"\n"),
            ("national/rules.rules", "policy \"national\"\n" + TestPolicies.rule("national-p", "permit when use.a")),
        ])
        #expect(policy.title == "Titre")
        #expect(policy.rules.map(\.id) == ["national-p"])
        #expect(policy.files == ["national/facts.rules", "national/rules.rules", "zz-test-documents.rules"])
    }
}
