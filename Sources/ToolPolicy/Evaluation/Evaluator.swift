extension Policy {
    /// Decides a request and records every rule's truth in `trace`; the fast path.
    ///
    /// Precedence (`docs/language.md` §5): a tool absent from the catalog gives `review`;
    /// then a true forbid or a violated requirement denies; then a true review rule gives `review`; then no true or unknown
    /// permit denies; then any unknown forbid or requirement, or only unknown permits,
    /// gives `conditional`; else `allowed`. Allocates nothing.
    public func verdict(for request: UseRequest, trace: inout EvaluationTrace) -> Verdict {
        let storage = storage
        let row = catalogRow(request)
        let width = storage.toolFacts.count
        return storage.program.nodes.withUnsafeBufferPointer { nodes in
            storage.catalogSlots.withUnsafeBufferPointer { catalog in
                request.slots.withUnsafeBufferPointer { useFacts in
                    let env = Environment(
                        toolFacts: UnsafeBufferPointer(rebasing: catalog[row * width ..< (row + 1) * width]),
                        useFacts: useFacts, toolIndex: Int64(request.tool),
                        standing: storage.standings[row], today: request.today.days
                    )
                    return decide(nodes, env, row: row, listed: request.tool >= 0, trace: &trace)
                }
            }
        }
    }

    private func decide(
        _ nodes: UnsafeBufferPointer<Program.Node>, _ env: Environment, row: Int, listed: Bool, trace: inout EvaluationTrace
    ) -> Verdict {
        let indices = storage.ruleIndices
        let rows = row * storage.rules.count ..< (row + 1) * storage.rules.count
        let (denied, pending) = indices.foldedConditions.withUnsafeBufferPointer { allConditions in
            indices.foldedRequirements.withUnsafeBufferPointer { allRequirements in
                evaluateRules(
                    nodes, env, indices,
                    conditionNodes: UnsafeBufferPointer(rebasing: allConditions[rows]),
                    requirementNodes: UnsafeBufferPointer(rebasing: allRequirements[rows]),
                    trace: &trace
                )
            }
        }
        // A tool absent from the catalog is reviewed whatever the use: the academy's review
        // path comes first; the forbids that hold are listed with it.
        if !listed { return .review }
        if denied { return .denied }
        if indices.review.contains(where: { trace.conditions[$0] == .true }) { return .review }
        var permitted = false
        var maybePermitted = false
        for index in indices.permit {
            permitted = permitted || trace.conditions[index] == .true
            maybePermitted = maybePermitted || trace.conditions[index] == .unknown
        }
        if !permitted, !maybePermitted { return .denied }
        return pending || !permitted ? .conditional : .allowed
    }

    /// Evaluates every rule of the tool's row into the trace; returns whether a forbid or
    /// violated requirement denies, and whether one is still open.
    private func evaluateRules(
        _ nodes: UnsafeBufferPointer<Program.Node>, _ env: Environment, _ indices: RuleIndices,
        conditionNodes: UnsafeBufferPointer<Int32>, requirementNodes: UnsafeBufferPointer<Int32>,
        trace: inout EvaluationTrace
    ) -> (denied: Bool, pending: Bool) {
        var denied = false
        var pending = false
        for index in indices.forbid {
            let truth = Program.evaluate(conditionNodes[index], nodes, env)
            trace.conditions[index] = truth
            denied = denied || truth == .true
            pending = pending || truth == .unknown
        }
        for index in indices.require {
            let node = conditionNodes[index]
            let when = node < 0 ? Truth.true : Program.evaluate(node, nodes, env)
            let required = Program.evaluate(requirementNodes[index], nodes, env)
            trace.conditions[index] = when
            trace.requirements[index] = required
            if when == .true, required == .false { denied = true }
            if when != .false, required != .true { pending = true }
        }
        for index in indices.others {
            trace.conditions[index] = Program.evaluate(conditionNodes[index], nodes, env)
        }
        return (denied, pending)
    }

    /// Decides a request and explains the answer: the rules that decided, the conditions
    /// left, the advice, the remedies and the facts that would settle it.
    ///
    /// The decision holds the verdict, the trace and the request; what explains it is
    /// worded from the policy's tables when it is read. Allocates nothing for a policy of
    /// up to 128 rules and 12 use facts.
    public func decide(_ request: UseRequest) -> Decision {
        var trace = EvaluationTrace(for: self)
        let verdict = verdict(for: request, trace: &trace)
        return Decision(policy: self, request: request, verdict: verdict, trace: trace)
    }
}
