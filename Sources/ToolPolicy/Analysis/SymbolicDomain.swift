/// What a group of decision-diagram variables stands for: a use fact, a tool fact the
/// analysis leaves open (a catalog hole), or the date of the request.
enum SymbolKey: Hashable, Sendable {
    case use(String)
    case tool(String)
    case today
}

/// One symbolic fact and how its values are encoded in decision-diagram variables.
///
/// A bool is one variable; a set one variable per element; every other type is a finite
/// list of *cells*, binary-encoded: the enum's values, or for an integer, a date or a
/// string, one representative of each interval the rules' constants cut (`< 10`, `10`,
/// `> 10`…). Two values in one cell make every test of the policy agree, so deciding over
/// the cells decides over every value.
struct Symbol: Sendable {
    enum Encoding: Sendable {
        case bool
        case set(Int)
        case cells([Int64])
    }

    var key: SymbolKey
    var type: FactType
    var encoding: Encoding
    /// The first variable of the symbol; it uses ``width`` consecutive ones.
    var first: Int
    var width: Int
}

/// The finite space the analysis decides over: every use fact (and `today`, and the tool
/// facts left open) of one or more policies, with the cells that their rules distinguish.
struct SymbolicDomain: Sendable {
    /// A string value no rule names, standing for every such string.
    static let otherString: Int64 = -1

    private(set) var symbols: [Symbol] = []
    private(set) var index: [SymbolKey: Int] = [:]
    private(set) var variableCount = 0
    /// The policies' interned strings, by code, to write a witness back.
    private var stringNames: [Int64: String] = [:]

    /// The domain of the use facts of `policies` (by name; a fact declared by several must
    /// have one type), plus `today` and the tool facts named in `openToolFacts`.
    init(policies: [Policy], openToolFacts: Set<String> = []) throws(AnalysisError) {
        var types: [SymbolKey: FactType] = [:]
        var order: [SymbolKey] = []
        func declare(_ key: SymbolKey, _ type: FactType) throws(AnalysisError) {
            if let known = types[key] {
                guard known == type else { throw AnalysisError.factTypeChanged(key.name, known.spelling, type.spelling) }
                return
            }
            types[key] = type
            order.append(key)
        }
        for policy in policies {
            for fact in policy.useFacts { try declare(.use(fact.name), fact.type) }
            for fact in policy.toolFacts where openToolFacts.contains(fact.name) { try declare(.tool(fact.name), fact.type) }
            for (text, code) in policy.strings { stringNames[code] = text }
        }
        var constants: [SymbolKey: Set<Int64>] = [:]
        for policy in policies {
            for (key, values) in policy.comparedConstants(openToolFacts: openToolFacts) {
                constants[key, default: []].formUnion(values)
                if key == .today, types[.today] == nil {
                    types[.today] = .date
                    order.append(.today)
                }
            }
        }
        for key in order {
            let type = types[key]!
            let encoding: Symbol.Encoding
            switch type {
            case .bool: encoding = .bool
            case .setOf(let values): encoding = .set(values.count)
            case .oneOf(let values): encoding = .cells(values.indices.map(Int64.init))
            case .integer: encoding = .cells(Self.representatives(of: constants[key] ?? [], floor: 0))
            case .date: encoding = .cells(Self.representatives(of: constants[key] ?? [], floor: nil))
            case .string: encoding = .cells((constants[key] ?? []).sorted() + [Self.otherString])
            }
            let width: Int
            switch encoding {
            case .bool: width = 1
            case .set(let count): width = max(count, 1)
            case .cells(let cells): width = max(1, Int.bitWidth - (cells.count - 1).leadingZeroBitCount)
            }
            index[key] = symbols.count
            symbols.append(Symbol(key: key, type: type, encoding: encoding, first: variableCount, width: width))
            variableCount += width
        }
    }

    /// One value per interval that the constants cut: each constant, one below and one
    /// above each, and one between two constants when there is room.
    static func representatives(of constants: Set<Int64>, floor: Int64?) -> [Int64] {
        var values: Set<Int64> = [floor ?? 0]
        for constant in constants {
            values.insert(constant)
            if constant > Int64.min + 1 { values.insert(constant - 1) }
            if constant < Int64.max { values.insert(constant + 1) }
        }
        return values.filter { floor == nil || $0 >= floor! }.sorted()
    }

    /// The symbol of a key, if the domain has one.
    func symbol(_ key: SymbolKey) -> Symbol? { index[key].map { symbols[$0] } }

    /// The function true when a cells-encoded symbol holds its `cell`-th value.
    func cell(_ symbol: Symbol, _ cell: Int, in bdd: inout BDD) -> Int32 {
        var result = BDD.one
        for bit in 0 ..< symbol.width {
            result = bdd.and(result, bdd.literal(symbol.first + bit, cell >> bit & 1 == 1))
        }
        return result
    }

