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
/// A value that passes every test is decided by the evaluator, as
/// ``Policy/verdict(for:trace:)`` decides it, and kept when the verdict is better.
///
/// A class, used by one call: the search reads its tables in place, with no copy per try.
final class RemedySearch {
    /// A forbid, require or review rule: one that can keep a use from a better verdict.
    struct Check {
        enum Effect { case forbid, require, review }
        let effect: Effect
        /// Its folded condition (for a require, its `when`; -1 when it has none) and requirement.
        let condition, requirement: Int32
        /// The use facts it reads.
        let reads: UInt64
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
    /// A copy of the request's slots, changed in place as values are tried, and what
    /// evaluation reads.
    let slots: UnsafeMutableBufferPointer<Int64>
    let env: Environment
    let row: Int
    let checks: [Check]
    let permits: [Permit]
    /// The use facts some permit reads.
    let permitReads: UInt64
    /// The use facts of which a remedy must change at least one, for each rule in the way
    /// now: a check that stops the better verdict, and the permits together when none
    /// lets the use through.
    let required: [UInt64]
    private var trace: EvaluationTrace
    /// Per check, the position in the current choice from which it can be tested (-1: the
    /// choice does not touch it); the same for the permits together.
    private let levels: UnsafeMutableBufferPointer<Int>
    private var permitLevel = -1

    /// The search for `request`, listed, whose verdict `current` (denied or conditional)
    /// left `trace`.
    init(policy: Policy, remedyTables: RemedyTables, request: UseRequest, current: Verdict, trace: EvaluationTrace) {
        let tables = policy.storage.tables
        let slots = UnsafeMutableBufferPointer(rebasing: UnsafeMutableBufferPointer<Int64>.allocate(capacity: max(request.slots.count, 1))[..<request.slots.count])
        request.slots.withUnsafeBufferPointer { _ = slots.initialize(from: $0) }
        let allowedOnly = current == .conditional
        let row = Int(request.tool)
        let width = tables.toolFactCount
        let base = row * tables.ruleCount
        var checks: [Check] = []
        var required: [UInt64] = []
        for (rules, effect) in [(policy.ruleIndices.forbid, Check.Effect.forbid), (policy.ruleIndices.require, .require), (policy.ruleIndices.review, .review)] {
            for rule in rules {
                let condition = tables.conditionNodes[base + rule]
                let requirement = effect == .require ? tables.requirementNodes[base + rule] : -1
                let reads = remedyTables.reads(condition) | remedyTables.reads(requirement)
                checks.append(Check(effect: effect, condition: condition, requirement: requirement, reads: reads))
                if Self.stops(effect, trace.conditions[rule], trace.requirements[rule], allowedOnly: allowedOnly) { required.append(reads) }
            }
        }
        let permits = policy.ruleIndices.permit.map { rule in
            let condition = tables.conditionNodes[base + rule]
            return Permit(condition: condition, reads: remedyTables.reads(condition), truthNow: trace.conditions[rule])
        }
        self.policy = policy
        self.tables = tables
        self.remedyTables = remedyTables
        self.request = request
        self.trace = trace
        self.slots = slots
        self.allowedOnly = allowedOnly
        self.row = row
        env = Environment(
            toolFacts: UnsafeBufferPointer(start: tables.catalogSlots.baseAddress! + row * width, count: width),
            useFacts: UnsafeBufferPointer(slots), toolIndex: Int64(request.tool),
            standing: tables.standings[row], today: request.today.days
        )
        self.checks = checks
        self.permits = permits
        let permitReads = permits.reduce(0) { $0 | $1.reads }
        self.permitReads = permitReads
        if !permits.contains(where: { $0.truthNow == .true || (!allowedOnly && $0.truthNow == .unknown) }) { required.append(permitReads) }
        self.required = required
        levels = .allocate(capacity: max(checks.count, 1))
    }

    deinit {
        slots.deallocate()
        levels.deallocate()
    }

