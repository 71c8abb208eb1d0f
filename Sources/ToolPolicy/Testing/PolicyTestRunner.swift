import Foundation

/// Runs rules test files against a policy: checks every case's names under the same
/// diagnostics as the rules (an unknown profile, tool, fact, value or rule id is an error,
/// never a silent pass), then decides each case and compares the answer with the
/// expectations (`docs/testing.md`).
package enum PolicyTestRunner {
    /// The date a case is decided for when it gives none: fixed, so a run never depends on the clock.
    package static let defaultDate = CivilDate(year: 2026, month: 9, day: 1)!

    /// A case whose names were resolved against its profile's policy.
    struct CheckedCase {
        var syntax: TestSyntax.Case
        var profile: String
        var tool: String
        var facts: [String: FactValue?]
        var today: CivilDate
    }

    /// Checks and runs the cases of `tests` against the policy read from `policy`.
    ///
    /// - Parameters:
    ///   - tests: the `.tests` files.
    ///   - policy: the policy's `.rules` files.
    ///   - coverage: whether to record which outcomes of each condition the cases reach.
    package static func run(tests: [SourceFile], policy: [SourceFile], coverage: Bool) -> PolicyTestReport {
        var diagnostics: [Diagnostic] = []
        let parsed = tests.map { Parser.parseTests($0) }
        diagnostics += parsed.flatMap(\.diagnostics)
        let profiles = PolicyLoader.load(sources: policy, profile: nil).profiles
        let documentTexts = Dictionary(policy.filter(PolicyLoader.isDocumentText).map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.text) },
                                       uniquingKeysWith: { first, _ in first })
        var policies: [String: Policy] = [:]
        var checked: [CheckedCase] = []
        for (file, _) in parsed {
            var names: [String: SourceRange] = [:]
            for testCase in file.cases {
                if let first = names[testCase.name.value] {
                    diagnostics.append(.duplicateCase(testCase.name.value, at: testCase.name.range, first: first))
                }
                names[testCase.name.value] = testCase.name.range
                guard let profile = testCase.profile ?? file.profile else {
                    diagnostics.append(.caseWithoutProfile(testCase.name.value, at: testCase.name.range))
                    continue
                }
                guard profiles.contains(profile.value) else {
                    diagnostics.append(.unknownTestProfile(profile.value, known: profiles, at: profile.range))
                    continue
                }
                if policies[profile.value] == nil {
                    let loaded = PolicyLoader.load(sources: policy, profile: profile.value)
                    guard let compiled = loaded.policy else {
                        diagnostics += loaded.diagnostics
                        continue
                    }
                    policies[profile.value] = compiled
                }
                if let valid = check(testCase, profile: profile.value, policy: policies[profile.value]!, documentTexts: documentTexts,
                                     diagnostics: &diagnostics) {
                    checked.append(valid)
                }
            }
        }
        let sources = tests + policy
        guard !diagnostics.containsErrors else {
            return PolicyTestReport(diagnostics: sorted(diagnostics), sources: sources, results: [], coverage: nil)
        }
        var recorder = coverage ? CoverageRecorder(sources: policy) : nil
        var results: [PolicyTestResult] = []
        for testCase in checked {
            let compiled = policies[testCase.profile]!
            let request = compiled.collectingRequest(tool: testCase.tool, facts: testCase.facts, today: testCase.today).request
            let decision = compiled.decide(request)
            results.append(PolicyTestResult(
                name: testCase.syntax.name.value, range: testCase.syntax.name.range, profile: testCase.profile,
                tool: testCase.tool, verdict: decision.verdict, failures: failures(of: testCase.syntax, decision, compiled)
            ))
            recorder?.record(request, in: compiled)
        }
        return PolicyTestReport(diagnostics: sorted(diagnostics), sources: sources, results: results, coverage: recorder?.report())
    }

    /// Resolves a case's tool, facts, rule ids, question facts and citations against its
    /// policy, with located diagnostics; `nil` when one is wrong.
    static func check(
        _ testCase: TestSyntax.Case, profile: String, policy: Policy, documentTexts: [String: String] = [:], diagnostics: inout [Diagnostic]
    ) -> CheckedCase? {
        let before = diagnostics.count
        var compiler = Compiler.seeded(from: policy, documentTexts: documentTexts)
        _ = compiler.checked(testCase.citations)
        var tool = ""
        switch testCase.tool {
        case nil:
            diagnostics.append(.incompleteCase(testCase.name.value, missing: "tool", at: testCase.name.range))
        case .id(let id)?:
            if policy.tools.contains(where: { $0.id == id.value }) {
                tool = id.value
            } else {
                diagnostics.append(.unknownTool(id.value, known: policy.tools.map(\.id), at: id.range))
            }
        case .unlisted(let name)?:
            if let listed = policy.tool(named: name.value) {
                diagnostics.append(.listedAsUnlisted(name.value, id: listed.id, at: name.range))
            }
            tool = name.value
        }
        if testCase.verdict == nil {
            diagnostics.append(.incompleteCase(testCase.name.value, missing: "expect", at: testCase.name.range))
        }
        if testCase.citations.isEmpty {
            diagnostics.append(.caseWithoutCitation(testCase.name.value, at: testCase.name.range))
        }
        var facts: [String: FactValue?] = [:]
        for (name, value) in testCase.facts {
            guard let declaration = policy.useFacts.first(where: { $0.name == name.value }) else {
                diagnostics.append(.unknownFact(.use, name.value, known: policy.useFacts.map(\.name), at: name.range,
                                                otherOwner: policy.toolFacts.contains { $0.name == name.value }))
                continue
            }
            if let typed = compiler.constant(value, as: declaration.type, subject: "`\(declaration.qualifiedName)`") {
                facts[name.value] = typed.value
            }
        }
        diagnostics += compiler.diagnostics
        let builtIn = [Decision.noPermit(policy.name).rule, Decision.unlistedTool(policy.name).rule]
        let inForce = policy.rules.map(\.id)
        for list in testCase.ruleLists.values {
            for id in list.value where !inForce.contains(id.value) && !builtIn.contains(id.value) {
                diagnostics.append(.unknownTestRule(id.value, profile: profile, known: inForce + builtIn,
                                                    overridden: policy.overrides.contains { $0.ruleID == id.value }, at: id.range))
            }
        }
        for question in testCase.questions?.value ?? [] {
            let declared = question.owner == .tool ? policy.toolFacts : policy.useFacts
            if !declared.contains(where: { $0.name == question.name.value }) {
                let other = question.owner == .tool ? policy.useFacts : policy.toolFacts
                diagnostics.append(.unknownFact(question.owner, question.name.value, known: declared.map(\.name), at: question.name.range,
                                                otherOwner: other.contains { $0.name == question.name.value }))
            }
        }
        guard diagnostics.count == before else { return nil }
        let today = testCase.today.map { CivilDate(days: $0.value) } ?? defaultDate
        return CheckedCase(syntax: testCase, profile: profile, tool: tool, facts: facts, today: today)
    }

    /// The expectations of a case that the decision does not meet, each as one line.
    static func failures(of testCase: TestSyntax.Case, _ decision: Decision, _ policy: Policy) -> [String] {
        var failures: [String] = []
        if let expected = testCase.verdict?.value, expected != decision.verdict {
            let because = decision.reasons.map(\.rule).joined(separator: ", ")
            failures.append("verdict: expected \(expected.rawValue), got \(decision.verdict.rawValue)\(because.isEmpty ? "" : " (decided by \(because))")")
        }
        for list in TestSyntax.RuleList.allCases {
            guard let expected = testCase.ruleLists[list]?.value.map(\.value) else { continue }
            let actual: [String]
            switch list {
            case .decidedBy: actual = decision.reasons.map(\.rule)
            case .conditions: actual = decision.conditions.map(\.rule)
            case .advice: actual = decision.advice.map(\.rule)
            case .remedies:
                let expectedRemedies = Set(expected.compactMap { policy.rule(id: $0)?.remedy })
                if expectedRemedies != Set(decision.remedies) {
                    let givers = policy.rules.filter { $0.remedy.map(decision.remedies.contains) ?? false }.map(\.id)
                    failures.append("remedies: expected those of \(show(expected)), got those of \(show(givers))")
                }
                continue
            }
            if Set(expected) != Set(actual) {
                failures.append("\(list.rawValue): expected \(show(expected)), got \(show(actual))")
            }
        }
        if let expected = testCase.questions?.value.map({ "\($0.owner.rawValue).\($0.name.value)" }),
           Set(expected) != Set(decision.unknownFacts) {
            failures.append("questions: expected \(show(expected)), got \(show(decision.unknownFacts))")
        }
        return failures
    }

    private static func show(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.sorted().joined(separator: ", ")
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted {
            switch ($0.element.range?.start, $1.element.range?.start) {
            case (let a?, let b?) where a != b: a < b
            default: $0.offset < $1.offset
            }
        }.map(\.element)
    }
}
