/// The type of a resolved operand.
enum OperandType: Equatable {
    case fact(FactType)
    case toolID
    case today

    var spelling: String {
        switch self {
        case .fact(let type): type.spelling
        case .toolID: "a tool id"
        case .today: "date"
        }
    }

    var isOrdered: Bool {
        switch self {
        case .fact(.integer), .fact(.date), .today: true
        default: false
        }
    }

    /// Whether two operand types can be compared with each other.
    func isComparable(with other: OperandType) -> Bool {
        switch (self, other) {
        case (.today, .today), (.today, .fact(.date)), (.fact(.date), .today): true
        default: self == other
        }
    }
}

/// An operand after name resolution.
enum ResolvedOperand {
    case slot(Program.Operand, OperandType, name: String)
    case literal(Syntax.Located<Syntax.Literal>)
}

extension Compiler {
    /// Compiles a condition; `nil` (with diagnostics) if it is ill-typed.
    mutating func compileCondition(_ expression: Syntax.Expression) -> Int32? {
        switch expression {
        case .and(let operands), .or(let operands):
            let compiled = operands.map { compileCondition($0) }
            guard !compiled.contains(nil) else { return nil }
            let kind: Program.Kind
            if case .and = expression { kind = .and } else { kind = .or }
            return balanced(kind, compiled.map { $0! })
        case .not(let inner, _):
            guard let operand = compileCondition(inner) else { return nil }
            return program.add(Program.Node(kind: .not, left: operand))
        case .toolIs(let test):
            if inClassify {
                diagnostics.append(.toolIsInClassify(at: test.range))
                return nil
            }
            let standing: Program.Standing = switch test.value {
            case .toolClass(let toolClass): Program.Standing(ToolStanding(toolClass))
            case .unlisted: .unlisted
            case .unclassified: .unclassified
            }
            return program.add(Program.Node(kind: .standingIs, lhs: .constant(standing.rawValue)))
        case .test(let operand):
            return compileTest(operand)
        case .compare(let l, let op, let r):
            return compileComparison(l, op, r)
        case .membership(let operand, let negated, let set):
            guard let node = compileMembership(operand, set) else { return nil }
            return negated ? program.add(Program.Node(kind: .not, left: node)) : node
        case .contains(let operand, let mode, let element):
            return compileContains(operand, mode, element)
        }
    }

    private mutating func compileTest(_ operand: Syntax.Operand) -> Int32? {
        switch resolve(operand) {
        case nil:
            return nil
        case .slot(let slot, .fact(.bool), _):
            return program.add(Program.Node(kind: .truthy, lhs: slot))
        case .slot(_, let type, let name):
            diagnostics.append(.notACondition("`\(name)` (\(type.spelling))", at: operand.range,
                                              hint: "compare it, e.g. `\(name) = …`\(type.isOrdered ? " or `\(name) > …`" : "")"))
            return nil
        case .literal(let literal):
            if case .bool(let value) = literal.value {
                return program.add(Program.Node(kind: .constant, lhs: .constant(value ? 1 : 0)))
            }
            diagnostics.append(.notACondition("a value", at: literal.range, hint: "a condition tests a fact, e.g. `use.recorded` or `use.mode = web`"))
            return nil
        }
    }

    private mutating func compileComparison(
        _ l: Syntax.Operand, _ op: Syntax.Located<ComparisonOperator>, _ r: Syntax.Operand
    ) -> Int32? {
        let left = resolve(l)
        let right = resolve(r)
        guard let left, let right else { return nil }
        let lhs: Program.Operand
        let rhs: Program.Operand
        let type: OperandType
        let name: String
        switch (left, right) {
        case (.literal(let a), .literal):
            diagnostics.append(.typeMismatch("this compares two values", at: a.range.extended(to: r.range),
                                             hint: "one side of a comparison is a fact, e.g. `use.participants > 10`"))
            return nil
        case (.slot(let a, let aType, let aName), .slot(let b, let bType, let bName)):
            guard aType.isComparable(with: bType) else {
                diagnostics.append(.typeMismatch("`\(aName)` (\(aType.spelling)) cannot be compared with `\(bName)` (\(bType.spelling))",
                                                 at: l.range.extended(to: r.range),
                                                 hint: "compare a fact with a fact of the same type, or with a value: `\(aName) = …`"))
                return nil
            }
            (lhs, rhs, type, name) = (a, b, aType, aName)
        case (.slot(let a, let aType, let aName), .literal(let literal)):
            guard let value = constant(literal, as: aType, subject: "`\(aName)`") else { return nil }
            (lhs, rhs, type, name) = (a, .constant(value), aType, aName)
        case (.literal(let literal), .slot(let b, let bType, let bName)):
            guard let value = constant(literal, as: bType, subject: "`\(bName)`") else { return nil }
            (lhs, rhs, type, name) = (.constant(value), b, bType, bName)
        }
        if op.value != .equal, op.value != .notEqual, !type.isOrdered {
            diagnostics.append(.typeMismatch("`\(op.value.rawValue)` cannot compare `\(name)` (\(type.spelling))", at: op.range,
                                             hint: "`<`, `<=`, `>` and `>=` compare integers and dates; use `=`, `!=` or `in {…}`"))
            return nil
        }
        return program.add(Program.Node(kind: .compare, comparison: op.value, lhs: lhs, rhs: rhs))
    }

