/// Turns a compiled condition into a decision diagram over a ``SymbolicDomain``, for one
/// tool row of a policy: the tool's known facts, id and class are constants, use facts
/// and `today` are symbols.
///
/// A test that reads a tool fact the catalog leaves unknown, and that the domain does not
/// keep open, takes the value `gap` gives (as folding does, `docs/language.md` §4). A
/// constant `unknown` truth, which folding leaves only where no fact can settle it, reads
/// as false.
struct SymbolicEncoder {
    let policy: Policy
    let domain: SymbolicDomain
    let row: Int
    private var memo: [MemoKey: Int32] = [:]

    private struct MemoKey: Hashable {
        var node: Int32
        var gap: Truth?
    }

    private enum Resolved {
        case constant(Int64)
        case symbol(Symbol)
        case gap
    }

    init(policy: Policy, domain: SymbolicDomain, row: Int) {
        self.policy = policy
        self.domain = domain
        self.row = row
    }

    /// The diagram of the node at `index`.
    mutating func encode(_ index: Int32, gap: Truth? = nil, in bdd: inout BDD) -> Int32 {
        let key = MemoKey(node: index, gap: gap)
        if let known = memo[key] { return known }
        let result = build(index, gap: gap, in: &bdd)
        memo[key] = result
        return result
    }

    private mutating func build(_ index: Int32, gap: Truth?, in bdd: inout BDD) -> Int32 {
        let node = policy.program.nodes[Int(index)]
        switch node.kind {
        case .and:
            let left = encode(node.left, gap: gap, in: &bdd)
            return left == BDD.zero ? left : bdd.and(left, encode(node.right, gap: gap, in: &bdd))
        case .or:
            let left = encode(node.left, gap: gap, in: &bdd)
            return left == BDD.one ? left : bdd.or(left, encode(node.right, gap: gap, in: &bdd))
        case .not:
            return bdd.not(encode(node.left, gap: gap.map { !$0 }, in: &bdd))
        case .standingIs:
            return policy.standings[row] == node.lhs.value ? BDD.one : BDD.zero
        case .constant:
            return node.lhs.value == Int64(Truth.true.rawValue) ? BDD.one : BDD.zero
        case .truthy, .compare, .inMask, .containsAny, .containsAll:
            let left = resolve(node.lhs)
            let right = node.kind == .compare ? resolve(node.rhs) : .constant(node.rhs.value)
            if case .gap = left { return gap == .true ? BDD.one : BDD.zero }
            if case .gap = right { return gap == .true ? BDD.one : BDD.zero }
            return test(node, left, right, in: &bdd)
        }
    }

    private func resolve(_ operand: Program.Operand) -> Resolved {
        switch operand.source {
        case .constant: return .constant(operand.value)
        case .toolID: return .constant(row < policy.tools.count ? Int64(row) : -1)
        case .today: return domain.symbol(.today).map(Resolved.symbol) ?? .gap
        case .useFact:
            return domain.symbol(.use(policy.useFacts[Int(operand.value)].name)).map(Resolved.symbol) ?? .gap
        case .toolFact:
            let value = policy.catalogSlots[row * policy.toolFacts.count + Int(operand.value)]
            if value != Program.unknownSlot { return .constant(value) }
            return domain.symbol(.tool(policy.toolFacts[Int(operand.value)].name)).map(Resolved.symbol) ?? .gap
        }
    }

    private func test(_ node: Program.Node, _ left: Resolved, _ right: Resolved, in bdd: inout BDD) -> Int32 {
        let holds: (Int64, Int64) -> Bool
        switch node.kind {
        case .truthy: holds = { value, _ in value != 0 }
        case .inMask: holds = { value, mask in (Int64(1) << value) & mask != 0 }
        case .containsAny: holds = { value, mask in value & mask != 0 }
        case .containsAll: holds = { value, mask in value & mask == mask }
        default: holds = { l, r in node.comparison.holds(l, r) }
        }
        switch (left, right) {
        case (.constant(let l), .constant(let r)):
            return holds(l, r) ? BDD.one : BDD.zero
        case (.symbol(let symbol), .constant(let r)):
            if case .set = symbol.encoding { return setTest(node, symbol, r, in: &bdd) }
            return domain.predicate(symbol, in: &bdd) { holds($0, r) }
        case (.constant(let l), .symbol(let symbol)):
            if case .set = symbol.encoding, node.comparison == .equal || node.comparison == .notEqual {
                return setTest(node, symbol, l, in: &bdd)
            }
            return domain.predicate(symbol, in: &bdd) { holds(l, $0) }
        case (.symbol(let a), .symbol(let b)):
            return pairTest(a, b, holds, in: &bdd)
        default:
            return BDD.zero
        }
    }

    /// A set symbol against a mask, bit by bit, without enumerating the subsets.
    private func setTest(_ node: Program.Node, _ symbol: Symbol, _ mask: Int64, in bdd: inout BDD) -> Int32 {
        let bits = (0 ..< symbol.width).filter { mask >> Int64($0) & 1 == 1 }
        switch node.kind {
        case .containsAny: return bdd.any(bits.map { bdd.variable(symbol.first + $0) })
        case .containsAll: return bdd.all(bits.map { bdd.variable(symbol.first + $0) })
        default:
            let equal = domain.setIs(symbol, mask, in: &bdd)
            return node.comparison == .equal ? equal : bdd.not(equal)
        }
    }

    /// Two symbols compared: every pair of their values (cells' representatives, or masks).
    private func pairTest(_ a: Symbol, _ b: Symbol, _ holds: (Int64, Int64) -> Bool, in bdd: inout BDD) -> Int32 {
        func values(_ symbol: Symbol) -> [Int64] {
            switch symbol.encoding {
            case .bool: [0, 1]
            case .set(let count): Array(0 ..< Int64(1) << Int64(count))
            case .cells(let cells): cells
            }
        }
        func equals(_ symbol: Symbol, _ value: Int64, in bdd: inout BDD) -> Int32 {
            domain.predicate(symbol, in: &bdd) { $0 == value }
        }
        var result = BDD.zero
        for l in values(a) {
            for r in values(b) where holds(l, r) {
                let both = bdd.and(equals(a, l, in: &bdd), equals(b, r, in: &bdd))
                result = bdd.or(result, both)
            }
        }
        return result
    }
}

extension ComparisonOperator {
    /// Whether `l op r` holds.
    func holds(_ l: Int64, _ r: Int64) -> Bool {
        switch self {
        case .equal: l == r
        case .notEqual: l != r
        case .less: l < r
        case .lessOrEqual: l <= r
        case .greater: l > r
        case .greaterOrEqual: l >= r
        }
    }
}
