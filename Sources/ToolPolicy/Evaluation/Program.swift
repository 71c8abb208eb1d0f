/// The compiled form of every condition of a policy: one flat array of nodes, evaluated
/// without allocation against a tool's and a use's fact slots.
///
/// Fact values are `Int64` slots: a bool is 0 or 1, an enum its ordinal, a set a bit mask,
/// a date its day number, a string its index in the policy's string table; ``unknownSlot``
/// marks an unknown fact.
struct Program: Sendable {
    /// Where an operand's value comes from.
    enum Source: UInt8, Sendable {
        case toolFact, useFact, toolID, today, constant
    }

    /// One side of a comparison, resolved to a slot or a constant.
    struct Operand: Sendable, Hashable {
        var source: Source
        var value: Int64

        static func constant(_ value: Int64) -> Operand { Operand(source: .constant, value: value) }
    }

    /// What a node computes.
    enum Kind: UInt8, Sendable {
        case and, or, not
        /// The tool's standing equals `lhs.value` (a ``Standing`` raw value).
        case standingIs
        /// A bool operand.
        case truthy
        /// `lhs op rhs` on integers, dates, enum ordinals, interned strings, set masks.
        case compare
        /// An enum operand whose ordinal bit is in the mask `rhs`.
        case inMask
        /// A set operand that shares a bit with the mask `rhs`.
        case containsAny
        /// A set operand that has every bit of the mask `rhs`.
        case containsAll
        /// A constant truth, in `lhs.value` (a ``Truth`` raw value).
        case constant
    }

    /// One node of the flat expression tree.
    struct Node: Sendable {
        var kind: Kind
        var comparison: ComparisonOperator = .equal
        var lhs = Operand.constant(0)
        var rhs = Operand.constant(0)
        var left: Int32 = -1
        var right: Int32 = -1
    }

    /// The standing of a tool as the program tests it.
    enum Standing: Int64, Sendable {
        case institutional = 0, tolerated, forbidden, unclassified, unlisted

        init(_ standing: ToolStanding) {
            switch standing {
            case .institutional: self = .institutional
            case .tolerated: self = .tolerated
            case .forbidden: self = .forbidden
            case .unclassified: self = .unclassified
            case .unlisted: self = .unlisted
            }
        }
    }

    /// The value of an unknown fact.
    static let unknownSlot = Int64.min

    private(set) var nodes: [Node] = []

    /// Appends a node and returns its index.
    mutating func add(_ node: Node) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }
}

/// What one evaluation reads: the tool's slots, the use's slots and the built-ins.
struct Environment {
    var toolFacts: UnsafeBufferPointer<Int64>
    var useFacts: UnsafeBufferPointer<Int64>
    var toolIndex: Int64
    var standing: Int64
    var today: Int64

    @inline(__always)
    func value(of operand: Program.Operand) -> Int64 {
        switch operand.source {
        case .toolFact: toolFacts[Int(operand.value)]
        case .useFact: useFacts[Int(operand.value)]
        case .toolID: toolIndex
        case .today: today
        case .constant: operand.value
        }
    }
}

extension Program {
    /// Evaluates the node at `index` in three-valued logic.
    static func evaluate(_ index: Int32, _ nodes: UnsafeBufferPointer<Program.Node>, _ env: Environment) -> Truth {
        let node = nodes[Int(index)]
        switch node.kind {
        case .and:
            let left = evaluate(node.left, nodes, env)
            if left == .false { return .false }
            return left && evaluate(node.right, nodes, env)
        case .or:
            let left = evaluate(node.left, nodes, env)
            if left == .true { return .true }
            return left || evaluate(node.right, nodes, env)
        case .not:
            return !evaluate(node.left, nodes, env)
        case .standingIs:
            return Truth(env.standing == node.lhs.value)
        case .truthy:
            let value = env.value(of: node.lhs)
            return value == unknownSlot ? .unknown : Truth(value != 0)
        case .compare:
            let l = env.value(of: node.lhs)
            let r = env.value(of: node.rhs)
            if l == unknownSlot || r == unknownSlot { return .unknown }
            switch node.comparison {
            case .equal: return Truth(l == r)
            case .notEqual: return Truth(l != r)
            case .less: return Truth(l < r)
            case .lessOrEqual: return Truth(l <= r)
            case .greater: return Truth(l > r)
            case .greaterOrEqual: return Truth(l >= r)
            }
        case .inMask:
            let value = env.value(of: node.lhs)
            if value == unknownSlot { return .unknown }
            return Truth((Int64(1) << value) & node.rhs.value != 0)
        case .containsAny:
            let value = env.value(of: node.lhs)
            if value == unknownSlot { return .unknown }
            return Truth(value & node.rhs.value != 0)
        case .containsAll:
            let value = env.value(of: node.lhs)
            if value == unknownSlot { return .unknown }
            return Truth(value & node.rhs.value == node.rhs.value)
        case .constant:
            return Truth(rawValue: UInt8(truncatingIfNeeded: node.lhs.value)) ?? .unknown
        }
    }
}
