/// What `toolpolicy test` found: the diagnostics of the test files (an error stops the
/// run), each case's outcome, and the condition coverage when it was asked for.
package struct PolicyTestReport: Sendable {
    /// Every diagnostic of the test files and of the policy, in file order.
    package var diagnostics: [Diagnostic]
    /// The test files and the policy's files, so a renderer can quote them.
    package var sources: [SourceFile]
    /// One result per case, in file order; empty when a diagnostic is an error.
    package var results: [PolicyTestResult]
    /// The coverage of the rules' conditions, when asked for and the cases ran.
    package var coverage: ConditionCoverage?

    /// Whether every case ran and passed.
    package var passed: Bool { !diagnostics.containsErrors && results.allSatisfy(\.passed) }
}

/// One case's outcome.
package struct PolicyTestResult: Sendable {
    /// The case's name.
    package var name: String
    /// Where the case starts (its name).
    package var range: SourceRange
    /// The profile it ran under.
    package var profile: String
    /// The tool as asked.
    package var tool: String
    /// The verdict given.
    package var verdict: Verdict
    /// Each expectation that did not hold: `verdict: expected allowed, got denied`.
    package var failures: [String]

    /// Whether every expectation held.
    package var passed: Bool { failures.isEmpty }
}
