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

    /// `decide(_:)`, the Decision value (verdict, trace and request, explained when read),
    /// counting the true rules in its trace.
    static func decisions(_ policy: Policy, _ requests: [UseRequest]) -> Tally {
        var tally = Tally()
        for request in requests {
            let decision = policy.decide(request)
            record(decision.verdict, decision.trace, in: &tally)
        }
        return tally
    }

    /// `decide(_:)`, then the explanation read: every finding worded from the policy (the
    /// rules, messages and citations a renderer reads once per decision).
    static func explainedDecisions(_ policy: Policy, _ requests: [UseRequest]) -> Tally {
        var tally = Tally()
        for request in requests {
            let decision = policy.decide(request)
            tally.add(decision.verdict, fired: decision.reasons.count)
        }
        return tally
    }

    /// One request's facts as handles and values, resolved before the clock starts.
    struct Facts<Value> {
        var tool: String
        var values: [(fact: UseFactHandle, value: Value)]
    }

    /// Builds each request with a ``RequestBuilder``, setting each fact with `set` (from a
    /// value handle, a typed value or text), then `verdict(for:trace:)`.
    static func builtVerdicts<Value>(
        _ policy: Policy, _ requests: [Facts<Value>], today: CivilDate,
        set: (inout RequestBuilder, UseFactHandle, Value) throws(RequestError) -> Void
    ) -> Tally {
        var tally = Tally()
        var trace = EvaluationTrace(for: policy)
        var builder = policy.requestBuilder(today: today)
        for request in requests {
            builder.tool(named: request.tool)
            do {
                for (fact, value) in request.values { try set(&builder, fact, value) }
            } catch {
                tally.errors += 1
                continue
            }
            record(policy.verdict(for: builder.request, trace: &trace), trace, in: &tally)
        }
        return tally
    }

    /// Builds each request from a dictionary of facts by name (`request(tool:facts:today:)`),
    /// then `verdict(for:trace:)`: the convenience path, for comparison.
    static func dictionaryVerdicts(_ policy: Policy, tools: [String], facts: [[String: FactValue?]], today: CivilDate) -> Tally {
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

    /// Counts a verdict and the true rules of its trace.
    @inline(__always)
    static func record(_ verdict: Verdict, _ trace: EvaluationTrace, in tally: inout Tally) {
        tally.add(verdict, fired: trace.conditions.count(of: .true))
    }
}
