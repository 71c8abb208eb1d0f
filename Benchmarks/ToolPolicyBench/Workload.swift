import ToolPolicy

/// The timed loops every row runs, shared by the peers and the shipped policy.
enum Workload {
    /// `verdict(for:trace:)` over pre-built requests, counting the true rules in the trace.
    static func verdicts(_ policy: Policy, _ requests: [UseRequest]) -> Tally {
        var tally = Tally()
        var trace = EvaluationTrace(for: policy)
        for request in requests { record(policy.verdict(for: request, trace: &trace), trace, in: &tally) }
        return tally
    }

    /// `decide(_:)`, the explained Decision value, over pre-built requests.
    static func decisions(_ policy: Policy, _ requests: [UseRequest]) -> Tally {
        var tally = Tally()
        for request in requests {
            let decision = policy.decide(request)
            tally.add(decision.verdict, fired: decision.reasons.count)
        }
        return tally
    }

    /// Builds each request from its facts, then `verdict(for:trace:)`.
    static func builtVerdicts(_ policy: Policy, tools: [String], facts: [[String: FactValue?]], today: CivilDate) -> Tally {
        var tally = Tally()
        var trace = EvaluationTrace(for: policy)
        for (tool, values) in zip(tools, facts) {
            guard let request = try? policy.request(tool: tool, facts: values, today: today) else {
                tally.errors += 1
                continue
            }
            record(policy.verdict(for: request, trace: &trace), trace, in: &tally)
        }
        return tally
    }

    @inline(__always)
    private static func record(_ verdict: Verdict, _ trace: EvaluationTrace, in tally: inout Tally) {
        var fired = 0
        for truth in trace.conditions where truth == .true { fired += 1 }
        tally.add(verdict, fired: fired)
    }
}