    /// The function true when the symbol's value passes `test` (bool: 0 or 1; cells: the
    /// representative; set: the mask, enumerated).
    func predicate(_ symbol: Symbol, in bdd: inout BDD, _ test: (Int64) -> Bool) -> Int32 {
        switch symbol.encoding {
        case .bool:
            switch (test(0), test(1)) {
            case (true, true): return BDD.one
            case (false, false): return BDD.zero
            case (false, true): return bdd.variable(symbol.first)
            case (true, false): return bdd.literal(symbol.first, false)
            }
        case .cells(let cells):
            var result = BDD.zero
            for (position, value) in cells.enumerated() where test(value) {
                result = bdd.or(result, cell(symbol, position, in: &bdd))
            }
            return result
        case .set(let count):
            var result = BDD.zero
            for mask in 0 ..< Int64(1) << Int64(count) where test(mask) {
                result = bdd.or(result, setIs(symbol, mask, in: &bdd))
            }
            return result
        }
    }

    /// The function true when a set symbol is exactly `mask`.
    func setIs(_ symbol: Symbol, _ mask: Int64, in bdd: inout BDD) -> Int32 {
        var result = BDD.one
        for bit in 0 ..< symbol.width {
            result = bdd.and(result, bdd.literal(symbol.first + bit, mask >> Int64(bit) & 1 == 1))
        }
        return result
    }

    /// The function true on the encodings that stand for a value a request can give:
    /// cells past the last are none, and neither is the empty set (a request that gives
    /// no element leaves the fact unknown; `accounts` says `none` for that).
    func valid(in bdd: inout BDD) -> Int32 {
        var result = BDD.one
        for symbol in symbols {
            switch symbol.encoding {
            case .cells(let cells) where cells.count < 1 << symbol.width:
                result = bdd.and(result, predicate(symbol, in: &bdd) { _ in true })
            case .set(let count) where count > 0:
                result = bdd.and(result, bdd.any((0 ..< count).map { bdd.variable(symbol.first + $0) }))
            default:
                continue
            }
        }
        return result
    }

    /// The slot value of a symbol on an assignment (bits the assignment leaves out are 0).
    func value(of symbol: Symbol, in assignment: [Int: Bool]) -> Int64 {
        var bits: Int64 = 0
        for bit in 0 ..< symbol.width where assignment[symbol.first + bit] == true { bits |= Int64(1) << Int64(bit) }
        switch symbol.encoding {
        case .bool, .set: return bits
        case .cells(let cells): return cells[Int(bits) < cells.count ? Int(bits) : 0]
        }
    }

    /// A slot value written as a typed fact value.
    func factValue(_ value: Int64, of symbol: Symbol) -> FactValue {
        switch symbol.type {
        case .bool: .bool(value != 0)
        case .integer: .integer(value)
        case .date: .date(CivilDate(days: value))
        case .string: .string(stringNames[value] ?? "(autre)")
        case .oneOf(let values): .enumeration(values[Int(value)])
        case .setOf(let values): .set(values.indices.filter { value >> Int64($0) & 1 == 1 }.map { values[$0] })
        }
    }

    /// The symbols whose variables a function reads.
    func symbols(readBy support: Set<Int>) -> [Symbol] {
        symbols.filter { symbol in (symbol.first ..< symbol.first + symbol.width).contains { support.contains($0) } }
    }
}

extension SymbolKey {
    /// `use.mode`, `tool.hosting`, `today`.
    var name: String {
        switch self {
        case .use(let name): "use." + name
        case .tool(let name): "tool." + name
        case .today: "today"
        }
    }
}

extension Policy {
    /// Every constant each symbolic operand is compared with, anywhere in the program (a
    /// tool fact on the other side gives every tool's value of it).
    func comparedConstants(openToolFacts: Set<String>) -> [SymbolKey: Set<Int64>] {
        var constants: [SymbolKey: Set<Int64>] = [:]
        let width = toolFacts.count
        func key(_ operand: Program.Operand) -> SymbolKey? {
            switch operand.source {
            case .useFact: .use(useFacts[Int(operand.value)].name)
            case .today: .today
            case .toolFact where openToolFacts.contains(toolFacts[Int(operand.value)].name): .tool(toolFacts[Int(operand.value)].name)
            default: nil
            }
        }
        func values(_ operand: Program.Operand) -> [Int64] {
            switch operand.source {
            case .constant: [operand.value]
            case .toolFact:
                tools.indices.map { catalogSlots[$0 * width + Int(operand.value)] }.filter { $0 != Program.unknownSlot }
            default: []
            }
        }
        for node in program.nodes where node.kind == .compare {
            if let left = key(node.lhs) { constants[left, default: []].formUnion(values(node.rhs)) }
            if let right = key(node.rhs) { constants[right, default: []].formUnion(values(node.lhs)) }
        }
        return constants
    }
}

/// Why an analysis could not run: two policies that give one fact different types.
package enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A fact declared with different types by the two sides of a diff.
    case factTypeChanged(String, String, String)

    /// The message, with the fact and both types.
    package var description: String {
        switch self {
        case .factTypeChanged(let fact, let old, let new):
            "`\(fact)` is `\(old)` on one side and `\(new)` on the other: the uses cannot be compared"
        }
    }
}
