extension Policy {
    /// The smallest changes to a denied or conditional use that make it allowed (or, for a
    /// denial, at least conditional), each re-evaluated: at most `limit` that the requester
    /// can make, then at most `limit` that need the school's act, fewest changes first.
    ///
    /// The values tried for each use fact are the cells the rules distinguish
    /// (`docs/analysis.md`): every enum value and subset, and one value per interval that
    /// the rules' constants cut. A remedy that contains a smaller one is not given. Empty
    /// for an allowed use, a review, or an unlisted tool.
    public func remedies(for request: UseRequest, limit: Int = 3) -> [Remedy] {
        var trace = EvaluationTrace(for: self)
        let current = verdict(for: request, trace: &trace)
        guard request.toolIndex != nil, current == .denied || current == .conditional,
              let cells = storage.remedyCells.value(computing: { remedyCells() }) else { return [] }
        let candidates = useFacts.map { fact in cells[fact.slot].filter { $0 != request.slots[fact.slot] } }
        var found: [(remedy: Remedy, facts: Set<Int>)] = []
        for actor in Remedy.Actor.allCases {
            var kept: [(remedy: Remedy, facts: Set<Int>)] = []
            for size in 1 ... 3 where kept.count < limit {
                var ofSize: [(remedy: Remedy, facts: Set<Int>)] = []
                for facts in combinations(of: useFacts.indices.filter { actor == .school || useFacts[$0].settledBy == .requester }, size: size) {
                    if actor == .school, !facts.contains(where: { useFacts[$0].settledBy == .school }) { continue }
                    if (found + kept).contains(where: { $0.facts.isSubset(of: Set(facts)) }) { continue }
                    if let remedy = firstRemedy(request, facts, candidates, improving: current, trace: &trace) {
                        ofSize.append((remedy, Set(facts)))
                    }
                }
                ofSize.sort { ($0.remedy.verdict == .allowed ? 0 : 1) < ($1.remedy.verdict == .allowed ? 0 : 1) }
                kept += ofSize.prefix(limit - kept.count)
            }
            found += kept
        }
        return found.map(\.remedy)
    }

    /// The slots each use fact may take in a remedy: the values its cells stand for (a set
    /// is never empty: a request cannot give one); `nil` when the policy has no symbolic
    /// domain. Computed once per policy (``Policy/Storage/remedyCells``).
    private func remedyCells() -> [[Int64]]? {
        guard let domain = try? SymbolicDomain(policies: [self]) else { return nil }
        return useFacts.map { fact in
            guard let symbol = domain.symbol(.use(fact.name)) else { return [] }
            return switch symbol.encoding {
            case .bool: [0, 1]
            case .set(let count): Array(1 ..< Int64(1) << Int64(count))
            case .cells(let cells): cells.filter { $0 != SymbolicDomain.otherString }
            }
        }
    }

    /// The first assignment of new values to `facts` (in candidate order) that improves the verdict.
    private func firstRemedy(
        _ request: UseRequest, _ facts: [Int], _ candidates: [[Int64]], improving current: Verdict, trace: inout EvaluationTrace
    ) -> Remedy? {
        var changed = request
        var choice = Array(repeating: 0, count: facts.count)
        guard facts.allSatisfy({ !candidates[$0].isEmpty }) else { return nil }
        while true {
            for (position, fact) in facts.enumerated() { changed.slots[useFacts[fact].slot] = candidates[fact][choice[position]] }
            let verdict = verdict(for: changed, trace: &trace)
            if verdict == .allowed || (current == .denied && verdict == .conditional) {
                let changes = facts.map { fact -> Remedy.Change in
                    let declaration = useFacts[fact]
                    let old = request.slots[declaration.slot]
                    return Remedy.Change(
                        fact: declaration.name, from: old == Program.unknownSlot ? nil : factValue(old, of: declaration),
                        to: factValue(changed.slots[declaration.slot], of: declaration), by: declaration.settledBy
                    )
                }
                return Remedy(changes: changes, by: changes.contains { $0.by == .school } ? .school : .requester, verdict: verdict)
            }
            var position = facts.count - 1
            while position >= 0 {
                choice[position] += 1
                if choice[position] < candidates[facts[position]].count { break }
                choice[position] = 0
                position -= 1
            }
            if position < 0 { return nil }
        }
    }

    /// The typed value of a use-fact slot.
    func factValue(_ slot: Int64, of declaration: FactDeclaration) -> FactValue {
        switch declaration.type {
        case .bool: .bool(slot != 0)
        case .integer: .integer(slot)
        case .date: .date(CivilDate(days: slot))
        case .string: .string(strings.first { $0.value == slot }?.key ?? "")
        case .oneOf(let values): .enumeration(values[Int(slot)])
        case .setOf(let values): .set(values.indices.filter { slot >> Int64($0) & 1 == 1 }.map { values[$0] })
        }
    }
}

/// The subsets of `items` of `size` elements, in lexicographic order.
func combinations(of items: [Int], size: Int) -> [[Int]] {
    guard size > 0 else { return [[]] }
    guard items.count >= size else { return [] }
    var result: [[Int]] = []
    for (position, item) in items.enumerated() {
        for rest in combinations(of: Array(items[(position + 1)...]), size: size - 1) { result.append([item] + rest) }
    }
    return result
}