    private mutating func compileMembership(
        _ operand: Syntax.Operand, _ set: Syntax.Located<[Syntax.Located<Syntax.Literal>]>
    ) -> Int32? {
        let resolved = resolve(operand)
        guard case .slot(let slot, let type, let name)? = resolved else {
            if case .literal(let literal)? = resolved {
                diagnostics.append(.typeMismatch("`in` tests a fact", at: literal.range, hint: "write `use.computer in {administrative, pedagogical}`"))
            }
            return nil
        }
        var values: [Int64] = []
        var ok = true
        for element in set.value {
            if let value = constant(element, as: type, subject: "`\(name)`") { values.append(value) } else { ok = false }
        }
        guard ok else { return nil }
        switch type {
        case .fact(.oneOf):
            let mask = values.reduce(Int64(0)) { $0 | (Int64(1) << $1) }
            return program.add(Program.Node(kind: .inMask, lhs: slot, rhs: .constant(mask)))
        case .fact(.setOf):
            diagnostics.append(.typeMismatch("`\(name)` is a set; `in` tests one value", at: set.range,
                                             hint: "write `\(name) contains any of {…}`"))
            return nil
        default:
            let tests = values.map {
                program.add(Program.Node(kind: .compare, comparison: .equal, lhs: slot, rhs: .constant($0)))
            }
            return tests.isEmpty ? program.add(Program.Node(kind: .constant, lhs: .constant(0))) : balanced(.or, tests)
        }
    }

    /// Joins nodes with `kind` (`and` or `or`) as a balanced binary tree, so that a chain of
    /// any length is evaluated and folded at a depth of its logarithm. Kleene `and` and `or`
    /// are associative, and the leaves keep their order, so short-circuiting is unchanged.
    private mutating func balanced(_ kind: Program.Kind, _ nodes: [Int32]) -> Int32 {
        var level = nodes
        while level.count > 1 {
            var next: [Int32] = []
            next.reserveCapacity((level.count + 1) / 2)
            for pair in stride(from: 0, to: level.count, by: 2) {
                next.append(pair + 1 < level.count
                            ? program.add(Program.Node(kind: kind, left: level[pair], right: level[pair + 1]))
                            : level[pair])
            }
            level = next
        }
        return level[0]
    }

    private mutating func compileContains(_ operand: Syntax.Operand, _ mode: Syntax.ContainsMode, _ element: Syntax.Operand) -> Int32? {
        guard case .slot(let slot, let type, let name)? = resolve(operand) else { return nil }
        guard case .fact(.setOf) = type else {
            diagnostics.append(.typeMismatch("`contains` tests a set fact, and `\(name)` is \(type.spelling)", at: operand.range,
                                             hint: "for one value, write `\(name) = …` or `\(name) in {…}`"))
            return nil
        }
        guard case .literal(let literal) = element else {
            diagnostics.append(.typeMismatch("`contains` takes a value or a set of values", at: element.range))
            return nil
        }
        guard let mask = constant(literal, as: type, subject: "`\(name)`") else { return nil }
        let kind: Program.Kind = mode == .any ? .containsAny : .containsAll
        return program.add(Program.Node(kind: kind, lhs: slot, rhs: .constant(mask)))
    }

