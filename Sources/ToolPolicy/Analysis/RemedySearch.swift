/// One request's search for remedies (``Policy/remedies(for:limit:)``): the rules that
/// stand in the way of a better verdict, and the search of the values of a few use facts
/// that moves them.
///
/// The search gives what trying every value of every choice of facts would give, in the
/// same order, and skips only what cannot succeed:
/// - a choice of facts that leaves unread a rule that stops the better verdict now (a true
///   forbid, a violated or open requirement, a true review rule), or, when no permit lets
///   the use through now, every permit;
/// - the values of the first facts of a choice that already make such a rule stop it,
///   whatever the later facts: a rule is tested as soon as every fact of the choice it
///   reads has its value (the permits together, once every one they read has).
///
/// A value that passes every test is decided in full, as ``Policy/verdict(for:trace:)``
/// does, and kept when the verdict is better.
struct RemedySearch {
    /// A forbid, require or review rule: one that can keep a use from a better verdict.
    struct Check {
        enum Effect { case forbid, require, review }
        let effect: Effect
        /// Its folded condition (for a require, its `when`; -1 when it has none) and requirement.
        let condition, requirement: Int32
        /// The use facts it reads.
        let reads: UInt64
        /// Whether it stops the better verdict now.
        let stopsNow: Bool
    }

    /// A permit rule of the request's tool.
    struct Permit {
        let condition: Int32
        let reads: UInt64
        let truthNow: Truth
    }

    let policy: Policy
    let tables: EvaluationTables
    let remedyTables: RemedyTables
    let request: UseRequest
    /// `true` for a conditional use: only `allowed` is better. A denial is bettered by
    /// `conditional` too.
    let allowedOnly: Bool
    /// The request's slots, changed in place as values are tried, and what evaluation reads.
    let slots: UnsafeMutableBufferPointer<Int64>
    let env: Environment
    let row: Int
    /// Each use fact's slot, indexed like ``Policy/useFacts``.
    let factSlots: [Int]
    let checks: [Check]
    let permits: [Permit]
    /// The use facts some permit reads, and whether the permits let the use through now.
    let permitReads: UInt64
    let permitsPassNow: Bool
    var trace: EvaluationTrace
    /// Per check, the position in the current choice from which it can be tested (-1: the
    /// choice does not touch it); the same for the permits together.
    private var levels: [Int]
    private var permitLevel = -1

    /// The search for `request`, listed, whose verdict `current` (denied or conditional)
    /// left `trace`; `slots` holds a copy of its slots, which the search changes and restores.
    init(
        policy: Policy, remedyTables: RemedyTables, request: UseRequest, current: Verdict, trace: EvaluationTrace,
        slots: UnsafeMutableBufferPointer<Int64>
    ) {
        self.policy = policy
        tables = policy.storage.tables
        self.remedyTables = remedyTables
        self.request = request
        self.trace = trace
        self.slots = slots
        allowedOnly = current == .conditional
        row = Int(request.tool)
        factSlots = policy.useFacts.map(\.slot)
        let width = tables.toolFactCount
        env = Environment(
            toolFacts: UnsafeBufferPointer(start: tables.catalogSlots.baseAddress! + row * width, count: width),
            useFacts: UnsafeBufferPointer(slots), toolIndex: Int64(request.tool),
            standing: tables.standings[row], today: request.today.days
        )
        let base = row * tables.ruleCount
        let (conditions, requirements) = (tables.conditionNodes, tables.requirementNodes)
        var checks: [Check] = []
        for (rules, effect) in [(policy.ruleIndices.forbid, Check.Effect.forbid), (policy.ruleIndices.require, .require), (policy.ruleIndices.review, .review)] {
            for rule in rules {
                let condition = conditions[base + rule]
                let requirement = effect == .require ? requirements[base + rule] : -1
                let stops = Self.stops(effect, trace.conditions[rule], trace.requirements[rule], allowedOnly: allowedOnly)
                checks.append(Check(
                    effect: effect, condition: condition, requirement: requirement,
                    reads: remedyTables.reads(condition) | remedyTables.reads(requirement), stopsNow: stops
                ))
            }
        }
        self.checks = checks
        permits = policy.ruleIndices.permit.map { rule in
            let condition = conditions[base + rule]
            return Permit(condition: condition, reads: remedyTables.reads(condition), truthNow: trace.conditions[rule])
        }
        permitReads = permits.reduce(0) { $0 | $1.reads }
        permitsPassNow = Self.pass(permits.lazy.map(\.truthNow), allowedOnly: allowedOnly)
        levels = Array(repeating: -1, count: checks.count)
    }

