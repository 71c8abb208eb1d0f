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

    /// Requests' tools and facts as handles and values, resolved before the clock starts,
    /// laid flat (each request's `width` facts one after the other), so that the loop reads
    /// them without copying an array per request.
    struct Requests<Tool, Value> {
        var tools: [Tool] = []
        var values: [(fact: UseFactHandle, value: Value)] = []
        let width: Int

        init(width: Int) { self.width = width }

        mutating func append(_ tool: Tool, _ facts: [(fact: UseFactHandle, value: Value)]) {
            precondition(facts.count == width, "every request sets \(width) facts")
            tools.append(tool)
            values += facts
        }
    }

    /// Builds each request with a ``RequestBuilder``, setting the tool with `tool` (from a
    /// tool handle or a name) and each fact with `set` (from a value handle, a typed value
    /// or text), then `verdict(for:trace:)`.
    static func builtVerdicts<Tool, Value>(
        _ policy: Policy, _ requests: Requests<Tool, Value>, today: CivilDate,
        tool: (inout RequestBuilder, Tool) -> Void,
        set: (inout RequestBuilder, UseFactHandle, Value) throws(RequestError) -> Void
    ) -> Tally {
        var tally = Tally()
        var trace = EvaluationTrace(for: policy)
        var builder = policy.requestBuilder(today: today)
        let width = requests.width
        for index in requests.tools.indices {
            tool(&builder, requests.tools[index])
            do {
                for position in index * width ..< (index + 1) * width {
                    try set(&builder, requests.values[position].fact, requests.values[position].value)
                }
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
