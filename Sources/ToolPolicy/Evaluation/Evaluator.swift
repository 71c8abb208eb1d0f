extension Policy {
    /// Decides a request and records every rule's truth in `trace`; the fast path.
    ///
    /// Precedence (`docs/language.md` §5): a tool absent from the catalog gives `review`;
    /// then a true forbid or a violated requirement denies; then a true review rule gives `review`; then no true or unknown
    /// permit denies; then any unknown forbid or requirement, or only unknown permits,
    /// gives `conditional`; else `allowed`. Allocates nothing.
    public func verdict(for request: UseRequest, trace: inout EvaluationTrace) -> Verdict {
        let row = catalogRow(request)
        let width = toolFacts.count
        return program.nodes.withUnsafeBufferPointer { nodes in
            catalogSlots.withUnsafeBufferPointer { catalog in
                request.slots.withUnsafeBufferPointer { useFacts in
                    let env = Environment(
                        toolFacts: UnsafeBufferPointer(rebasing: catalog[row * width ..< (row + 1) * width]),
                        useFacts: useFacts, toolIndex: Int64(request.toolIndex ?? -1),
                        standing: standings[row], today: request.today.days
                    )
                    return decide(nodes, env, row: row, listed: request.toolIndex != nil, trace: &trace)
                }
            }
        }
    }

    private func decide(
        _ nodes: UnsafeBufferPointer<Program.Node>, _ env: Environment, row: Int, listed: Bool, trace: inout EvaluationTrace
    ) -> Verdict {
        let rows = row * rules.count ..< (row + 1) * rules.count
        let (denied, pending) = ruleIndices.foldedConditions.withUnsafeBufferPointer { allConditions in
            ruleIndices.foldedRequirements.withUnsafeBufferPointer { allRequirements in
                trace.conditions.withUnsafeMutableBufferPointer { conditions in
                    trace.requirements.withUnsafeMutableBufferPointer { requirements in
                        evaluateRules(
                            nodes, env,
                            conditionNodes: UnsafeBufferPointer(rebasing: allConditions[rows]),
                            requirementNodes: UnsafeBufferPointer(rebasing: allRequirements[rows]),
                            conditions: conditions, requirements: requirements
                        )
                    }
                }
            }
        }
        // A tool absent from the catalog is reviewed whatever the use: the academy's review
        // path comes first; the forbids that hold are listed with it.
        if !listed { return .review }
        if denied { return .denied }
        if ruleIndices.review.contains(where: { trace.conditions[$0] == .true }) { return .review }
        var permitted = false
        var maybePermitted = false
        for index in ruleIndices.permit {
            permitted = permitted || trace.conditions[index] == .true
            maybePermitted = maybePermitted || trace.conditions[index] == .unknown
        }
        if !permitted, !maybePermitted { return .denied }
        return pending || !permitted ? .conditional : .allowed
    }

    /// Evaluates every rule of the tool's row into the trace buffers; returns whether a
    /// forbid or violated requirement denies, and whether one is still open.
    private func evaluateRules(
        _ nodes: UnsafeBufferPointer<Program.Node>, _ env: Environment,
        conditionNodes: UnsafeBufferPointer<Int32>, requirementNodes: UnsafeBufferPointer<Int32>,
        conditions: UnsafeMutableBufferPointer<Truth>, requirements: UnsafeMutableBufferPointer<Truth>
    ) -> (denied: Bool, pending: Bool) {
        var denied = false
        var pending = false
        for index in ruleIndices.forbid {
            let truth = Program.evaluate(conditionNodes[index], nodes, env)
            conditions[index] = truth
            denied = denied || truth == .true
            pending = pending || truth == .unknown
        }
        for index in ruleIndices.require {
            let node = conditionNodes[index]
            let when = node < 0 ? Truth.true : Program.evaluate(node, nodes, env)
            let required = Program.evaluate(requirementNodes[index], nodes, env)
            conditions[index] = when
            requirements[index] = required
            if when == .true, required == .false { denied = true }
            if when != .false, required != .true { pending = true }
        }
        for index in ruleIndices.others {
            conditions[index] = Program.evaluate(conditionNodes[index], nodes, env)
        }
        return (denied, pending)
    }

    /// Decides a request and explains the answer: the rules that decided, the conditions
    /// left, the advice, the remedies and the facts that would settle it.
    public func decide(_ request: UseRequest) -> Decision {
        var trace = EvaluationTrace(for: self)
        let verdict = verdict(for: request, trace: &trace)
        return Decision(policy: self, request: request, verdict: verdict, trace: trace)
    }
}
