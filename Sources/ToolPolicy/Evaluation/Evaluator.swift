extension Policy {
    /// Decides a request and records every rule's truth in `trace`; the fast path.
    ///
    /// Precedence (`docs/language.md` §5): a tool absent from the catalog gives `review`;
    /// then a true forbid or a violated requirement denies; then a true review rule gives `review`; then no true or unknown
    /// permit denies; then any unknown forbid or requirement, or only unknown permits,
    /// gives `conditional`; else `allowed`. Allocates nothing.
    public func verdict(for request: UseRequest, trace: inout EvaluationTrace) -> Verdict {
        let tables = storage.tables
        precondition(trace.conditions.count == tables.ruleCount, "a trace sized for another policy")
        let row = request.tool >= 0 ? Int(request.tool) : tables.unlistedRow
        return request.slots.withUnsafeBufferPointer { useFacts in
            tables.verdict(useFacts, row: row, today: request.today.days, trace: &trace)
        }
    }

    /// Decides a request and explains the answer: the rules that decided, the conditions
    /// left, the advice, the remedies and the facts that would settle it.
    ///
    /// The decision holds the verdict, the trace and the request; what explains it is
    /// worded from the policy's tables when it is read. Allocates nothing for a policy of
    /// up to 128 rules and 12 use facts.
    public func decide(_ request: UseRequest) -> Decision {
        var trace = EvaluationTrace(count: storage.tables.ruleCount)
        let verdict = verdict(for: request, trace: &trace)
        return Decision(policy: self, request: request, verdict: verdict, trace: trace)
    }
}
