/// Per catalog row, the verdict and the trace of every combination of the use facts that
/// the row's folded rules read, computed once per policy by the evaluator itself: deciding
/// a request of such a row is an index computed from its slots and one load, with no
/// branch that depends on the rules.
///
/// A fact's *cell* is 0 when it is unknown, else its slot plus one: a bool has 3 cells, an
/// enum of n values n + 1, a set of n values 2ⁿ + 1. A row is tabled when the policy has
/// at most 64 rules, the row's folded rules read only such facts (no integer, date or
/// string fact, nor `today`) and its combinations fit the limits below; the evaluator
/// decides the other rows, and any request whose slot falls outside its fact's cells.
struct DecisionTable {
    /// What the evaluator gives for one combination.
    struct Entry {
        var conditionsTrue: UInt64 = 0
        var conditionsUnknown: UInt64 = 0
        var requirementsTrue: UInt64 = 0
        var requirementsUnknown: UInt64 = 0
        var verdict: Verdict = .review
    }

    /// The most combinations one row may table, and all rows together (40 bytes each).
    static let rowLimit = 4_096
    static let totalLimit = 65_536
    /// The largest set a cell can stand for.
    static let largestSet = 6

    /// Every tabled row's entries, one after the other.
    let entries: UnsafeMutableBufferPointer<Entry>
    /// Per row, its first entry; -1 for a row the evaluator decides.
    let rowStarts: UnsafeMutableBufferPointer<Int>
    /// Per row and use fact, the weight of the fact's cell in the row's index; 0 where the
    /// row's rules do not read the fact.
    let weights: UnsafeMutableBufferPointer<Int>
    /// Per use fact, how many cells it has; 0 for a fact that has no cells.
    let cells: UnsafeMutableBufferPointer<UInt64>
    /// The number of use facts.
    let useFactCount: Int

    /// Lays the table out for the folded rules of `rows` catalog rows (`conditions` and
    /// `requirements` as in ``EvaluationTables``); ``fill(from:)`` writes the entries.
    init(
        nodes: UnsafeMutableBufferPointer<Program.Node>, conditions: UnsafeMutableBufferPointer<Int32>,
        requirements: UnsafeMutableBufferPointer<Int32>, ruleCount: Int, rows: Int, useFactTypes: [FactType]
    ) {
        useFactCount = useFactTypes.count
        let cellCounts: [UInt64] = useFactTypes.map { type in
            switch type {
            case .bool: 3
            case .oneOf(let values): UInt64(values.count + 1)
            case .setOf(let values): values.count <= Self.largestSet ? (UInt64(1) << UInt64(values.count)) + 1 : 0
            case .integer, .date, .string: 0
            }
        }
        var starts = [Int](repeating: -1, count: rows)
        var weights = [Int](repeating: 0, count: rows * useFactTypes.count)
        var total = 0
        if ruleCount <= 64 {
            for row in 0 ..< rows {
                let roots = (row * ruleCount ..< (row + 1) * ruleCount).flatMap { [conditions[$0], requirements[$0]] }
                guard let read = Self.factsRead(from: roots, nodes) else { continue }
                var size = 1
                for fact in read.sorted() {
                    let count = Int(cellCounts[fact])
                    guard count > 0, size * count <= Self.rowLimit else { size = 0; break }
                    weights[row * useFactTypes.count + fact] = size
                    size *= count
                }
                guard size > 0, total + size <= Self.totalLimit else {
                    for fact in 0 ..< useFactTypes.count { weights[row * useFactTypes.count + fact] = 0 }
                    continue
                }
                starts[row] = total
                total += size
            }
        }
        entries = .allocate(capacity: max(total, 1))
        _ = entries.initialize(from: repeatElement(Entry(), count: entries.count))
        rowStarts = EvaluationTables.copy(starts)
        self.weights = EvaluationTables.copy(weights)
        cells = EvaluationTables.copy(cellCounts)
    }

    /// Writes every entry: the evaluator's answer for the combination it stands for.
    func fill(from tables: EvaluationTables) {
        var trace = EvaluationTrace(count: tables.ruleCount)
        var slots = [Int64](repeating: Program.unknownSlot, count: useFactCount)
        for row in 0 ..< rowStarts.count where rowStarts[row] >= 0 {
            let rowWeights = Array(weights[row * useFactCount ..< (row + 1) * useFactCount])
            let size = zip(rowWeights, cells).reduce(1) { size, pair in pair.0 == 0 ? size : size * Int(pair.1) }
            for index in 0 ..< size {
                for fact in 0 ..< useFactCount {
                    let weight = rowWeights[fact]
                    guard weight > 0 else { continue }
                    let cell = Int64(index / weight % Int(cells[fact]))
                    slots[fact] = cell == 0 ? Program.unknownSlot : cell - 1
                }
                let verdict = slots.withUnsafeBufferPointer { useFacts in
                    tables.evaluate(useFacts, row: row, today: 0, trace: &trace)
                }
                entries[rowStarts[row] + index] = Entry(
                    conditionsTrue: trace.conditions.isTrue.0, conditionsUnknown: trace.conditions.isUnknown.0,
                    requirementsTrue: trace.requirements.isTrue.0, requirementsUnknown: trace.requirements.isUnknown.0,
                    verdict: verdict
                )
            }
        }
    }

    /// The entry of a request's slots, or `nil` when the evaluator must decide it.
    @inline(__always)
    func entry(row: Int, _ slots: UnsafeBufferPointer<Int64>) -> UnsafePointer<Entry>? {
        let start = rowStarts[row]
        if start < 0 || slots.count != useFactCount { return nil }
        let weights = UnsafePointer(self.weights.baseAddress! + row * useFactCount)
        var index = start
        // Computed without a branch per fact: 1 when a fact the row reads is out of its cells.
        var outside: UInt8 = 0
        for fact in 0 ..< useFactCount {
            let slot = slots[fact]
            let cell = slot == Program.unknownSlot ? 0 : slot &+ 1
            let weight = weights[fact]
            outside |= (weight != 0 ? 1 : 0) & (UInt64(bitPattern: cell) >= cells[fact] ? 1 : 0)
            index &+= Int(truncatingIfNeeded: cell) &* weight
        }
        return outside != 0 ? nil : UnsafePointer(entries.baseAddress! + index)
    }

    /// Frees the buffers (the owning tables' `deinit`).
    func deallocate() {
        entries.deallocate()
        rowStarts.deallocate()
        weights.deallocate()
        cells.deallocate()
    }

    /// The use facts that the nodes under `roots` read; `nil` when one reads `today`.
    private static func factsRead(from roots: [Int32], _ nodes: UnsafeMutableBufferPointer<Program.Node>) -> Set<Int>? {
        var read = Set<Int>()
        var today = false
        func visit(_ index: Int32) {
            guard index >= 0 else { return }
            let node = nodes[Int(index)]
            switch node.kind {
            case .and, .or, .not:
                visit(node.left)
                visit(node.right)
            default:
                for operand in [node.lhs, node.rhs] {
                    if operand.source == .useFact { read.insert(Int(operand.value)) }
                    if operand.source == .today { today = true }
                }
            }
        }
        roots.forEach(visit)
        return today ? nil : read
    }
}
