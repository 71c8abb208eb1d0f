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
              let tables = storage.remedyTables.value(computing: { RemedyTables(self) }) else { return [] }
        return withUnsafeTemporaryAllocation(of: Int64.self, capacity: max(useFacts.count, 1)) { buffer in
            let slots = UnsafeMutableBufferPointer(rebasing: buffer[..<useFacts.count])
            request.slots.withUnsafeBufferPointer { _ = slots.initialize(from: $0) }
            var search = RemedySearch(policy: self, remedyTables: tables, request: request, current: current, trace: trace, slots: slots)
            return remedies(&search, limit: limit)
        }
    }

    /// The remedies of each actor in turn, fewest changes first, as ``remedies(for:limit:)`` describes.
    private func remedies(_ search: inout RemedySearch, limit: Int) -> [Remedy] {
        var found: [(remedy: Remedy, facts: FactChoice)] = []
        for actor in Remedy.Actor.allCases {
            let eligible = useFacts.indices.filter { actor == .school || useFacts[$0].settledBy == .requester }
            var kept: [(remedy: Remedy, facts: FactChoice)] = []
            for size in 1 ... FactChoice.capacity where kept.count < limit {
                var ofSize: [(remedy: Remedy, facts: FactChoice)] = []
                FactChoice.forEach(of: eligible, size: size, facts: useFacts) { facts in
                    if actor == .school, !(0 ..< facts.count).contains(where: { useFacts[facts[$0]].settledBy == .school }) { return }
                    if found.contains(where: { $0.facts.isSubset(of: facts) }) || kept.contains(where: { $0.facts.isSubset(of: facts) }) { return }
                    guard search.mayImprove(facts), let (values, verdict) = search.firstImprovement(facts) else { return }
                    ofSize.append((remedy(request: search.request, facts, values, verdict), facts))
                }
                ofSize.sort { ($0.remedy.verdict == .allowed ? 0 : 1) < ($1.remedy.verdict == .allowed ? 0 : 1) }
                kept += ofSize.prefix(limit - kept.count)
            }
            found += kept
        }
        return found.map(\.remedy)
    }

    /// The remedy that gives `facts` of `request` the new `values` (in the facts' order).
    private func remedy(request: UseRequest, _ facts: FactChoice, _ values: (Int64, Int64, Int64), _ verdict: Verdict) -> Remedy {
        let changes = (0 ..< facts.count).map { position -> Remedy.Change in
            let declaration = useFacts[facts[position]]
            let old = request.slots[declaration.slot]
            let new = position == 0 ? values.0 : position == 1 ? values.1 : values.2
            return Remedy.Change(
                fact: declaration.name, from: old == Program.unknownSlot ? nil : factValue(old, of: declaration),
                to: factValue(new, of: declaration), by: declaration.settledBy
            )
        }
        return Remedy(changes: changes, by: changes.contains { $0.by == .school } ? .school : .requester, verdict: verdict)
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