    /// Whether a rule of `effect` with these truths (its condition, and for a require its
    /// requirement) keeps the use from the better verdict: from `allowed` for
    /// `allowedOnly`, else from both `allowed` and `conditional`.
    static func stops(_ effect: Check.Effect, _ condition: Truth, _ requirement: Truth, allowedOnly: Bool) -> Bool {
        switch effect {
        case .review: condition == .true
        case .forbid: allowedOnly ? condition != .false : condition == .true
        case .require: allowedOnly ? condition != .false && requirement != .true : condition == .true && requirement == .false
        }
    }

    /// Whether permits of these truths let the use through: one true for `allowed`, one
    /// true or unknown for `conditional`.
    static func pass(_ truths: some Sequence<Truth>, allowedOnly: Bool) -> Bool {
        truths.contains { $0 == .true || (!allowedOnly && $0 == .unknown) }
    }

    /// Whether changing `choice` may give a better verdict: it reads every rule that
    /// stops it now, and some permit when the permits stop it.
    func mayImprove(_ choice: FactChoice) -> Bool {
        if !permitsPassNow, permitReads & choice.mask == 0 { return false }
        return !checks.contains { $0.stopsNow && $0.reads & choice.mask == 0 }
    }

    /// The first values of `choice`'s facts, in the order of their cells (the last fact's
    /// fastest), that give a better verdict, and that verdict; `nil` when none does.
    /// The slots are as before on return.
    mutating func firstImprovement(_ choice: FactChoice) -> (values: (Int64, Int64, Int64), verdict: Verdict)? {
        func level(_ reads: UInt64) -> Int {
            var level = -1
            for position in 0 ..< choice.count where reads & RemedyTables.bit(ofSlot: factSlots[choice[position]]) != 0 {
                level = position
            }
            return level
        }
        for index in checks.indices { levels[index] = level(checks[index].reads) }
        permitLevel = level(permitReads)
        var values: (Int64, Int64, Int64) = (0, 0, 0)
        guard let verdict = assign(0, choice, &values) else { return nil }
        return (values, verdict)
    }

    /// Tries the values of the facts from `position` on, in order; keeps the found ones in `values`.
    private mutating func assign(_ position: Int, _ choice: FactChoice, _ values: inout (Int64, Int64, Int64)) -> Verdict? {
        let slot = factSlots[choice[position]]
        let old = slots[slot]
        defer { slots[slot] = old }
        for value in remedyTables.cells[slot] where value != old {
            slots[slot] = value
            if stopped(at: position) { continue }
            let verdict: Verdict?
            if position == choice.count - 1 {
                let decided = tables.decide(env, row: row, listed: true, trace: &trace)
                verdict = decided == .allowed || (!allowedOnly && decided == .conditional) ? decided : nil
            } else {
                verdict = assign(position + 1, choice, &values)
            }
            if let verdict {
                switch position {
                case 0: values.0 = value
                case 1: values.1 = value
                default: values.2 = value
                }
                return verdict
            }
        }
        return nil
    }

    /// Whether a rule tested once the fact at `position` has its value keeps the use from
    /// the better verdict, or the permits, when they are tested there, do.
    private func stopped(at position: Int) -> Bool {
        let nodes = UnsafeBufferPointer(tables.nodes)
        for (index, check) in checks.enumerated() where levels[index] == position {
            let condition = check.condition < 0 ? Truth.true : Program.evaluate(check.condition, nodes, env)
            let requirement = check.effect == .require ? Program.evaluate(check.requirement, nodes, env) : .false
            if Self.stops(check.effect, condition, requirement, allowedOnly: allowedOnly) { return true }
        }
        guard permitLevel == position else { return false }
        return !Self.pass(permits.lazy.map { $0.reads == 0 ? $0.truthNow : Program.evaluate($0.condition, nodes, env) }, allowedOnly: allowedOnly)
    }
}
