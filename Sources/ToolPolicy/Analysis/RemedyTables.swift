/// What a remedy search reads of a policy, built once per policy, on the first remedy
/// asked (``Policy/Storage/remedyTables``): the values each use fact may take, and which
/// use facts each program node reads, so a search tries only the facts that can change
/// the rules standing in the way.
struct RemedyTables: Sendable {
    /// Per use fact (slot order), the values it may take in a remedy: the values its
    /// cells stand for (`docs/analysis.md`). A set is never empty: a request cannot give one.
    let cells: [[Int64]]
    /// Per program node, the use facts it reads (itself and the nodes under it), as the
    /// bits of their slots: see ``bit(ofSlot:)``.
    let nodeReads: [UInt64]
    /// Per use fact, its slot, and whether the school settles it (``FactDeclaration/settledBy``).
    let slots: [Int]
    let bySchool: [Bool]
    /// The slot bits of the facts the school settles.
    let schoolBits: UInt64

    /// The tables of `policy`; `nil` when the policy has no symbolic domain.
    init?(_ policy: Policy) {
        guard let domain = try? SymbolicDomain(policies: [policy]) else { return nil }
        cells = policy.useFacts.map { fact in
            guard let symbol = domain.symbol(.use(fact.name)) else { return [] }
            return switch symbol.encoding {
            case .bool: [0, 1]
            case .set(let count): Array(1 ..< Int64(1) << Int64(count))
            case .cells(let cells): cells.filter { $0 != SymbolicDomain.otherString }
            }
        }
        slots = policy.useFacts.map(\.slot)
        bySchool = policy.useFacts.map { $0.settledBy == .school }
        schoolBits = policy.useFacts.filter { $0.settledBy == .school }.reduce(0) { $0 | Self.bit(ofSlot: $1.slot) }
        let nodes = policy.program.nodes
        var reads = [UInt64](repeating: 0, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            var mask: UInt64 = 0
            for operand in [node.lhs, node.rhs] where operand.source == .useFact { mask |= Self.bit(ofSlot: Int(operand.value)) }
            // The compiler adds a node after its operands; a node that did not would be read
            // as reading every fact, which only makes the search try more.
            for child in [node.left, node.right] where child >= 0 { mask |= child < index ? reads[Int(child)] : ~0 }
            reads[index] = mask
        }
        nodeReads = reads
    }

    /// The bit that stands for a use-fact slot: its own up to slot 62; slots from 63 on
    /// share bit 63, so that a mask may say a fact is read when it is not, never the reverse.
    static func bit(ofSlot slot: Int) -> UInt64 { UInt64(1) << UInt64(min(slot, 63)) }

    /// The use facts a folded node reads; none for a missing node (-1).
    func reads(_ node: Int32) -> UInt64 { node < 0 ? 0 : nodeReads[Int(node)] }
}
