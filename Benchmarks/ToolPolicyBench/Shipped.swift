import ToolPolicy

/// The shipped policy (Rules/, default profile) on a mix of realistic requests: every
/// catalog tool, plus one unlisted name, crossed with a handful of uses, some facts unknown.
struct ShippedBench {
    let policy: Policy
    static let today = CivilDate(year: 2026, month: 11, day: 23)!
    static let unlisted = "outil-inconnu"

    // nil: the fact is left out of the request (unknown).
    static let modes: [FactValue?] = [.enumeration("install"), .enumeration("web"), nil]
    static let computers: [FactValue?] = [.enumeration("administrative"), .enumeration("pedagogical"), .enumeration("personal"), nil]
    static let accounts: [FactValue?] = [.set(["none"]), .set(["staff"]), .set(["pupils"]), nil]
    static let audiences: [FactValue?] = [.set(["pupils"]), .set(["staff"]), .set(["staff", "external"]), nil]
    static let recorded: [FactValue?] = [.bool(false), .bool(true), nil]
    static let usesPerTool = modes.count * computers.count * accounts.count * audiences.count * recorded.count

    var toolNames: [String] { policy.tools.map(\.id) + [Self.unlisted] }
    var spaceSize: Int { toolNames.count * Self.usesPerTool }

    /// The request at `index` of the space: tool slowest, then mode, computer, accounts, audience, recorded.
    func combination(_ index: Int) -> (tool: String, facts: [String: FactValue?]) {
        var rest = index
        func take(_ count: Int) -> Int { defer { rest /= count }; return rest % count }
        let r = take(Self.recorded.count), au = take(Self.audiences.count), ac = take(Self.accounts.count)
        let c = take(Self.computers.count), m = take(Self.modes.count)
        let tool = toolNames[rest]
        var facts: [String: FactValue?] = [:]
        if let value = Self.modes[m] { facts["mode"] = value }
        if let value = Self.computers[c] { facts["computer"] = value }
        if let value = Self.accounts[ac] { facts["accounts"] = value }
        if let value = Self.audiences[au] { facts["audience"] = value }
        if let value = Self.recorded[r] { facts["recorded"] = value }
        return (tool, facts)
    }

    func requests(_ indices: [Int]) throws(RequestError) -> [UseRequest] {
        var requests: [UseRequest] = []
        requests.reserveCapacity(indices.count)
        for index in indices {
            let (tool, facts) = combination(index)
            requests.append(try policy.request(tool: tool, facts: facts, today: Self.today))
        }
        return requests
    }

    /// verdict(for:trace:) must equal decide(_:).verdict on every request. Returns the
    /// mismatches and the count of each verdict.
    func consistency(_ requests: [UseRequest]) -> (problems: [String], verdicts: [Verdict: Int]) {
        var problems: [String] = []
        var counts: [Verdict: Int] = [:]
        var trace = EvaluationTrace(for: policy)
        for (position, request) in requests.enumerated() {
            let fast = policy.verdict(for: request, trace: &trace)
            let full = policy.decide(request).verdict
            counts[fast, default: 0] += 1
            if fast != full, problems.count < 20 {
                problems.append("request \(position) (\(request.toolQuery), \(policy.givenFacts(of: request).map { "\($0.name)=\($0.value.spelling)" })): verdict(for:trace:) \(fast), decide() \(full)")
            }
        }
        return (problems, counts)
    }

    func rows(_ requests: [UseRequest], expectedAllowed: Int) -> [TimedRow] {
        let policy = self.policy
        let n = requests.count
        return [
            TimedRow(
                key: "shipped.A", name: "A verdict + trace (pre-built requests)", policy: "shipped", explains: "all",
                covers: "as peers row A, on the shipped policy and the realistic mix",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.verdicts(policy, requests) },
            TimedRow(
                key: "shipped.B", name: "B decide(): the Decision value (pre-built requests)", policy: "shipped", explains: "all (worded when read)",
                covers: "as peers row B, on the shipped policy and the realistic mix",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.decisions(policy, requests) },
        ]
    }
}
