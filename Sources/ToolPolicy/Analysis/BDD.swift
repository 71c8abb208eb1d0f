/// A reduced ordered binary decision diagram store: every boolean function over numbered
/// variables is one node index, and two equal functions are the same index, so
/// satisfiability, equivalence and implication are index comparisons once built.
///
/// Nodes are hash-consed (one node per variable, low and high child) in an open-addressing
/// table; `and`, `or` and `not` go through a lossy operation cache, so building costs about
/// the size of the diagrams, not the number of assignments. Variable 0 is tested first.
struct BDD: Sendable {
    /// A node: test `variable`, go to `low` when it is false, `high` when it is true.
    struct Node: Hashable, Sendable {
        var variable: Int32
        var low: Int32
        var high: Int32
    }

    private enum Operation: UInt64 { case and = 1, or, xor }

    /// The constant false function.
    static let zero: Int32 = 0
    /// The constant true function.
    static let one: Int32 = 1

    private(set) var nodes: [Node] = [
        Node(variable: .max, low: 0, high: 0),
        Node(variable: .max, low: 1, high: 1),
    ]
    /// The unique table: open addressing over node indices (-1: empty), at most half full.
    private var unique = [Int32](repeating: -1, count: 1 << 12)
    /// The operation cache: direct-mapped and lossy, as in CUDD; a key packs the operation
    /// and both operands, `0` marks an empty entry. It grows with the diagram store.
    private var cacheKeys = [UInt64](repeating: 0, count: 1 << 12)
    private var cacheValues = [Int32](repeating: 0, count: 1 << 12)

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

    /// The conjunction of many functions (true for none), in order: put the smallest first.
    mutating func all(_ functions: [Int32]) -> Int32 { functions.reduce(Self.one) { and($0, $1) } }
    /// The disjunction of many functions (false for none), joined pairwise as a balanced
    /// tree, which keeps the intermediate diagrams smaller than a left fold does.
    mutating func any(_ functions: [Int32]) -> Int32 {
        var level = functions
        while level.count > 1 {
            var next: [Int32] = []
            for pair in stride(from: 0, to: level.count, by: 2) {
                next.append(pair + 1 < level.count ? or(level[pair], level[pair + 1]) : level[pair])
            }
            level = next
        }
        return level.first ?? Self.zero
    }

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

    /// A cheap mix of up to three 32-bit values (splitmix64's finaliser).
    private static func mix(_ a: Int32, _ b: Int32, _ c: UInt64) -> Int {
        var x = UInt64(UInt32(bitPattern: a)) | UInt64(UInt32(bitPattern: b)) << 32
        x ^= c &* 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: x ^ (x >> 31))
    }

    private mutating func make(_ variable: Int32, low: Int32, high: Int32) -> Int32 {
        if low == high { return low }
        let mask = unique.count - 1
        var slot = Self.mix(low, high, UInt64(UInt32(bitPattern: variable))) & mask
        while unique[slot] >= 0 {
            let node = nodes[Int(unique[slot])]
            if node.variable == variable, node.low == low, node.high == high { return unique[slot] }
            slot = (slot + 1) & mask
        }
        nodes.append(Node(variable: variable, low: low, high: high))
        let index = Int32(nodes.count - 1)
        unique[slot] = index
        if nodes.count * 2 > unique.count { grow() }
        return index
    }

    /// Doubles the unique table (re-inserting every node) and the operation cache.
    private mutating func grow() {
        unique = [Int32](repeating: -1, count: unique.count * 2)
        let mask = unique.count - 1
        for index in 2 ..< nodes.count {
            let node = nodes[index]
            var slot = Self.mix(node.low, node.high, UInt64(UInt32(bitPattern: node.variable))) & mask
            while unique[slot] >= 0 { slot = (slot + 1) & mask }
            unique[slot] = Int32(index)
        }
        if cacheKeys.count < 1 << 22 {
            cacheKeys = [UInt64](repeating: 0, count: cacheKeys.count * 2)
            cacheValues = [Int32](repeating: 0, count: cacheValues.count * 2)
        }
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
        let (first, second) = a < b ? (a, b) : (b, a)
        let key = operation.rawValue << 62 | UInt64(first) << 31 | UInt64(second)
        let entry = Self.mix(first, second, operation.rawValue) & (cacheKeys.count - 1)
        if cacheKeys[entry] == key { return cacheValues[entry] }
        let left = nodes[Int(a)]
        let right = nodes[Int(b)]
        let variable = min(left.variable, right.variable)
        let (aLow, aHigh) = left.variable == variable ? (left.low, left.high) : (a, a)
        let (bLow, bHigh) = right.variable == variable ? (right.low, right.high) : (b, b)
        let low = apply(operation, aLow, bLow)
        let high = apply(operation, aHigh, bHigh)
        let result = make(variable, low: low, high: high)
        let slot = Self.mix(first, second, operation.rawValue) & (cacheKeys.count - 1)
        cacheKeys[slot] = key
        cacheValues[slot] = result
        return result
    }
}
