import ArgumentParser
import Testing
import ToolPolicy
@testable import ToolPolicyCLI

@Suite("Command-line parsing")
struct CommandParsingTests {
    func parse<T: ParsableCommand>(_ arguments: [String], as type: T.Type = T.self) throws -> T {
        let command = try ToolPolicyCommand.parseAsRoot(arguments)
        return try #require(command as? T, "parsed as \(Swift.type(of: command))")
    }

    @Test func repeatedAccountsAccumulate() throws {
        let check = try parse(["check", "zoom", "--accounts", "pupils", "--accounts", "staff"], as: ToolPolicyCommand.Check.self)
        #expect(check.tool == "zoom")
        #expect(check.accounts == ["pupils", "staff"])
        #expect(check.audience.isEmpty)
        #expect(check.format == .text)
        #expect(check.lang == .fr)
        #expect(check.policyOptions.policy == nil)
        #expect(check.policyOptions.profile == nil)
        let facts = try check.useFacts()
        #expect(facts["accounts"] == .some(.string("pupils,staff")))
        #expect(facts["audience"] == nil)
    }

    @Test func everyUseOption() throws {
        let check = try parse([
            "check", "zoom web", "--mode", "web", "--computer", "pedagogical", "--accounts", "none",
            "--audience", "pupils,staff", "--purpose", "class", "--no-recorded", "--participants", "24",
            "--fact", "waiting_room=false", "--date", "2026-03-02", "--policy", "/p", "--profile", "poitiers",
            "--format", "json", "--lang", "en",
        ], as: ToolPolicyCommand.Check.self)
        #expect(check.tool == "zoom web")
        #expect(check.recorded == false)
        #expect(check.participants == "24")
        #expect(check.date == "2026-03-02")
        #expect(check.policyOptions.policy == "/p")
        #expect(check.policyOptions.profile == "poitiers")
        #expect(check.policyOptions.resolvedPath() == "/p")
        #expect(check.format == .json)
        #expect(check.lang == .en)
        let facts = try check.useFacts()
        #expect(facts == [
            "mode": .string("web"), "computer": .string("pedagogical"), "accounts": .string("none"),
            "audience": .string("pupils,staff"), "purpose": .string("class"), "recorded": .string("false"),
            "participants": .string("24"), "waiting_room": .string("false"),
        ])
    }

    @Test(arguments: [
        (["check", "zoom"], nil as Bool?),
        (["check", "zoom", "--recorded"], true),
        (["check", "zoom", "--no-recorded"], false),
    ])
    func recordedIsThreeValued(_ arguments: [String], _ expected: Bool?) throws {
        let check = try parse(arguments, as: ToolPolicyCommand.Check.self)
        #expect(check.recorded == expected)
        let recorded: FactValue?? = try check.useFacts()["recorded"]
        if let expected {
            #expect(recorded == .some(.string(String(expected))))
        } else {
            #expect(recorded == nil, "an unknown fact is left out")
        }
    }

    @Test func factValueMayContainAnEqualsSign() throws {
        let check = try parse(["check", "zoom", "--fact", "note=a=b", "--fact", "waiting_room=true"], as: ToolPolicyCommand.Check.self)
        #expect(check.facts == ["note=a=b", "waiting_room=true"])
        let facts = try check.useFacts()
        #expect(facts["note"] == .some(.string("a=b")))
        #expect(facts["waiting_room"] == .some(.string("true")))
    }

    @Test(arguments: ["broken", "=value", "name="])
    func factWithoutNameAndValueIsAUsageError(_ fact: String) throws {
        let error = #expect(throws: (any Error).self) { try ToolPolicyCommand.parseAsRoot(["check", "zoom", "--fact", fact]) }
        let message = ToolPolicyCommand.Check.fullMessage(for: try #require(error))
        #expect(message.contains("--fact takes name=value"), "\(message)")
        #expect(ToolPolicyCommand.exitCode(for: try #require(error)).rawValue == 64)
    }

    @Test func lintOptions() throws {
        let lint = try parse(["lint", "outils.txt", "--format", "sarif", "--input-format", "yaml", "--all", "--lang", "en"],
                             as: ToolPolicyCommand.Lint.self)
        #expect(lint.file == "outils.txt")
        #expect(lint.format == .sarif)
        #expect(lint.inputFormat == .yaml)
        #expect(lint.all)
        #expect(lint.lang == .en)
        let defaults = try parse(["lint", "outils.csv"], as: ToolPolicyCommand.Lint.self)
        #expect(defaults.format == .text)
        #expect(defaults.inputFormat == nil)
        #expect(!defaults.all)
    }

    @Test func toolsAndValidateOptions() throws {
        let tools = try parse(["tools", "--profile", "poitiers", "--format", "json"], as: ToolPolicyCommand.Tools.self)
        #expect(tools.policyOptions.profile == "poitiers")
        #expect(tools.format == .json)
        let validate = try parse(["validate", "--policy", "Rules/national"], as: ToolPolicyCommand.Validate.self)
        #expect(validate.policy == "Rules/national")
    }

    @Test(arguments: [
        ["check"],
        ["check", "zoom", "--bogus"],
        ["check", "zoom", "--mode"],
        ["check", "zoom", "--format", "xml"],
        ["check", "zoom", "--participants"],
        ["check", "zoom", "--recorded", "--no-recorded", "--lang", "it"],
        ["lint"],
        ["lint", "a.csv", "--format", "html"],
        ["lint", "a.csv", "--input-format", "xlsx"],
        ["validate", "--profile", "rennes"],
        ["frobnicate"],
    ])
    func badCommandLinesExit64(_ arguments: [String]) {
        do {
            let command = try ToolPolicyCommand.parseAsRoot(arguments)
            Issue.record("parsed \(arguments) as \(type(of: command))")
        } catch {
            #expect(ToolPolicyCommand.exitCode(for: error) == ExitCode(64), "\(arguments): \(error)")
        }
    }

    @Test func exitStatuses() {
        #expect(ExitStatus.of(.allowed) == ExitCode(0))
        #expect(ExitStatus.of(.conditional) == ExitCode(0))
        #expect(ExitStatus.of(.denied) == ExitCode(1))
        #expect(ExitStatus.of(.review) == ExitCode(2))
        #expect(ExitStatus.usage == ExitCode.validationFailure)
        #expect(ExitStatus.badInput == ExitCode(65))
    }

    @Test(arguments: [
        ("outils.csv", ListFormat.csv), ("outils.JSON", .json), ("outils.yaml", .yaml), ("outils.YML", .yaml),
        ("outils.txt", .csv), ("outils", .csv),
    ])
    func listFormatFromTheExtension(_ path: String, _ format: ListFormat) {
        #expect(ListFormat.guess(path) == format)
    }

    @Test func dates() throws {
        #expect(try Today.resolve("2026-03-02").description == "2026-03-02")
        #expect(throws: ValidationError.self) { try Today.resolve("2026-13-45") }
        #expect(throws: ValidationError.self) { try Today.resolve("2026-02-30") }
        #expect(throws: ValidationError.self) { try Today.resolve("02/03/2026") }
    }

    @Test func explicitPolicyPathIsUsedAsGiven() {
        #expect(PolicyOptions.resolve("/somewhere/Rules") == "/somewhere/Rules")
    }
}
