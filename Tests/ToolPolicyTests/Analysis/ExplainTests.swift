import Testing
@testable import ToolPolicy

/// `explain`: every rule's condition test by test, with truths that agree with the answer,
/// and the catalog's source for the tool facts read.
@Suite struct ExplainTests {
    @Test func theInstallRuleIsExplainedTestByTest() throws {
        let policy = try TestPolicies.shipped(profile: "rennes")
        let request = try policy.request(tool: "zoom", facts: ["mode": .string("install"), "computer": .string("pedagogical")],
                                         today: TestPolicies.day)
        let trace = policy.explain(request)
        #expect(trace.verdict == policy.decide(request).verdict)
        #expect(trace.rules.map(\.rule) == policy.rules.map(\.id))
        let install = try #require(trace.rules.first { $0.rule == "rennes-no-install-on-school-computers" })
        #expect(install.truth == "true")
        #expect(install.condition.first == ExplainTrace.Line(depth: 0, text: "all of", truth: "true"))
        #expect(install.condition.contains(ExplainTrace.Line(depth: 1, text: "use.mode = install", truth: "true")))
        #expect(install.condition.contains(ExplainTrace.Line(depth: 2, text: "tool is institutional", truth: "false")))
        #expect(install.condition.contains { $0.text == "use.computer = administrative" && $0.truth == "false" })
    }

    @Test func aToolFactReadIsShownWithItsCatalogSource() throws {
        let policy = try TestPolicies.shipped(profile: "rennes")
        let request = try policy.request(tool: "renavisio", facts: ["participants": .integer(500)], today: TestPolicies.day)
        let trace = policy.explain(request)
        let limit = try #require(trace.rules.first { $0.rule == "national-participant-limit" })
        let stated = try #require(policy.tool(named: "renavisio")?.facts.first { $0.name == "max_participants" })
        #expect(limit.toolFacts == [ExplainTrace.ToolFact(fact: "tool.max_participants", value: stated.value, source: stated.source)])
        #expect(limit.condition.contains { $0.text == "use.participants > tool.max_participants" && $0.truth == limit.truth })
    }
}
