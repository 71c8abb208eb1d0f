import ToolPolicy

/// Row `shipped.R`: ``Policy/remedies(for:limit:)`` on the denied and conditional requests
/// of the shipped mix (the calls that search), the computed ways to compliance every
/// `/v1/check` answer and every explained decision carries.
enum RemedyBench {
    /// The requests timed: the first of the mix that are denied or conditional.
    static let calls = 2_000

    static func rows(_ policy: Policy, _ requests: [UseRequest]) -> [TimedRow] {
        var trace = EvaluationTrace(for: policy)
        var searched: [UseRequest] = []
        for request in requests where searched.count < calls {
            let verdict = policy.verdict(for: request, trace: &trace)
            if verdict == .denied || verdict == .conditional { searched.append(request) }
        }
        return [
            TimedRow(
                key: "shipped.R", name: "R remedies(for:) (denied or conditional requests)", policy: "shipped", explains: "remedies",
                covers: "the computed ways to compliance of a denied or conditional request: ns per call",
                decisions: searched.count, expectedAllowed: nil
            ) {
                var tally = Tally()
                for request in searched {
                    let remedies = policy.remedies(for: request)
                    tally.add(remedies.first?.verdict ?? .review, fired: remedies.count)
                }
                return tally
            }
        ]
    }
}
