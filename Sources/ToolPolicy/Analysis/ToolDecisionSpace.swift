/// Every use of one tool under one policy, as decision diagrams: where each rule's
/// condition holds, and where each verdict is given.
///
/// Over complete uses (every fact known) the answer is `allowed`, `denied` or `review`;
/// `conditional` needs an unknown fact. The regions follow `docs/language.md` §5.
struct ToolDecisionSpace: Sendable {
    /// The tool row: the catalog index, or the catalog's count for an unlisted tool.
    let row: Int
    /// Per rule, where its condition (a require's `when`) holds. Every function here
    /// ignores which encodings stand for no value: intersect with the domain's `valid`
    /// before asking whether a region is empty or taking a witness from it.
    var conditions: [Int32]
    /// Per rule, where a require's requirement holds; true for the other rules.
    var requirements: [Int32]
    /// Where a forbid holds (requirements aside).
    var forbids: Int32
    /// Where a forbid holds or a requirement is violated.
    var forbidden: Int32
    /// Where a review rule holds.
    var reviewRule: Int32
    /// Where some permit holds.
    var permitted: Int32
    /// Whether the row is the unlisted tool's, reviewed whatever the use.
    let unlisted: Bool

    /// The region of a verdict (`conditional` has none over complete uses), built on
    /// demand: the products of the forbid, review and permit functions are the largest
    /// diagrams, and most questions need none of them.
    func region(_ verdict: Verdict, in bdd: inout BDD) -> Int32 {
        if unlisted { return verdict == .review ? BDD.one : BDD.zero }
        switch verdict {
        case .allowed: return bdd.all([bdd.not(forbidden), bdd.not(reviewRule), permitted])
        case .review: return bdd.and(bdd.not(forbidden), reviewRule)
        case .denied: return bdd.or(forbidden, bdd.and(bdd.not(reviewRule), bdd.not(permitted)))
        case .conditional: return BDD.zero
        }
    }
}

extension Policy {
    /// The decision space of one tool row, built from the conditions as the evaluator
    /// runs them (folded with the tool's facts), or, when `domain` keeps tool facts open,
    /// from the unfolded conditions (`unfolded`), reading the tool facts the domain keeps
    /// open as symbols and the other unknown ones as folding does.
    func decisionSpace(row: Int, domain: SymbolicDomain, unfolded open: Bool = false, in bdd: inout BDD) -> ToolDecisionSpace {
        var encoder = SymbolicEncoder(policy: self, domain: domain, row: row)
        var conditions: [Int32] = []
        var requirements: [Int32] = []
        for (index, rule) in rules.enumerated() {
            let folded = row * rules.count + index
            let condition = open ? rule.condition : ruleIndices.foldedConditions[folded]
            let requirement = open ? rule.requirement : ruleIndices.foldedRequirements[folded]
            let when = condition < 0 ? BDD.one : encoder.encode(condition, gap: open ? .false : nil, in: &bdd)
            conditions.append(when)
            requirements.append(requirement < 0 ? BDD.one : encoder.encode(requirement, gap: open ? .true : nil, in: &bdd))
        }
        let forbids = bdd.any(ruleIndices.forbid.map { conditions[$0] })
        var violations: [Int32] = []
        for index in ruleIndices.require {
            violations.append(bdd.and(conditions[index], bdd.not(requirements[index])))
        }
        let forbidden = bdd.or(forbids, bdd.any(violations))
        let reviewRule = bdd.any(ruleIndices.review.map { conditions[$0] })
        let permitted = bdd.any(ruleIndices.permit.map { conditions[$0] })
        return ToolDecisionSpace(
            row: row, conditions: conditions, requirements: requirements, forbids: forbids, forbidden: forbidden,
            reviewRule: reviewRule, permitted: permitted, unlisted: row >= tools.count
        )
    }
}
