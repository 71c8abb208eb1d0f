@testable import ToolPolicy

/// The remedy search as first written, trying every value of every choice of one to three
/// use facts: the oracle that ``Policy/remedies(for:limit:)``, which skips what cannot
/// succeed, must agree with remedy for remedy (`RemedySearchTests`).
enum ExhaustiveRemedies {
    static func remedies(_ policy: Policy, for request: UseRequest, limit: Int = 3) -> [Remedy] {
        var trace = EvaluationTrace(for: policy)
        let current = policy.verdict(for: request, trace: &trace)
        guard request.toolIndex != nil, current == .denied || current == .conditional, let cells = cells(policy) else { return [] }
        let useFacts = policy.useFacts
        let candidates = useFacts.map { fact in cells[fact.slot].filter { $0 != request.slots[fact.slot] } }
        var found: [(remedy: Remedy, facts: Set<Int>)] = []
        for actor in Remedy.Actor.allCases {
            var kept: [(remedy: Remedy, facts: Set<Int>)] = []
            for size in 1 ... 3 where kept.count < limit {
                var ofSize: [(remedy: Remedy, facts: Set<Int>)] = []
                for facts in combinations(of: useFacts.indices.filter { actor == .school || useFacts[$0].settledBy == .requester }, size: size) {
                    if actor == .school, !facts.contains(where: { useFacts[$0].settledBy == .school }) { continue }
                    if (found + kept).contains(where: { $0.facts.isSubset(of: Set(facts)) }) { continue }
                    if let remedy = firstRemedy(policy, request, facts, candidates, improving: current, trace: &trace) {
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

    /// Every use fact's cells, by slot.
    static func cells(_ policy: Policy) -> [[Int64]]? {
        guard let domain = try? SymbolicDomain(policies: [policy]) else { return nil }
        return policy.useFacts.map { fact in
            guard let symbol = domain.symbol(.use(fact.name)) else { return [] }
            return switch symbol.encoding {
            case .bool: [0, 1]
            case .set(let count): Array(1 ..< Int64(1) << Int64(count))
            case .cells(let cells): cells.filter { $0 != SymbolicDomain.otherString }
            }
        }
    }

    /// The first assignment of new values to `facts` (in candidate order) that improves the verdict.
    static func firstRemedy(
        _ policy: Policy, _ request: UseRequest, _ facts: [Int], _ candidates: [[Int64]], improving current: Verdict,
        trace: inout EvaluationTrace
    ) -> Remedy? {
        let useFacts = policy.useFacts
        var changed = request
        var choice = Array(repeating: 0, count: facts.count)
        guard facts.allSatisfy({ !candidates[$0].isEmpty }) else { return nil }
        while true {
            for (position, fact) in facts.enumerated() { changed.slots[useFacts[fact].slot] = candidates[fact][choice[position]] }
            let verdict = policy.verdict(for: changed, trace: &trace)
            if verdict == .allowed || (current == .denied && verdict == .conditional) {
                let changes = facts.map { fact -> Remedy.Change in
                    let declaration = useFacts[fact]
                    let old = request.slots[declaration.slot]
                    return Remedy.Change(
                        fact: declaration.name, from: old == Program.unknownSlot ? nil : policy.factValue(old, of: declaration),
                        to: policy.factValue(changed.slots[declaration.slot], of: declaration), by: declaration.settledBy
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

    /// The subsets of `items` of `size` elements, in lexicographic order.
    static func combinations(of items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        var result: [[Int]] = []
        for (position, item) in items.enumerated() {
            for rest in combinations(of: Array(items[(position + 1)...]), size: size - 1) { result.append([item] + rest) }
        }
        return result
    }
}
