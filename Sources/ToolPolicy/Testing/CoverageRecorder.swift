/// Records, request by request, the outcomes of every rule's conditions, by walking the
/// rules' syntax trees beside the evaluator. Each single test (`use.mode = web`) is
/// compiled again and evaluated on the request's slots; a test on a tool fact the catalog
/// leaves unknown takes the value the compiler's folding gives it (the rule does not
/// act), so the walk agrees with ``Policy/decide(_:)`` on every rule. The evaluator's own
/// path is untouched: coverage costs only the runs that ask for it.
struct CoverageRecorder {
    /// A condition's place: the rule (its id's location) and the part (0: `when`, 1: requirement).
    private struct PartKey: Hashable {
        var rule: SourceLocation
        var part: Int
    }

    /// An operand of an `and`/`or`: the node's start, its depth from the rule, and the operand's index.
    private struct SiteKey: Hashable {
        var node: SourceLocation
        var depth: Int
        var index: Int
    }

    /// What one request reads.
    private struct Context {
        var toolFacts: [Int64]
        var useFacts: [Int64]
        var toolIndex: Int64
        var standing: Int64
        var today: Int64
    }

    private let sources: [String: SourceFile]
    private let syntaxRules: [String: [String: Syntax.Rule]]
    private var registered: [SourceLocation: (id: String, range: SourceRange, items: [(what: String, range: SourceRange, key: ItemKey)])] = [:]
    private var reachedOutcomes: [PartKey: Set<Truth>] = [:]
    private var reachedSites: [SiteKey: Set<Bool>] = [:]
    /// Per profile: a compiler seeded with its policy, and the node of each single test compiled so far.
    private var compilers: [String: Compiler] = [:]
    private var leaves: [String: [SourceLocation: Int32]] = [:]

    private enum ItemKey {
        case outcome(PartKey, Truth)
        case site(SiteKey, Bool)
    }

    /// A recorder for the policy read from `sources`.
    init(sources: [SourceFile]) {
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var rules: [String: [String: Syntax.Rule]] = [:]
        for source in sources where !PolicyLoader.isDocumentText(source) {
            let file = Parser.parse(source).file
            guard let layer = file.header?.name.value else { continue }
            for case .rule(let rule) in file.statements { rules[layer, default: [:]][rule.id.value] = rule }
        }
        syntaxRules = rules
    }

    /// Records the outcomes of every rule of `policy` for one request.
    mutating func record(_ request: UseRequest, in policy: Policy) {
        let context = Self.context(of: request, in: policy)
        if compilers[policy.profileName] == nil { compilers[policy.profileName] = .seeded(from: policy) }
        for rule in policy.rules {
            guard let syntax = syntaxRules[rule.layer]?[rule.id] else { continue }
            let parts = Self.parts(of: syntax)
            if registered[rule.range.start] == nil { register(rule, parts) }
            for (part, expression, gap) in parts {
                let truth = walk(expression, gap: gap, depth: 0, context, profile: policy.profileName)
                reachedOutcomes[PartKey(rule: rule.range.start, part: part), default: []].insert(truth)
            }
        }
    }

    /// The truth the walk gives each part of a rule (its `when`, then a require's
    /// requirement) for one request, without recording it: what tests compare with the evaluator.
    mutating func truths(of rule: Rule, for request: UseRequest, in policy: Policy) -> [Truth] {
        guard let syntax = syntaxRules[rule.layer]?[rule.id] else { return [] }
        if compilers[policy.profileName] == nil { compilers[policy.profileName] = .seeded(from: policy) }
        let reached = reachedSites
        defer { reachedSites = reached }
        let context = Self.context(of: request, in: policy)
        return Self.parts(of: syntax).map { walk($0.expression, gap: $0.gap, depth: 0, context, profile: policy.profileName) }
    }

    private static func context(of request: UseRequest, in policy: Policy) -> Context {
        let row = policy.catalogRow(request)
        let width = policy.toolFacts.count
        return Context(
            toolFacts: Array(policy.catalogSlots[row * width ..< (row + 1) * width]), useFacts: request.slots.withUnsafeBufferPointer(Array.init),
            toolIndex: Int64(request.toolIndex ?? -1), standing: policy.standings[row], today: request.today.days
        )
    }

    /// The report: every registered rule's items, and whether each was reached.
    func report() -> ConditionCoverage {
        let rules = registered.values.sorted { $0.range.start < $1.range.start }.map { rule in
            ConditionCoverage.RuleCoverage(rule: rule.id, range: rule.range, items: rule.items.map { item in
                let covered = switch item.key {
                case .outcome(let key, let truth): reachedOutcomes[key]?.contains(truth) ?? false
                case .site(let key, let value): reachedSites[key]?.contains(value) ?? false
                }
                return ConditionCoverage.Item(what: item.what, range: item.range, covered: covered)
            })
        }
        return ConditionCoverage(rules: rules)
    }

    /// A rule's conditions: the part number, the expression, and the value a test on a
    /// catalog gap takes (the rule does not act: false for a condition, true for a requirement).
    private static func parts(of rule: Syntax.Rule) -> [(part: Int, expression: Syntax.Expression, gap: Truth)] {
        switch rule.effect {
        case .forbid(let e), .permit(let e), .advise(let e), .review(let e): [(0, e, .false)]
        case .require(let required, let when): (when.map { [(0, $0, Truth.false)] } ?? []) + [(1, required, .true)]
        }
    }

