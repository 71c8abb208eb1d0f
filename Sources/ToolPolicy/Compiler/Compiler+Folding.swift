/// Partial evaluation: a catalog tool's facts, id and class are constants, so each rule's
/// condition can be simplified once per tool at load time. What is left reads only use
/// facts and `today`; most conditions fold to a constant truth.
///
/// A tool fact the catalog leaves unknown is the academy's gap, not the requester's
/// condition (`docs/language.md` §4): a test that reads it folds to the value that keeps
/// the rule from acting (a forbid, review, advise, permit or a require's `when` does not
/// hold; a requirement is met), and the gap is recorded for `validate`.
extension Compiler {
    /// A folded condition: a constant, or a node still to evaluate per request.
    enum Folded {
        case constant(Truth)
        case node(Int32)
    }

    /// What folding one tool's rules knows: the tool, and the shared constant nodes.
    private struct FoldingContext {
        var toolFacts: [Int64]
        var noUseFacts: [Int64]
        var toolIndex: Int64
        var standing: Int64
        /// The node of each constant truth, indexed by its raw value.
        var constants: [Int32]

        func node(_ folded: Folded) -> Int32 {
            switch folded {
            case .constant(let truth): constants[Int(truth.rawValue)]
            case .node(let index): index
            }
        }
    }

    /// For each tool row (catalog order, then one row for an unlisted tool), the node of
    /// each rule's condition and requirement after folding; -1 where the rule has none.
    mutating func foldedNodes(rules: [Rule], catalogSlots: [Int64], standings: [Int64], width: Int) -> (conditions: [Int32], requirements: [Int32], gaps: [(row: Int, fact: String, rule: String)]) {
        let constants = [Truth.false, .true, .unknown].map {
            program.add(Program.Node(kind: .constant, lhs: .constant(Int64($0.rawValue))))
        }
        let noUseFacts = [Int64](repeating: Program.unknownSlot, count: factOrder[.use]!.count)
        var conditions: [Int32] = []
        var requirements: [Int32] = []
        var gaps: [(row: Int, fact: String, rule: String)] = []
        let toolFactNames = factOrder[.tool]!.map(\.name)
        for row in standings.indices {
            let context = FoldingContext(
                toolFacts: Array(catalogSlots[row * width ..< (row + 1) * width]), noUseFacts: noUseFacts,
                toolIndex: Int64(row == standings.count - 1 ? -1 : row), standing: standings[row], constants: constants
            )
            for rule in rules {
                var read: Set<Int> = []
                // The requirement of a require is met on a gap; every other condition does not hold.
                conditions.append(rule.condition < 0 ? -1 : context.node(fold(rule.condition, context, gap: .false, read: &read)))
                requirements.append(rule.requirement < 0 ? -1 : context.node(fold(rule.requirement, context, gap: .true, read: &read)))
                guard row < standings.count - 1, !read.isEmpty, gapMatters(rule, context) else { continue }
                for slot in read.sorted() {
                    gaps.append((row, toolFactNames[slot], rule.id))
                }
            }
        }
        return (conditions, requirements, gaps)
    }

    /// Whether a rule's conditions, folded with the gaps left unknown, still depend on
    /// them: a gap a constant test already settles (`tool.id = renavisio and …`) is not one.
    private mutating func gapMatters(_ rule: Rule, _ context: FoldingContext) -> Bool {
        for node in [rule.condition, rule.requirement] where node >= 0 {
            var ignored: Set<Int> = []
            switch fold(node, context, gap: nil, read: &ignored) {
            case .constant(let truth) where truth != .unknown: continue
            default: return true
            }
        }
        return false
    }

    /// Folds the node at `index`. `gap` is the value the whole expression should take
    /// when a test reads an unknown tool fact (`nil`: leave it unknown); `read` collects
    /// the slots of the unknown tool facts so read.
    private mutating func fold(_ index: Int32, _ context: FoldingContext, gap: Truth?, read: inout Set<Int>) -> Folded {
        let node = program.nodes[Int(index)]
        switch node.kind {
        case .and, .or:
            let left = fold(node.left, context, gap: gap, read: &read)
            let right = fold(node.right, context, gap: gap, read: &read)
            let absorbing: Truth = node.kind == .and ? .false : .true
            switch (left, right) {
            case (.constant(let a), .constant(let b)): return .constant(node.kind == .and ? a && b : a || b)
            case (.constant(let a), .node(let other)), (.node(let other), .constant(let a)):
                if a == absorbing { return .constant(absorbing) }
                if a != .unknown { return .node(other) }
                return .node(program.add(Program.Node(kind: node.kind, left: other, right: context.constants[Int(Truth.unknown.rawValue)])))
            case (.node(let a), .node(let b)):
                // Unchanged operands (conditions on use facts alone) keep the node as it is,
                // so a long chain is not copied once per catalog tool.
                if a == node.left, b == node.right { return .node(index) }
                return .node(program.add(Program.Node(kind: node.kind, left: a, right: b)))
            }
        case .not:
            switch fold(node.left, context, gap: gap.map { !$0 }, read: &read) {
            case .constant(let truth): return .constant(!truth)
            case .node(let inner):
                return .node(inner == node.left ? index : program.add(Program.Node(kind: .not, left: inner)))
            }
        default:
            let unknownToolFacts = [node.lhs, node.rhs].filter {
                $0.source == .toolFact && context.toolFacts[Int($0.value)] == Program.unknownSlot
            }
            if !unknownToolFacts.isEmpty, let gap {
                for operand in unknownToolFacts { read.insert(Int(operand.value)) }
                return .constant(gap)
            }
            let readsRequest = [node.lhs, node.rhs].contains { $0.source == .useFact || $0.source == .today }
            if readsRequest { return .node(index) }
            return context.toolFacts.withUnsafeBufferPointer { toolFacts in
                context.noUseFacts.withUnsafeBufferPointer { useFacts in
                    program.nodes.withUnsafeBufferPointer { nodes in
                        let env = Environment(
                            toolFacts: toolFacts, useFacts: useFacts, toolIndex: context.toolIndex,
                            standing: context.standing, today: 0
                        )
                        return .constant(Program.evaluate(index, nodes, env))
                    }
                }
            }
        }
    }
}
