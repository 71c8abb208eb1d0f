import ToolPolicy

/// One path of the evaluator whose heap allocations are counted: a name and one pass over a
/// request space, which decides each request once. Everything a pass reads (the requests,
/// the handles, the texts) is built before the count starts.
struct AllocationPath: Sendable {
    /// The name in the report and in `ceilings.json`, without the space's label.
    let name: String
    /// What the path is, for the report.
    let summary: String
    /// One pass: decides every request of the space once. Returns a message when a request
    /// cannot be built (the check then fails: the spaces hold only valid requests).
    let pass: @Sendable (RequestSpace) -> String?

    /// The paths, in the order of the report.
    static let all: [AllocationPath] = [verdictTrace, decide, builderHandles, builderTyped, builderText, dictionaryRequest]

    /// `verdict(for:trace:)` with one trace reused: the allocation-free fast path.
    static let verdictTrace = AllocationPath(name: "verdict-trace", summary: "verdict(for:trace:), one trace reused") { space in
        let policy = space.policy
        var trace = EvaluationTrace(for: policy)
        var allowed = 0
        for request in space.requests where policy.verdict(for: request, trace: &trace) == .allowed { allowed += 1 }
        return keep(allowed)
    }

    /// `decide(_:)`: the lazy `Decision` (verdict, trace bits, the policy and the request),
    /// read for its verdict only: findings are worded when read.
    static let decide = AllocationPath(name: "decide", summary: "decide(_:), read for its verdict") { space in
        let policy = space.policy
        var allowed = 0
        for request in space.requests where policy.decide(request).verdict == .allowed { allowed += 1 }
        return keep(allowed)
    }

    /// A request built from a tool handle and value handles, all resolved once, then
    /// `verdict(for:trace:)`: the embedder's path when its questions repeat.
    static let builderHandles = AllocationPath(name: "builder-handles-verdict", summary: "RequestBuilder from tool and value handles, then verdict") { space in
        let policy = space.policy
        var trace = EvaluationTrace(for: policy)
        var builder = policy.requestBuilder(today: space.today)
        var allowed = 0
        for (tool, values) in zip(space.toolHandles, space.valueHandles) {
            builder.reset()
            builder.tool(tool)
            for value in values { builder.set(value) }
            if policy.verdict(for: builder.request, trace: &trace) == .allowed { allowed += 1 }
        }
        return keep(allowed)
    }

    /// A request built from fact handles resolved once, with typed values
    /// (`.enumeration("web")`, `.bool(true)`, `.set(["staff"])`), then `verdict(for:trace:)`.
    static let builderTyped = AllocationPath(name: "builder-typed-verdict", summary: "RequestBuilder from typed values, then verdict") { space in
        built(space, facts: space.typedFacts) { builder, fact throws(RequestError) in try builder.set(fact.fact, fact.value) }
    }

    /// The same from text values (`web`, `true`, `staff,external`), as a list or a form gives them.
    static let builderText = AllocationPath(name: "builder-text-verdict", summary: "RequestBuilder from text values, then verdict") { space in
        built(space, facts: space.textFacts) { builder, fact throws(RequestError) in try builder.set(fact.fact, text: fact.text) }
    }

    /// For comparison (no ceiling): `request(tool:facts:today:)` from a `[String: FactValue?]`.
    static let dictionaryRequest = AllocationPath(name: "dictionary-request-verdict", summary: "request(tool:facts:today:) from a dictionary, then verdict") { space in
        let policy = space.policy
        var trace = EvaluationTrace(for: policy)
        var allowed = 0
        for (tool, facts) in zip(space.tools, space.facts) {
            guard let request = try? policy.request(tool: tool, facts: facts, today: space.today) else { return "\(tool) \(facts): the request does not build" }
            if policy.verdict(for: request, trace: &trace) == .allowed { allowed += 1 }
        }
        return keep(allowed)
    }

    /// One pass of a builder path: each request built by `set` from its facts, then decided.
    private static func built<Fact>(
        _ space: RequestSpace, facts: [[Fact]], set: (inout RequestBuilder, Fact) throws(RequestError) -> Void
    ) -> String? {
        let policy = space.policy
        var trace = EvaluationTrace(for: policy)
        var builder = policy.requestBuilder(today: space.today)
        var allowed = 0
        for (tool, use) in zip(space.tools, facts) {
            builder.reset()
            builder.tool(named: tool)
            for fact in use {
                do throws(RequestError) { try set(&builder, fact) } catch { return "\(tool): \(error.message)" }
            }
            if policy.verdict(for: builder.request, trace: &trace) == .allowed { allowed += 1 }
        }
        return keep(allowed)
    }

    /// Keeps a pass's result observable, so that the optimiser cannot drop the work.
    @inline(never) private static func keep(_ allowed: Int) -> String? {
        sink &+= allowed
        return nil
    }

    nonisolated(unsafe) private static var sink = 0
}