    /// The remedies of each actor in turn, fewest changes first, as
    /// ``Policy/remedies(for:limit:)`` describes.
    ///
    /// The choices of facts are built in lexicographic order, and a partial choice is left
    /// out with every choice that extends it when it holds a smaller remedy's facts, or when
    /// the facts left to add cannot read every rule still in the way (``required``; for the
    /// school, also a fact it settles).
    func remedies(limit: Int) -> [Remedy] {
        var found: [Remedy] = []
        // The facts of the remedies kept: a choice that holds one is not a smallest remedy.
        var blockers: [FactChoice] = []
        var ofSize: [(remedy: Remedy, facts: FactChoice)] = []
        for actor in Remedy.Actor.allCases {
            let forSchool = actor == .school
            let needed = required + (forSchool ? [remedyTables.schoolBits] : [])
            let eligible = remedyTables.slots.indices.filter { forSchool || !remedyTables.bySchool[$0] }
            // From each position on, the slot bits of the eligible facts at and after it.
            var reachable = [UInt64](repeating: 0, count: eligible.count + 1)
            for position in eligible.indices.reversed() {
                reachable[position] = reachable[position + 1] | RemedyTables.bit(ofSlot: remedyTables.slots[eligible[position]])
            }
            func extend(_ choice: FactChoice, from start: Int, size: Int) {
                for position in start ..< eligible.count {
                    let next = choice.adding(eligible[position], slot: remedyTables.slots[eligible[position]])
                    if blockers.contains(where: { $0.isSubset(of: next) }) { continue }
                    if !canReach(needed, with: next, then: size - next.count, of: reachable[position + 1]) { continue }
                    if next.count < size {
                        extend(next, from: position + 1, size: size)
                    } else if !forSchool || (0 ..< next.count).contains(where: { remedyTables.bySchool[next[$0]] }),
                              let (values, verdict) = firstImprovement(next) {
                        ofSize.append((remedy(next, values, verdict), next))
                    }
                }
            }
            var kept: [Remedy] = []
            for size in 1 ... FactChoice.capacity where kept.count < limit {
                ofSize.removeAll(keepingCapacity: true)
                extend(FactChoice(), from: 0, size: size)
                ofSize.sort { ($0.remedy.verdict == .allowed ? 0 : 1) < ($1.remedy.verdict == .allowed ? 0 : 1) }
                for (remedy, facts) in ofSize.prefix(limit - kept.count) {
                    kept.append(remedy)
                    blockers.append(facts)
                }
            }
            found += kept
        }
        return found
    }

    /// Whether `choice`, with `more` facts added from those of slot bits `later`, can read a
    /// fact of every mask of `needed`: with none more, `choice` reads each; with one more,
    /// one fact reads every mask that `choice` does not.
    private func canReach(_ needed: [UInt64], with choice: FactChoice, then more: Int, of later: UInt64) -> Bool {
        var common = later
        for mask in needed where mask & choice.mask == 0 {
            if more == 0 || mask & later == 0 { return false }
            common &= mask
        }
        return more != 1 || common != 0
    }

    /// The remedy that gives `facts` the new `values` (in the facts' order).
    private func remedy(_ facts: FactChoice, _ values: (Int64, Int64, Int64), _ verdict: Verdict) -> Remedy {
        let changes = (0 ..< facts.count).map { position -> Remedy.Change in
            let declaration = policy.useFacts[facts[position]]
            let old = request.slots[declaration.slot]
            let new = position == 0 ? values.0 : position == 1 ? values.1 : values.2
            return Remedy.Change(
                fact: declaration.name, from: old == Program.unknownSlot ? nil : policy.factValue(old, of: declaration),
                to: policy.factValue(new, of: declaration), by: declaration.settledBy
            )
        }
        return Remedy(changes: changes, by: changes.contains { $0.by == .school } ? .school : .requester, verdict: verdict)
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

    /// The first values of `choice`'s facts, in the order of their cells (the last fact's
    /// fastest), that give a better verdict, and that verdict; `nil` when none does.
    /// The slots are as before on return.
    private func firstImprovement(_ choice: FactChoice) -> (values: (Int64, Int64, Int64), verdict: Verdict)? {
        func level(_ reads: UInt64) -> Int {
            var level = -1
            for position in 0 ..< choice.count where reads & RemedyTables.bit(ofSlot: remedyTables.slots[choice[position]]) != 0 {
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
    private func assign(_ position: Int, _ choice: FactChoice, _ values: inout (Int64, Int64, Int64)) -> Verdict? {
        let slot = remedyTables.slots[choice[position]]
        let old = slots[slot]
        defer { slots[slot] = old }
        for value in remedyTables.cells[slot] where value != old {
            slots[slot] = value
            if stopped(at: position) { continue }
            let verdict: Verdict?
            if position == choice.count - 1 {
                let decided = tables.verdict(env.useFacts, row: row, today: env.today, trace: &trace)
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
        for permit in permits {
            let truth = permit.reads == 0 ? permit.truthNow : Program.evaluate(permit.condition, nodes, env)
            if truth == .true || (!allowedOnly && truth == .unknown) { return false }
        }
        return true
    }
}
