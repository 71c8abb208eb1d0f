/// The flat tables the evaluator reads, copied once per policy into memory of their own and
/// read through raw pointers, so that evaluating a request retains and copies nothing.
///
/// Immutable once built: the buffers are written by `init` only and freed by `deinit`,
/// which is why the class may be shared between threads.
final class EvaluationTables: @unchecked Sendable {
    /// The program's nodes.
    let nodes: UnsafeMutableBufferPointer<Program.Node>
    /// Every tool's fact slots, a row of ``toolFactCount`` per tool, then the unlisted row.
    let catalogSlots: UnsafeMutableBufferPointer<Int64>
    /// Each catalog row's standing, then `unlisted`.
    let standings: UnsafeMutableBufferPointer<Int64>
    /// Per catalog row and rule, the folded condition node: `row * ruleCount + rule`.
    let conditionNodes: UnsafeMutableBufferPointer<Int32>
    /// The same for requirements; -1 where the rule has none.
    let requirementNodes: UnsafeMutableBufferPointer<Int32>
    /// The forbid rules, the require rules, and the others (review, permit, advise).
    let forbids, requires, others: UnsafeMutableBufferPointer<Int32>
    /// The review rules and the permit rules, as masks over a trace.
    let reviews, permits: RuleMask
    /// The number of rules, of tool facts, and the row of an unlisted tool.
    let ruleCount, toolFactCount, unlistedRow: Int
    /// The answers of the rows whose rules read few use facts, one per combination.
    let decisionTable: DecisionTable

    init(
        program: Program, catalogSlots: [Int64], standings: [Int64], indices: Policy.RuleIndices,
        ruleCount: Int, toolFactCount: Int, useFactTypes: [FactType]
    ) {
        nodes = Self.copy(program.nodes)
        self.catalogSlots = Self.copy(catalogSlots)
        self.standings = Self.copy(standings)
        conditionNodes = Self.copy(indices.foldedConditions)
        requirementNodes = Self.copy(indices.foldedRequirements)
        forbids = Self.copy(indices.forbid.map(Int32.init))
        requires = Self.copy(indices.require.map(Int32.init))
        others = Self.copy(indices.others.map(Int32.init))
        reviews = RuleMask(indices.review)
        permits = RuleMask(indices.permit)
        self.ruleCount = ruleCount
        self.toolFactCount = toolFactCount
        unlistedRow = standings.count - 1
        decisionTable = DecisionTable(
            nodes: nodes, conditions: conditionNodes, requirements: requirementNodes,
            ruleCount: ruleCount, rows: standings.count, useFactTypes: useFactTypes
        )
        decisionTable.fill(from: self)
    }

    deinit {
        for buffer in [conditionNodes, requirementNodes, forbids, requires, others] { buffer.deallocate() }
        nodes.deallocate()
        catalogSlots.deallocate()
        standings.deallocate()
        decisionTable.deallocate()
    }

    /// A buffer of its own holding `array` (at least one element's room, so its base
    /// address is never nil).
    static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[..<array.count])
    }
}

extension EvaluationTables {
    /// Decides a request's use-fact slots for a catalog row: from the decision table when
    /// the row has one, else by evaluating every rule.
    @inline(__always)
    func verdict(_ useFacts: UnsafeBufferPointer<Int64>, row: Int, today: Int64, trace: inout EvaluationTrace) -> Verdict {
        if let entry = decisionTable.entry(row: row, useFacts) {
            trace.conditions.assign(true: entry.pointee.conditionsTrue, unknown: entry.pointee.conditionsUnknown)
            trace.requirements.assign(true: entry.pointee.requirementsTrue, unknown: entry.pointee.requirementsUnknown)
            return entry.pointee.verdict
        }
        return evaluate(useFacts, row: row, today: today, trace: &trace)
    }

    /// Evaluates every rule of a catalog row against a request's use-fact slots.
    func evaluate(_ useFacts: UnsafeBufferPointer<Int64>, row: Int, today: Int64, trace: inout EvaluationTrace) -> Verdict {
        let env = Environment(
            toolFacts: UnsafeBufferPointer(start: catalogSlots.baseAddress! + row * toolFactCount, count: toolFactCount),
            useFacts: useFacts, toolIndex: row == unlistedRow ? -1 : Int64(row), standing: standings[row], today: today
        )
        return decide(env, row: row, listed: row != unlistedRow, trace: &trace)
    }

    /// Evaluates every rule of a catalog row into the trace, then applies the precedence.
    @inline(__always)
    func decide(_ env: Environment, row: Int, listed: Bool, trace: inout EvaluationTrace) -> Verdict {
        let nodes = UnsafeBufferPointer(nodes)
        let conditions = UnsafeBufferPointer(rebasing: conditionNodes[row * ruleCount ..< (row + 1) * ruleCount])
        let requirements = UnsafeBufferPointer(rebasing: requirementNodes[row * ruleCount ..< (row + 1) * ruleCount])
        trace.conditions.reset()
        trace.requirements.reset()
        var denied = false
        var pending = false
        for rule in forbids {
            let index = Int(rule)
            let truth = Program.evaluate(conditions[index], nodes, env)
            trace.conditions.mark(index, truth)
            denied = denied || truth == .true
            pending = pending || truth == .unknown
        }
        for rule in requires {
            let index = Int(rule)
            let node = conditions[index]
            let when = node < 0 ? Truth.true : Program.evaluate(node, nodes, env)
            let required = Program.evaluate(requirements[index], nodes, env)
            trace.conditions.mark(index, when)
            trace.requirements.mark(index, required)
            if when == .true, required == .false { denied = true }
            if when != .false, required != .true { pending = true }
        }
        for rule in others {
            let index = Int(rule)
            trace.conditions.mark(index, Program.evaluate(conditions[index], nodes, env))
        }
        // A tool absent from the catalog is reviewed whatever the use: the academy's review
        // path comes first; the forbids that hold are listed with it.
        if !listed { return .review }
        if denied { return .denied }
        if trace.conditions.anyTrue(in: reviews) { return .review }
        let permitted = trace.conditions.anyTrue(in: permits)
        if !permitted, !trace.conditions.anyUnknown(in: permits) { return .denied }
        return pending || !permitted ? .conditional : .allowed
    }
}

/// One of the evaluation tables' buffers, read as a collection: it keeps the tables alive,
/// so the policy holds each table once (``Policy/catalogSlots``, ``Policy/standings``).
struct TableColumn<Element>: RandomAccessCollection {
    let tables: EvaluationTables
    let buffer: UnsafeMutableBufferPointer<Element>

    var startIndex: Int { 0 }
    var endIndex: Int { buffer.count }
    subscript(index: Int) -> Element { buffer[index] }

    /// Calls `body` with the buffer, the tables kept alive meanwhile.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(tables) { try body(UnsafeBufferPointer(buffer)) }
    }
}