    /// Resolves a fact reference to its slot and type, or keeps a literal for typing later.
    private mutating func resolve(_ operand: Syntax.Operand) -> ResolvedOperand? {
        switch operand {
        case .literal(let literal):
            return .literal(literal)
        case .today(let range):
            if inClassify {
                diagnostics.append(.classifyReadsUse(at: range))
                return nil
            }
            return .slot(Program.Operand(source: .today, value: 0), .today, name: "today")
        case .fact(let owner, let name, let range):
            if owner == .tool, name.value == "id" {
                return .slot(Program.Operand(source: .toolID, value: 0), .toolID, name: "tool.id")
            }
            if inClassify, owner == .use {
                diagnostics.append(.classifyReadsUse(at: range))
                return nil
            }
            guard let declaration = facts[owner]![name.value] else {
                let other: FactOwner = owner == .tool ? .use : .tool
                diagnostics.append(.unknownFact(owner, name.value, known: factOrder[owner]!.map(\.name) + (owner == .tool ? ["id"] : []),
                                                at: range, otherOwner: facts[other]![name.value] != nil))
                return nil
            }
            referenced.insert(declaration.qualifiedName)
            let source: Program.Source = owner == .tool ? .toolFact : .useFact
            return .slot(Program.Operand(source: source, value: Int64(declaration.slot)), .fact(declaration.type), name: declaration.qualifiedName)
        }
    }

    /// Types a literal against an operand type, returning its slot encoding.
    mutating func constant(_ literal: Syntax.Located<Syntax.Literal>, as type: OperandType, subject: String) -> Int64? {
        switch type {
        case .toolID:
            let id: String
            switch literal.value {
            case .word(let word), .string(let word): id = word
            default:
                diagnostics.append(.typeMismatch("\(subject) is compared with a tool id", at: literal.range, hint: "write a catalog id, e.g. `tool.id = cned`"))
                return nil
            }
            guard let index = toolIDs[id] else {
                diagnostics.append(.unknownTool(id, known: tools.map(\.id), at: literal.range))
                return nil
            }
            return Int64(index)
        case .today:
            return constant(literal, as: .fact(.date), subject: subject)
        case .fact(let factType):
            return constant(literal, as: factType, subject: subject)?.slot
        }
    }

    /// Types a literal against a fact type, returning the value and its slot encoding.
    mutating func constant(_ literal: Syntax.Located<Syntax.Literal>, as type: FactType, subject: String) -> (value: FactValue, slot: Int64)? {
        switch (literal.value, type) {
        case (.bool(let value), .bool):
            return (.bool(value), value ? 1 : 0)
        case (.integer(let value), .integer):
            return (.integer(value), value)
        case (.date(let days), .date):
            return (.date(CivilDate(days: days)), days)
        case (.string(let text), .string):
            let id = strings[text] ?? Int64(strings.count)
            strings[text] = id
            return (.string(text), id)
        case (.word(let word), .oneOf(let values)):
            guard let ordinal = values.firstIndex(of: word) else {
                diagnostics.append(.unknownValue(word, of: subject, allowed: values, at: literal.range))
                return nil
            }
            return (.enumeration(word), Int64(ordinal))
        case (.word, .setOf):
            return constant(Syntax.Located(value: .set([literal]), range: literal.range), as: type, subject: subject)
        case (.set(let elements), .setOf(let values)):
            var mask: Int64 = 0
            var ok = true
            for element in elements {
                guard case .word(let word) = element.value, let ordinal = values.firstIndex(of: word) else {
                    let shown: String = if case .word(let word) = element.value { word } else { "this value" }
                    diagnostics.append(.unknownValue(shown, of: subject, allowed: values, at: element.range))
                    ok = false
                    continue
                }
                mask |= Int64(1) << Int64(ordinal)
            }
            guard ok else { return nil }
            return (.set(values.enumerated().filter { mask & (Int64(1) << Int64($0.offset)) != 0 }.map(\.element)), mask)
        default:
            diagnostics.append(.typeMismatch("\(subject) is \(type.spelling), but \(describe(literal.value)) is not", at: literal.range,
                                             hint: example(for: type)))
            return nil
        }
    }

    private func describe(_ literal: Syntax.Literal) -> String {
        switch literal {
        case .bool(let value): "`\(value)`"
        case .integer(let value): "`\(value)`"
        case .date(let days): "`\(CivilDate(days: days))`"
        case .string(let text): "\"\(text)\""
        case .word(let word): "`\(word)`"
        case .set: "a set"
        }
    }

    private func example(for type: FactType) -> String {
        switch type {
        case .bool: "write `true` or `false`"
        case .integer: "write a whole number, e.g. `10`"
        case .date: "write a date, e.g. `2026-08-31`"
        case .string: "write a quoted string"
        case .oneOf(let values): "write one of: " + values.joined(separator: ", ")
        case .setOf(let values): "write a set such as `{\(values.first ?? "")}` from: " + values.joined(separator: ", ")
        }
    }
}
