/// A compiled condition written back in the rules language, one test at a time, with the
/// types needed to spell constants (`install`, `{pupils, staff}`, `renavisio`).
struct ConditionText {
    let policy: Policy

    /// How a leaf test reads: `use.mode = install`, `tool is institutional`.
    func test(_ node: Program.Node) -> String {
        switch node.kind {
        case .standingIs:
            return "tool is " + (Program.Standing(rawValue: node.lhs.value).map { "\($0)" } ?? "?")
        case .truthy:
            return operand(node.lhs, like: node.rhs)
        case .compare:
            return "\(operand(node.lhs, like: node.rhs)) \(node.comparison.rawValue) \(operand(node.rhs, like: node.lhs))"
        case .inMask:
            return "\(operand(node.lhs, like: node.rhs)) in \(mask(node.rhs.value, of: node.lhs))"
        case .containsAny:
            return "\(operand(node.lhs, like: node.rhs)) contains any of \(mask(node.rhs.value, of: node.lhs))"
        case .containsAll where node.rhs.value.nonzeroBitCount == 1:
            return "\(operand(node.lhs, like: node.rhs)) contains \(mask(node.rhs.value, of: node.lhs).dropFirst().dropLast())"
        case .containsAll:
            return "\(operand(node.lhs, like: node.rhs)) contains all of \(mask(node.rhs.value, of: node.lhs))"
        case .constant:
            return (Truth(rawValue: UInt8(truncatingIfNeeded: node.lhs.value)) ?? .unknown).label
        case .and, .or, .not:
            return node.kind == .not ? "not" : node.kind == .and ? "all of" : "any of"
        }
    }

    /// The declaration an operand reads, if it is a fact.
    func declaration(_ operand: Program.Operand) -> FactDeclaration? {
        switch operand.source {
        case .toolFact: policy.toolFacts[Int(operand.value)]
        case .useFact: policy.useFacts[Int(operand.value)]
        default: nil
        }
    }

    private func operand(_ operand: Program.Operand, like other: Program.Operand) -> String {
        switch operand.source {
        case .toolFact, .useFact: return declaration(operand)!.qualifiedName
        case .toolID: return "tool.id"
        case .today: return "today"
        case .constant:
            if other.source == .toolID {
                return operand.value >= 0 && operand.value < policy.tools.count ? policy.tools[Int(operand.value)].id : "?"
            }
            if other.source == .today { return CivilDate(days: operand.value).description }
            guard let declaration = declaration(other) else { return String(operand.value) }
            if case .setOf = declaration.type { return mask(operand.value, of: other) }
            return policy.factValue(operand.value, of: declaration).spelling
        }
    }

    private func mask(_ mask: Int64, of operand: Program.Operand) -> String {
        let values = declaration(operand)?.type.values ?? []
        let names = values.indices.filter { mask >> Int64($0) & 1 == 1 }.map { values[$0] }
        return "{" + names.joined(separator: ", ") + "}"
    }
}

extension Truth {
    /// `true`, `false` or `unknown`.
    var label: String {
        switch self {
        case .true: "true"
        case .false: "false"
        case .unknown: "unknown"
        }
    }
}