    private mutating func register(_ rule: Rule, _ parts: [(part: Int, expression: Syntax.Expression, gap: Truth)]) {
        var items: [(what: String, range: SourceRange, key: ItemKey)] = []
        for (part, expression, _) in parts {
            let name = part == 0 ? (rule.effect == .require ? "the `when`" : "the condition") : "the requirement"
            let key = PartKey(rule: rule.range.start, part: part)
            var outcomes: [Truth] = [.true, .false]
            if Self.readsUseFact(expression) { outcomes.append(.unknown) }
            for truth in outcomes {
                items.append(("\(name) \(Self.spelling(truth))", expression.range, .outcome(key, truth)))
            }
            registerSites(expression, depth: 0, into: &items)
        }
        registered[rule.range.start] = (rule.id, rule.range, items)
    }

    private func registerSites(_ expression: Syntax.Expression, depth: Int, into items: inout [(what: String, range: SourceRange, key: ItemKey)]) {
        switch expression {
        case .and(let operands), .or(let operands):
            let operator_: String = if case .and = expression { "and" } else { "or" }
            for (index, operand) in operands.enumerated() {
                let key = SiteKey(node: expression.range.start, depth: depth, index: index)
                for value in [true, false] {
                    items.append(("`\(quote(operand.range))` deciding the `\(operator_)` as \(value)", operand.range, .site(key, value)))
                }
                registerSites(operand, depth: depth + 1, into: &items)
            }
        case .not(let inner, _):
            registerSites(inner, depth: depth + 1, into: &items)
        default:
            break
        }
    }

    private func quote(_ range: SourceRange) -> String {
        guard let source = sources[range.start.file] else { return "…" }
        let line = Array(source.line(range.start.line))
        let start = min(range.start.column - 1, line.count)
        let end = min(start + max(range.length, 1), line.count)
        let text = String(line[start ..< end])
        return text.count > 48 ? text.prefix(47) + "…" : text
    }

    private static func spelling(_ truth: Truth) -> String {
        switch truth {
        case .true: "true"
        case .false: "false"
        case .unknown: "unknown"
        }
    }

    private static func readsUseFact(_ expression: Syntax.Expression) -> Bool {
        func isUse(_ operand: Syntax.Operand) -> Bool {
            if case .fact(.use, _, _) = operand { return true }
            return false
        }
        switch expression {
        case .and(let operands), .or(let operands): return operands.contains(where: readsUseFact)
        case .not(let inner, _): return readsUseFact(inner)
        case .toolIs: return false
        case .test(let operand): return isUse(operand)
        case .compare(let l, _, let r), .contains(let l, _, let r): return isUse(l) || isUse(r)
        case .membership(let operand, _, _): return isUse(operand)
        }
    }

    /// Evaluates an expression in three-valued logic, recording each `and`/`or` operand
    /// whose value alone decided the result.
    private mutating func walk(_ expression: Syntax.Expression, gap: Truth, depth: Int, _ context: Context, profile: String) -> Truth {
        switch expression {
        case .and(let operands), .or(let operands):
            let isAnd = if case .and = expression { true } else { false }
            let values = operands.map { walk($0, gap: gap, depth: depth + 1, context, profile: profile) }
            func combine(_ values: [Truth]) -> Truth {
                values.dropFirst().reduce(values[0]) { isAnd ? $0 && $1 : $0 || $1 }
            }
            let result = combine(values)
            for (index, value) in values.enumerated() where value != .unknown {
                var flipped = values
                flipped[index] = !value
                if combine(flipped) != result {
                    reachedSites[SiteKey(node: expression.range.start, depth: depth, index: index), default: []].insert(value == .true)
                }
            }
            return result
        case .not(let inner, _):
            return !walk(inner, gap: !gap, depth: depth + 1, context, profile: profile)
        default:
            return leaf(expression, gap: gap, context, profile: profile)
        }
    }

    /// Evaluates one test (a comparison, `tool is …`, a bool fact) on the request.
    private mutating func leaf(_ expression: Syntax.Expression, gap: Truth, _ context: Context, profile: String) -> Truth {
        let node: Int32
        if let compiled = leaves[profile]?[expression.range.start] {
            node = compiled
        } else {
            // The rule compiled in the policy, so its tests compile again without diagnostics.
            guard let compiled = compilers[profile]!.compileCondition(expression) else { return .unknown }
            leaves[profile, default: [:]][expression.range.start] = compiled
            node = compiled
        }
        let nodes = compilers[profile]!.program.nodes
        if Self.readsUnknownToolFact(node, nodes, context.toolFacts) { return gap }
        return nodes.withUnsafeBufferPointer { nodes in
            context.toolFacts.withUnsafeBufferPointer { toolFacts in
                context.useFacts.withUnsafeBufferPointer { useFacts in
                    let environment = Environment(toolFacts: toolFacts, useFacts: useFacts, toolIndex: context.toolIndex,
                                                  standing: context.standing, today: context.today)
                    return Program.evaluate(node, nodes, environment)
                }
            }
        }
    }

    private static func readsUnknownToolFact(_ index: Int32, _ nodes: [Program.Node], _ toolFacts: [Int64]) -> Bool {
        let node = nodes[Int(index)]
        switch node.kind {
        case .and, .or: return readsUnknownToolFact(node.left, nodes, toolFacts) || readsUnknownToolFact(node.right, nodes, toolFacts)
        case .not: return readsUnknownToolFact(node.left, nodes, toolFacts)
        default:
            return [node.lhs, node.rhs].contains { $0.source == .toolFact && toolFacts[Int($0.value)] == Program.unknownSlot }
        }
    }
}
