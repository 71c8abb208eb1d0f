import ToolPolicy

/// Setup as the peers harness measures it (median of 20): from the policy on disk to a
/// policy ready to evaluate (read, parse, compile), then the first decision on it.
struct SetupResult {
    let label: String
    /// `PolicyLoader.load(at:profile:)`, each run: read the files, parse, compile.
    var loadNs: [Double] = []
    /// `PolicyLoader.load(sources:profile:)` from the text already in memory (as the peers
    /// harness times Cedar, Rego, CEL): parse and compile only.
    var memoryLoadNs: [Double] = []
    /// The first decision after each load: request building + `decide(_:)`.
    var firstDecisionNs: [Double] = []
    /// The very first load and decision of the process (cold code and caches).
    var coldLoadNs: Double = .nan
    var coldFirstDecisionNs: Double = .nan
}

/// A request to time as "the first decision".
typealias FirstRequest = (tool: String, facts: [String: FactValue?], today: CivilDate)

enum SetupBench {
    /// Loads once (the cold, first load of the process) and returns the policy or the
    /// load result that failed.
    static func coldLoad(
        path: String, profile: String?, label: String, first: (Policy) -> FirstRequest
    ) -> (policy: Policy?, result: PolicyLoadResult, setup: SetupResult) {
        var setup = SetupResult(label: label)
        let (wall, _, result) = Clock.measure { PolicyLoader.load(at: path, profile: profile) }
        setup.coldLoadNs = wall
        guard let policy = result.policy else { return (nil, result, setup) }
        setup.coldFirstDecisionNs = firstDecision(policy, first(policy))
        return (policy, result, setup)
    }

    static func measure(
        _ setup: inout SetupResult, path: String, profile: String?, runs: Int, first: (Policy) -> FirstRequest
    ) {
        var texts: [(path: String, text: String)] = []
        for _ in 0..<runs {
            let (wall, _, result) = Clock.measure { PolicyLoader.load(at: path, profile: profile) }
            guard let policy = result.policy else { continue }
            setup.loadNs.append(wall)
            setup.firstDecisionNs.append(firstDecision(policy, first(policy)))
            texts = result.sources.map { ($0.path, $0.text) }
        }
        for _ in 0..<runs {
            let (wall, _, result) = Clock.measure {
                PolicyLoader.load(sources: texts.map { SourceFile(path: $0.path, text: $0.text) }, profile: profile)
            }
            if result.policy != nil { setup.memoryLoadNs.append(wall) }
        }
    }

    @inline(never)
    static func firstDecision(_ policy: Policy, _ first: FirstRequest) -> Double {
        let (wall, _, decision) = Clock.measure { () -> Decision? in
            guard let request = try? policy.request(tool: first.tool, facts: first.facts, today: first.today) else { return nil }
            return policy.decide(request)
        }
        return decision == nil ? .nan : wall
    }
}
