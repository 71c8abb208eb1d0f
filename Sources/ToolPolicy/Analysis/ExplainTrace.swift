/// `toolpolicy explain`: every rule's condition for one request, test by test, with the
/// truth of each sub-condition, and the catalog source of every tool fact it read.
package struct ExplainTrace: Sendable, Hashable, Codable {
    /// One line of a condition: a test, or `all of` / `any of` / `not` over the lines below.
    package struct Line: Sendable, Hashable, Codable {
        package var depth: Int
        package var text: String
        package var truth: String
    }

    /// A tool fact a rule read, with the catalog's value and its source (`nil` when the
    /// catalog does not know it: a gap, which the answer reads as the rule not acting).
    package struct ToolFact: Sendable, Hashable, Codable {
        package var fact: String
        package var value: FactValue?
        package var source: Citation?
    }

    /// One rule.
    package struct RuleTrace: Sendable, Hashable, Codable {
        package var rule: String
        package var effect: RuleEffect
        package var range: SourceRange
        /// The truth the answer used (catalog gaps read as the rule not acting).
        package var truth: String
        /// For a require, the truth of its requirement.
        package var requirement: String?
        package var condition: [Line]
        package var requirementLines: [Line]
        package var toolFacts: [ToolFact]
    }

    package var verdict: Verdict
    package var tool: String
    package var rules: [RuleTrace]
}

extension Policy {
    /// Explains a request rule by rule (`docs/analysis.md`).
    package func explain(_ request: UseRequest) -> ExplainTrace {
        var trace = EvaluationTrace(for: self)
        let verdict = verdict(for: request, trace: &trace)
        let row = catalogRow(request)
        let width = toolFacts.count
        let text = ConditionText(policy: self)
        let tool = request.toolIndex.map { tools[$0] }
        let rules = program.nodes.withUnsafeBufferPointer { nodes in
            catalogSlots.withUnsafeBufferPointer { catalog in
                request.slots.withUnsafeBufferPointer { useFacts in
                    let env = Environment(
                        toolFacts: UnsafeBufferPointer(rebasing: catalog[row * width ..< (row + 1) * width]),
                        useFacts: useFacts, toolIndex: Int64(request.toolIndex ?? -1),
                        standing: standings[row], today: request.today.days
                    )
                    return self.rules.enumerated().map { index, rule in
                        var read: [Int] = []
                        func lines(_ root: Int32) -> [ExplainTrace.Line] {
                            guard root >= 0 else { return [] }
                            var out: [ExplainTrace.Line] = []
                            func walk(_ index: Int32, _ depth: Int) {
                                let node = nodes[Int(index)]
                                let truth = Program.evaluate(index, nodes, env).label
                                switch node.kind {
                                case .and, .or:
                                    out.append(.init(depth: depth, text: text.test(node), truth: truth))
                                    for child in flattened(index, node.kind, nodes) { walk(child, depth + 1) }
                                case .not:
                                    out.append(.init(depth: depth, text: "not", truth: truth))
                                    walk(node.left, depth + 1)
                                default:
                                    for operand in [node.lhs, node.rhs] where operand.source == .toolFact && !read.contains(Int(operand.value)) {
                                        read.append(Int(operand.value))
                                    }
                                    out.append(.init(depth: depth, text: text.test(node), truth: truth))
                                }
                            }
                            walk(root, 0)
                            return out
                        }
                        let condition = lines(rule.condition)
                        let requirement = lines(rule.requirement)
                        let facts = read.map { slot -> ExplainTrace.ToolFact in
                            let name = toolFacts[slot].name
                            let stated = tool?.facts.first { $0.name == name }
                            return ExplainTrace.ToolFact(fact: "tool." + name, value: stated?.value, source: stated?.source)
                        }
                        return ExplainTrace.RuleTrace(
                            rule: rule.id, effect: rule.effect, range: rule.range, truth: trace.conditions[index].label,
                            requirement: rule.effect == .require ? trace.requirements[index].label : nil,
                            condition: condition, requirementLines: requirement, toolFacts: facts
                        )
                    }
                }
            }
        }
        return ExplainTrace(verdict: verdict, tool: tool?.id ?? request.toolQuery, rules: rules)
    }
}

/// The operands of a chain of one kind (`a and b and c`, compiled as a balanced tree), in order.
private func flattened(_ index: Int32, _ kind: Program.Kind, _ nodes: UnsafeBufferPointer<Program.Node>) -> [Int32] {
    let node = nodes[Int(index)]
    guard node.kind == kind else { return [index] }
    return flattened(node.left, kind, nodes) + flattened(node.right, kind, nodes)
}
