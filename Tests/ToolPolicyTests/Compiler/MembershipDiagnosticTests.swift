import Testing
@testable import ToolPolicy

/// One mistake, one diagnostic: an unknown fact on the left of `in {…}` is reported once
/// (the operand used to be resolved a second time to look for a literal).
@Suite("Membership diagnostics")
struct MembershipDiagnosticTests {
    @Test func anUnknownFactBeforeInIsReportedOnce() {
        let result = TestPolicies.load(TestPolicies.mini(TestPolicies.rule("r", "forbid when use.computr in {administrative}")))
        #expect(result.diagnostics.map(\.code) == ["TP201"], "\(result.diagnostics)")
    }
}
