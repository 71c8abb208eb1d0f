import ToolPolicy

/// The peers policy (Benchmarks/peers/peers.rules) against the harness's golden answers.
struct PeersBench {
    let policy: Policy
    let golden: Golden
    static let today = CivilDate(days: 0)

    /// The use facts of a golden case, typed.
    static func typedFacts(_ usage: Golden.Usage) -> [String: FactValue?] {
        ["mode": .enumeration(usage.mode), "computer": .enumeration(usage.computer),
         "creates_accounts": .bool(usage.createsAccounts)]
    }

    /// The use facts of a golden case as text, as a CSV row or the CLI gives them.
    static func textFacts(_ usage: Golden.Usage) -> [String: FactValue?] {
        ["mode": .string(usage.mode), "computer": .string(usage.computer),
         "creates_accounts": .string(usage.createsAccounts ? "true" : "false")]
    }

    /// The use facts of a golden case as value handles, typed once.
    func typed384(
        _ usage: Golden.Usage, _ handles: (mode: UseFactHandle, computer: UseFactHandle, accounts: UseFactHandle)
    ) throws(RequestError) -> [(fact: UseFactHandle, value: FactValueHandle)] {
        [
            (handles.mode, try policy.value(.enumeration(usage.mode), of: handles.mode)!),
            (handles.computer, try policy.value(.enumeration(usage.computer), of: handles.computer)!),
            (handles.accounts, try policy.value(.bool(usage.createsAccounts), of: handles.accounts)!),
        ]
    }

    func request(for item: Golden.Case) throws(RequestError) -> UseRequest {
        try policy.request(tool: item.facts.tool.toolID, facts: Self.typedFacts(item.facts.usage), today: Self.today)
    }

    /// Checks all 384 cases: the verdict, and the rules fired at the "explains all" level
    /// (every true forbid and every true permit, from the trace), and the reasons of the
    /// `Decision`. Returns the mismatches, empty when everything agrees.
    func agreement() -> [String] {
        var problems: [String] = []
        let ruleIDs = Set(policy.rules.map(\.id))
        if policy.rules.map(\.id) != ["R1", "R2", "R3", "R4", "R5"] {
            problems.append("rules are \(policy.rules.map(\.id)), expected R1..R5")
        }
        if golden.cases.count != 384 { problems.append("golden.json has \(golden.cases.count) cases, expected 384") }
        var trace = EvaluationTrace(for: policy)
        for (position, item) in golden.cases.enumerated() {
            let label = "case \(item.index) (\(item.facts.tool.toolID), \(item.facts.usage.mode), \(item.facts.usage.computer), creates_accounts=\(item.facts.usage.createsAccounts))"
            if item.index != position || item.expectedIndex != position {
                problems.append("\(label): at position \(position), fact_space_order gives \(item.expectedIndex)")
            }
            let request: UseRequest
            do { request = try self.request(for: item) } catch {
                problems.append("\(label): request failed: \(error.message)")
                continue
            }
            if policy.givenFacts(of: request).count != 3 { problems.append("\(label): \(policy.givenFacts(of: request).count) use facts taken, expected 3") }
            guard policy.tool(named: item.facts.tool.toolID) != nil else {
                problems.append("\(label): tool not in the catalog")
                continue
            }
            let verdict = policy.verdict(for: request, trace: &trace)
            let decision = policy.decide(request)
            let expected: Verdict = item.allow ? .allowed : .denied
            if verdict != expected { problems.append("\(label): verdict \(verdict), golden \(expected)") }
            if decision.verdict != verdict { problems.append("\(label): decide() says \(decision.verdict), verdict(for:trace:) \(verdict)") }

            // The trace: every rule's truth ("explains all", like Rego and CEL).
            var forbids: [String] = []
            var permits: [String] = []
            for (index, rule) in policy.rules.enumerated() {
                switch trace.conditions[index] {
                case .true:
                    if rule.effect == .forbid { forbids.append(rule.id) }
                    if rule.effect == .permit { permits.append(rule.id) }
                case .unknown:
                    problems.append("\(label): rule \(rule.id) is unknown")
                case .false:
                    break
                }
            }
            if forbids != item.forbids.sorted() { problems.append("\(label): trace forbids \(forbids), golden \(item.forbids)") }
            if permits != item.permits.sorted() { problems.append("\(label): trace permits \(permits), golden \(item.permits)") }

            // The Decision: a denial gives the forbids that hold (or the built-in no-permit),
            // an allow gives the permits that hold.
            let reasons = decision.reasons.filter { ruleIDs.contains($0.rule) }
            let builtIn = decision.reasons.filter { !ruleIDs.contains($0.rule) }.map(\.rule)
            if decision.verdict == .denied {
                let reported = reasons.filter { $0.effect == .forbid }.map(\.rule).sorted()
                if reported != item.forbids.sorted() { problems.append("\(label): Decision reasons \(reported), golden forbids \(item.forbids)") }
                if reported.isEmpty != (builtIn == ["no-permit"]) { problems.append("\(label): built-in reasons \(builtIn)") }
            } else {
                let reported = reasons.filter { $0.effect == .permit }.map(\.rule).sorted()
                if reported != item.permits.sorted() { problems.append("\(label): Decision reasons \(reported), golden permits \(item.permits)") }
                if !builtIn.isEmpty { problems.append("\(label): built-in reasons \(builtIn) on an allow") }
            }
            if !decision.conditions.isEmpty || !decision.unknownFacts.isEmpty {
                problems.append("\(label): conditions or unknown facts on a fully known request")
            }
        }
        return problems
    }

