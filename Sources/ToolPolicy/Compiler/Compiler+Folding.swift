/// Partial evaluation: a catalog tool's facts, id and class are constants, so each rule's
/// condition can be simplified once per tool at load time. What is left reads only use
/// facts and `today`; most conditions fold to a constant truth.
extension Compiler {
    /// A folded condition: a constant, or a node still to evaluate per request.
    enum Folded {
        case constant(Truth)
        case node(Int32)
    }

    /// For each tool row (catalog order, then one row for an unlisted tool), the node of
    /// each rule's condition and requirement after folding; -1 where the rule has none.
    mutating func foldedNodes(rules: [Rule], catalogSlots: [Int64], standings: [Int64], width: Int) -> (conditions: [Int32], requirements: [Int32]) {
        let constants = [Truth.false, .true, .unknown].map {
            program.add(Program.Node(kind: .constant, lhs: .constant(Int64($0.rawValue))))
        }
        func materialise(_ folded: Folded) -> Int32 {
            switch folded {
            case .constant(let truth): constants[Int(truth.rawValue)]
            case .node(let index): index
            }
        }
        var conditions: [Int32] = []
        var requirements: [Int32] = []
        let noUseFacts = [Int64](repeating: Program.unknownSlot, count: factOrder[.use]!.count)
        for row in standings.indices {
            let slots = Array(catalogSlots[row * width ..< (row + 1) * width])
            let toolIndex = Int64(row == standings.count - 1 ? -1 : row)
            for rule in rules {
                for (node, output) in [(rule.condition, 0), (rule.requirement, 1)] {
                    let folded = node < 0 ? Int32(-1) : materialise(fold(node, slots: slots, useSlots: noUseFacts, toolIndex: toolIndex, standing: standings[row]))
                    if output == 0 { conditions.append(folded) } else { requirements.append(folded) }
                }
            }
        }
        return (conditions, requirements)
    }

    private mutating func fold(_ index: Int32, slots: [Int64], useSlots: [Int64], toolIndex: Int64, standing: Int64) -> Folded {
        let node = program.nodes[Int(index)]
        switch node.kind {
        case .and, .or:
            let left = fold(node.left, slots: slots, useSlots: useSlots, toolIndex: toolIndex, standing: standing)
            let right = fold(node.right, slots: slots, useSlots: useSlots, toolIndex: toolIndex, standing: standing)
            let absorbing: Truth = node.kind == .and ? .false : .true
            switch (left, right) {
            case (.constant(let a), .constant(let b)): return .constant(node.kind == .and ? a && b : a || b)
            case (.constant(let a), .node(let other)), (.node(let other), .constant(let a)):
                if a == absorbing { return .constant(absorbing) }
                if a != .unknown { return .node(other) }
                return .node(program.add(Program.Node(kind: node.kind, left: other, right: constantNode(.unknown))))
            case (.node(let a), .node(let b)):
                return .node(program.add(Program.Node(kind: node.kind, left: a, right: b)))
            }
        case .not:
            switch fold(node.left, slots: slots, useSlots: useSlots, toolIndex: toolIndex, standing: standing) {
            case .constant(let truth): return .constant(!truth)
            case .node(let inner): return .node(program.add(Program.Node(kind: .not, left: inner)))
            }
        default:
            let readsRequest = [node.lhs, node.rhs].contains { $0.source == .useFact || $0.source == .today }
            if readsRequest { return .node(index) }
            return slots.withUnsafeBufferPointer { toolFacts in
                useSlots.withUnsafeBufferPointer { useFacts in
                    program.nodes.withUnsafeBufferPointer { nodes in
                        let env = Environment(toolFacts: toolFacts, useFacts: useFacts, toolIndex: toolIndex, standing: standing, today: 0)
                        return .constant(Program.evaluate(index, nodes, env))
                    }
                }
            }
        }
    }

    private mutating func constantNode(_ truth: Truth) -> Int32 {
        program.add(Program.Node(kind: .constant, lhs: .constant(Int64(truth.rawValue))))
    }
}
