/// A reduced ordered binary decision diagram store: every boolean function over numbered
/// variables is one node index, and two equal functions are the same index, so
/// satisfiability, equivalence and implication are index comparisons once built.
///
/// Nodes are hash-consed (one node per variable, low and high child); `and`, `or` and
/// `not` are memoised, so building costs the size of the diagrams, not the number of
/// assignments. Variable 0 is tested first.
struct BDD: Sendable {
    /// A node: test `variable`, go to `low` when it is false, `high` when it is true.
    struct Node: Hashable, Sendable {
        var variable: Int32
        var low: Int32
        var high: Int32
    }

    private enum Operation: UInt8 { case and, or, xor }

    private struct OperationKey: Hashable {
        var operation: Operation
        var left: Int32
        var right: Int32
    }

    /// The constant false function.
    static let zero: Int32 = 0
    /// The constant true function.
    static let one: Int32 = 1

    private(set) var nodes: [Node] = [
        Node(variable: .max, low: 0, high: 0),
        Node(variable: .max, low: 1, high: 1),
    ]
    private var unique: [Node: Int32] = [:]
    private var memo: [OperationKey: Int32] = [:]

    /// The function that is true exactly when `variable` is.
    mutating func variable(_ variable: Int) -> Int32 { make(Int32(variable), low: Self.zero, high: Self.one) }

    /// The function that is true exactly when `variable` has the given value.
    mutating func literal(_ variable: Int, _ value: Bool) -> Int32 {
        value ? make(Int32(variable), low: Self.zero, high: Self.one) : make(Int32(variable), low: Self.one, high: Self.zero)
    }

    /// Conjunction.
    mutating func and(_ a: Int32, _ b: Int32) -> Int32 { apply(.and, a, b) }
    /// Disjunction.
    mutating func or(_ a: Int32, _ b: Int32) -> Int32 { apply(.or, a, b) }
    /// Negation.
    mutating func not(_ a: Int32) -> Int32 { apply(.xor, a, Self.one) }
    /// Equivalence.
    mutating func iff(_ a: Int32, _ b: Int32) -> Int32 { not(apply(.xor, a, b)) }

    /// The conjunction of many functions (true for none).
    mutating func all(_ functions: [Int32]) -> Int32 { functions.reduce(Self.one) { and($0, $1) } }
    /// The disjunction of many functions (false for none).
    mutating func any(_ functions: [Int32]) -> Int32 { functions.reduce(Self.zero) { or($0, $1) } }

    /// The variables a function depends on.
    func support(_ function: Int32) -> Set<Int> {
        var seen: Set<Int32> = []
        var variables: Set<Int> = []
        var stack = [function]
        while let index = stack.popLast() {
            guard index > 1, seen.insert(index).inserted else { continue }
            let node = nodes[Int(index)]
            variables.insert(Int(node.variable))
            stack.append(node.low)
            stack.append(node.high)
        }
        return variables
    }

    /// One assignment that makes the function true, preferring false for each variable
    /// met on the way; variables the path does not test are absent. `nil` for false.
    func satisfyingPath(_ function: Int32) -> [Int: Bool]? {
        guard function != Self.zero else { return nil }
        var path: [Int: Bool] = [:]
        var index = function
        while index > 1 {
            let node = nodes[Int(index)]
            if node.low != Self.zero {
                path[Int(node.variable)] = false
                index = node.low
            } else {
                path[Int(node.variable)] = true
                index = node.high
            }
        }
        return path
    }

    /// The paths to true, as partial assignments (disjoint cubes whose union is the
    /// function), at most `limit` of them, shortest-first within the diagram's order.
    func cubes(_ function: Int32, limit: Int) -> [[Int: Bool]] {
        var result: [[Int: Bool]] = []
        var path: [Int: Bool] = [:]
        func walk(_ index: Int32) {
            guard result.count < limit, index != Self.zero else { return }
            if index == Self.one {
                result.append(path)
                return
            }
            let node = nodes[Int(index)]
            path[Int(node.variable)] = false
            walk(node.low)
            path[Int(node.variable)] = true
            walk(node.high)
            path[Int(node.variable)] = nil
        }
        walk(function)
        return result
    }

    private mutating func make(_ variable: Int32, low: Int32, high: Int32) -> Int32 {
        if low == high { return low }
        let node = Node(variable: variable, low: low, high: high)
        if let index = unique[node] { return index }
        nodes.append(node)
        let index = Int32(nodes.count - 1)
        unique[node] = index
        return index
    }

    private mutating func apply(_ operation: Operation, _ a: Int32, _ b: Int32) -> Int32 {
        switch operation {
        case .and:
            if a == Self.zero || b == Self.zero { return Self.zero }
            if a == Self.one { return b }
            if b == Self.one || a == b { return a }
        case .or:
            if a == Self.one || b == Self.one { return Self.one }
            if a == Self.zero { return b }
            if b == Self.zero || a == b { return a }
        case .xor:
            if a == b { return Self.zero }
            if a == Self.zero { return b }
            if b == Self.zero { return a }
            if a <= 1, b <= 1 { return Self.one }
        }
        let key = OperationKey(operation: operation, left: min(a, b), right: max(a, b))
        if let known = memo[key] { return known }
        let left = nodes[Int(a)]
        let right = nodes[Int(b)]
        let variable = min(left.variable, right.variable)
        let (aLow, aHigh) = left.variable == variable ? (left.low, left.high) : (a, a)
        let (bLow, bHigh) = right.variable == variable ? (right.low, right.high) : (b, b)
        let low = apply(operation, aLow, bLow)
        let high = apply(operation, aHigh, bHigh)
        let result = make(variable, low: low, high: high)
        memo[key] = result
        return result
    }
}