    /// Checks the mix against golden.json: first indices, sum of indices, allowed count.
    func checkMix(_ indices: [Int]) -> [String] {
        var problems: [String] = []
        let mix = golden.mix
        if indices.count != mix.n { problems.append("mix has \(indices.count) draws, golden n = \(mix.n)") }
        let first = Array(indices.prefix(mix.firstIndices.count))
        if first != mix.firstIndices { problems.append("first indices \(first), golden \(mix.firstIndices)") }
        let sum = indices.reduce(0, +)
        if sum != mix.indexSum { problems.append("index sum \(sum), golden \(mix.indexSum)") }
        let allowed = indices.filter { golden.cases[$0].allow }.count
        if allowed != mix.allowed { problems.append("allowed in mix \(allowed), golden \(mix.allowed)") }
        return problems
    }

    /// Rows A–D on the mix `indices` (already checked against golden.json); with
    /// `diagnostic`, two more variants of row A that split its cost (see docs/performance.md).
    func rows(_ indices: [Int], expectedAllowed: Int, diagnostic: Bool = false) throws(RequestError) -> [TimedRow] {
        let policy = self.policy
        let today = Self.today
        let cases = golden.cases
        var requests: [UseRequest] = []
        requests.reserveCapacity(indices.count)
        for index in indices { requests.append(try request(for: cases[index])) }
        let tools = indices.map { cases[$0].facts.tool.toolID }
        let handles = (mode: policy.useFact("mode")!, computer: policy.useFact("computer")!, accounts: policy.useFact("creates_accounts")!)
        var typed = Workload.Requests<String, FactValue>(width: 3)
        var valueHandles = Workload.Requests<ToolHandle, FactValueHandle>(width: 3)
        var text = Workload.Requests<String, String>(width: 3)
        let handles384 = try cases.map { item throws(RequestError) in
            try typed384(item.facts.usage, handles)
        }
        let toolHandles = Dictionary(Set(tools).map { ($0, policy.toolHandle(named: $0)) }) { first, _ in first }
        for (position, index) in indices.enumerated() {
            let usage = cases[index].facts.usage
            typed.append(tools[position], [
                (handles.mode, .enumeration(usage.mode)), (handles.computer, .enumeration(usage.computer)),
                (handles.accounts, .bool(usage.createsAccounts)),
            ])
            valueHandles.append(toolHandles[tools[position]]!, handles384[index])
            text.append(tools[position], [
                (handles.mode, usage.mode), (handles.computer, usage.computer),
                (handles.accounts, usage.createsAccounts ? "true" : "false"),
            ])
        }
        let n = indices.count
        var rows = [
            TimedRow(
                key: "peers.A", name: "A verdict + trace (pre-built requests)", policy: "peers", explains: "all",
                covers: "policy.verdict(for:trace:) on 100,000 pre-built UseRequest, one EvaluationTrace reused; plus counting the true rules in the trace",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.verdicts(policy, requests) },
            TimedRow(
                key: "peers.B", name: "B decide(): the Decision value (pre-built requests)", policy: "peers", explains: "all (worded when read)",
                covers: "policy.decide(request): verdict, trace and request in a Decision whose findings, messages, citations and remedies are worded when read; plus counting the true rules in its trace",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.decisions(policy, requests) },
            TimedRow(
                key: "peers.C", name: "C request from typed values + verdict", policy: "peers", explains: "all",
                covers: "a RequestBuilder filled from tool, fact and value handles resolved once (policy.toolHandle(named: \"zoom\"), policy.value(.enumeration(\"web\"), of: mode)), then verdict(for:trace:)",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.builtVerdicts(policy, valueHandles, today: today) { $0.tool($1) } set: { builder, _, value in builder.set(value) } },
            TimedRow(
                key: "peers.D", name: "D request from text values + verdict", policy: "peers", explains: "all",
                covers: "a RequestBuilder filled from fact handles resolved once and text: the tool's name and the values (\"web\", \"true\"), the CLI/CSV path, then verdict(for:trace:)",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.builtVerdicts(policy, text, today: today) { $0.tool(named: $1) } set: { builder, fact, text throws(RequestError) in try builder.set(fact, text: text) } },
        ]
        guard diagnostic else { return rows }
        let typedByName = indices.map { Self.typedFacts(cases[$0].facts.usage) }
        let textByName = indices.map { Self.textFacts(cases[$0].facts.usage) }
        rows += [
            TimedRow(
                key: "diag.C-typed", name: "C'' request from typed values + verdict", policy: "peers", explains: "all",
                covers: "a RequestBuilder filled from the tool's name and fact handles with typed values (.enumeration(\"web\"), .bool(true)) each typed per request, then verdict(for:trace:)",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.builtVerdicts(policy, typed, today: today) { $0.tool(named: $1) } set: { builder, fact, value throws(RequestError) in try builder.set(fact, value) } },
            TimedRow(
                key: "diag.B-read", name: "B' decide() + every finding read", policy: "peers", explains: "determining (+ conditions, remedies)",
                covers: "row B, then decision.reasons read: each finding built with its message, citations and remedy",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.explainedDecisions(policy, requests) },
            TimedRow(
                key: "diag.C-dictionary", name: "C' request from a dictionary of typed values + verdict", policy: "peers", explains: "all",
                covers: "policy.request(tool:facts:today:) from a [String: FactValue?] built before the clock, then verdict(for:trace:)",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.dictionaryVerdicts(policy, tools: tools, facts: typedByName, today: today) },
            TimedRow(
                key: "diag.D-dictionary", name: "D' request from a dictionary of text values + verdict", policy: "peers", explains: "all",
                covers: "policy.request(tool:facts:today:) from a [String: FactValue?] of .string values, then verdict(for:trace:)",
                decisions: n, expectedAllowed: expectedAllowed
            ) { Workload.dictionaryVerdicts(policy, tools: tools, facts: textByName, today: today) },
        ]
        guard diagnostic else { return rows }
        // The same mix, but every draw of a case reuses one of 384 requests (their slots stay
        // in cache), and then one request repeated (branches perfectly predicted as well).
        let shared = try cases.map { (item) throws(RequestError) -> UseRequest in try request(for: item) }
        rows += [
            TimedRow(
                key: "diag.A-shared", name: "A' verdict, the 384 requests shared (cache-warm)", policy: "peers", explains: "all",
                covers: "row A, but the mix indexes 384 pre-built requests instead of 100,000 distinct ones",
                decisions: n, expectedAllowed: expectedAllowed
            ) {
                var tally = Tally()
                var trace = EvaluationTrace(for: policy)
                for index in indices {
                    Workload.record(policy.verdict(for: shared[index], trace: &trace), trace, in: &tally)
                }
                return tally
            },
            TimedRow(
                key: "diag.A-one", name: "A'' verdict, one request repeated (predictor-warm)", policy: "peers", explains: "all",
                covers: "row A on case 0 repeated n times: the floor of the evaluator's instruction cost",
                decisions: n, expectedAllowed: nil
            ) {
                var tally = Tally()
                var trace = EvaluationTrace(for: policy)
                let one = shared[0]
                for _ in 0..<n {
                    Workload.record(policy.verdict(for: one, trace: &trace), trace, in: &tally)
                }
                return tally
            },
        ]
        return rows
    }
}
