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
        return RemedySearch(policy: self, remedyTables: tables, request: request, current: current, trace: trace).remedies(limit: limit)
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
