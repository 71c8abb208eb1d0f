/// `toolpolicy verify`: decides, for every tool of the catalog (and an unlisted one) and
/// every use, which rules can act and where, with the policy's decision diagrams
/// (`docs/analysis.md`), and reports what can never act, what is always overridden, what
/// no rule decides and which catalog gaps change an answer.
struct PolicyVerifier {
    let policy: Policy
    let today: CivilDate
    let domain: SymbolicDomain
    var bdd = BDD()
    let valid: Int32
    let spaces: [ToolDecisionSpace]

    init(policy: Policy, today: CivilDate) throws(AnalysisError) {
        self.policy = policy
        self.today = today
        domain = try SymbolicDomain(policies: [policy])
        var bdd = BDD()
        valid = domain.valid(in: &bdd)
        var spaces: [ToolDecisionSpace] = []
        for row in 0 ... policy.tools.count {
            spaces.append(policy.decisionSpace(row: row, domain: domain, in: &bdd))
        }
        self.spaces = spaces
        self.bdd = bdd
    }

    /// Every finding, rules first (in rule order), then gaps, then catalog holes.
    mutating func findings() throws(AnalysisError) -> [VerifyFinding] {
        var findings: [VerifyFinding] = []
        for index in policy.rules.indices {
            if let finding = ruleFinding(index) { findings.append(finding) }
        }
        findings += gaps()
        findings += try catalogHoles()
        return findings
    }

    private var listed: ArraySlice<ToolDecisionSpace> { spaces.dropLast() }

    /// A region of one row: its uses (valid encodings only), and the function it was
    /// built from, whose support names the facts a witness needs.
    private struct Found {
        var space: ToolDecisionSpace
        var uses: Int32
        var function: Int32
    }

    /// The first row where `region` holds for some use.
    private mutating func first(_ rows: some Sequence<ToolDecisionSpace>, _ region: (inout BDD, ToolDecisionSpace) -> Int32) -> Found? {
        for space in rows {
            let function = region(&bdd, space)
            let uses = bdd.and(function, valid)
            if uses != BDD.zero { return Found(space: space, uses: uses, function: function) }
        }
        return nil
    }

    private func finding(_ kind: VerifyFinding.Kind, _ index: Int, _ message: String, witness: Witness? = nil) -> VerifyFinding {
        let rule = policy.rules[index]
        return VerifyFinding(
            kind: kind, profile: policy.profileName, rule: rule.id, tools: witness.map { [$0.tool] } ?? [], message: message,
            range: rule.range, witness: witness, conditions: [], related: witness.map { related($0, excluding: rule.id) } ?? []
        )
    }

    /// The rules that decide a witness's answer, other than `rule`.
    private func related(_ witness: Witness, excluding rule: String) -> [String] {
        guard let request = policy.request(for: witness, today: today) else { return [] }
        return policy.decide(request).reasons.map(\.rule).filter { $0 != rule }
    }

    private mutating func ruleFinding(_ index: Int) -> VerifyFinding? {
        let rule = policy.rules[index]
        guard let some = first(spaces, { _, space in space.conditions[index] }) else {
            // A rule that only a catalog gap keeps from acting is a catalog hole, not dead.
            if (try? actsThroughCatalogGap(index)) == true { return nil }
            return finding(.deadRule, index, "no tool and no use makes the condition of `\(rule.id)` true: the rule never acts")
        }
        func witness(_ found: Found) -> Witness? {
            policy.witness(found.uses, focus: found.function, row: found.space.row, domain: domain, bdd: bdd)
        }
        switch rule.effect {
        case .permit:
            let effective = first(listed) { bdd, space in
                bdd.and(bdd.and(space.conditions[index], bdd.not(space.forbidden)), bdd.not(space.reviewRule))
            }
            guard effective == nil else { return nil }
            let overridden = first(listed) { bdd, space in
                bdd.or(bdd.and(space.conditions[index], space.forbidden), bdd.and(space.conditions[index], space.reviewRule))
            } ?? some
            return finding(.shadowedPermit, index, "`\(rule.id)` holds only where a forbid, a violated requirement or a review decides: it never permits a use",
                           witness: witness(overridden))
        case .advise:
            // Not denied: no forbid, and a review or a permit (or the unlisted row).
            let shown = first(spaces) { bdd, space in
                space.unlisted ? space.conditions[index]
                    : bdd.and(bdd.and(space.conditions[index], bdd.not(space.forbidden)), bdd.or(space.reviewRule, space.permitted))
            }
            guard shown == nil, let denied = first(listed, { _, space in space.conditions[index] }) else { return nil }
            return finding(.shadowedAdvice, index, "`\(rule.id)` is given only with a denial: the advice never helps a permitted use",
                           witness: witness(denied))
        case .require:
            let applies = first(listed) { bdd, space in
                bdd.all([space.conditions[index], bdd.not(space.forbids), bdd.not(space.reviewRule), space.permitted])
            }
            guard applies == nil, let attached = first(listed, { _, space in space.conditions[index] }) else { return nil }
            let outsideForbids = first(listed) { bdd, space in bdd.and(space.conditions[index], bdd.not(space.forbids)) }
            if outsideForbids == nil {
                return finding(.contradiction, index, "`\(rule.id)` is attached only to uses that a forbid always denies: the requirement can never be met to any effect",
                               witness: witness(attached))
            }
            return finding(.inertRequirement, index, "`\(rule.id)` applies only to uses that are denied or reviewed anyway: the requirement never decides",
                           witness: witness(attached))
        case .forbid, .review:
            return nil
        }
    }

    /// Whether some tool's unknown fact, had it a value, would make the rule's condition
    /// true for some use: the condition rebuilt unfolded with that fact open.
    private func actsThroughCatalogGap(_ index: Int) throws(AnalysisError) -> Bool {
        let rule = policy.rules[index]
        for gap in policy.catalogGaps where gap.rules.contains(rule.id) {
            guard let row = policy.tools.firstIndex(where: { $0.id == gap.tool }), rule.condition >= 0 else { continue }
            let open = try SymbolicDomain(policies: [policy], openToolFacts: [gap.fact])
            var bdd = BDD()
            let valid = open.valid(in: &bdd)
            var encoder = SymbolicEncoder(policy: policy, domain: open, row: row)
            let condition = encoder.encode(rule.condition, gap: .false, in: &bdd)
            if bdd.and(condition, valid) != BDD.zero { return true }
        }
        return false
    }

    /// For each listed tool that some permit covers, the uses that nothing decides,
    /// grouped by tools with the same uses.
    private mutating func gaps() -> [VerifyFinding] {
        var groups: [(region: Int32, rows: [Int])] = []
        for space in listed where bdd.and(space.permitted, valid) != BDD.zero {
            let region = bdd.all([bdd.not(space.forbidden), bdd.not(space.reviewRule), bdd.not(space.permitted)])
            guard bdd.and(region, valid) != BDD.zero else { continue }
            if let at = groups.firstIndex(where: { $0.region == region }) { groups[at].rows.append(space.row) } else { groups.append((region, [space.row])) }
        }
        return groups.map { group in
            let row = group.rows[0]
            let permit = policy.ruleIndices.permit.first { bdd.and(spaces[row].conditions[$0], valid) != BDD.zero }!
            let text = RegionText(domain: domain, bdd: bdd).conditions(group.region, limit: 4)
            let tools = group.rows.map { policy.tools[$0].id }
            let witness = policy.witness(bdd.and(group.region, valid), focus: group.region, row: row, domain: domain, bdd: bdd)
            return VerifyFinding(
                kind: .gap, profile: policy.profileName, rule: policy.rules[permit].id, tools: tools,
                message: "no rule decides some uses of \(tools.joined(separator: ", ")): they are denied only because nothing permits them",
                range: policy.rules[permit].range, witness: witness,
                conditions: text.lines + (text.truncated ? ["…"] : []), related: []
            )
        }
    }

    /// Each catalog gap under which some use would get another verdict, if the tool
    /// fact had a value: decided by building the tool's space with the fact open.
    private func catalogHoles() throws(AnalysisError) -> [VerifyFinding] {
        var findings: [VerifyFinding] = []
        for gap in policy.catalogGaps {
            guard let row = policy.tools.firstIndex(where: { $0.id == gap.tool }) else { continue }
            let open = try SymbolicDomain(policies: [policy], openToolFacts: [gap.fact])
            var bdd = BDD()
            let valid = open.valid(in: &bdd)
            let folded = policy.decisionSpace(row: row, domain: open, in: &bdd)
            let unfolded = policy.decisionSpace(row: row, domain: open, unfolded: true, in: &bdd)
            var change: (Verdict, Verdict, Int32)?
            search: for before in [Verdict.allowed, .denied, .review] {
                for after in [Verdict.allowed, .denied, .review] where after != before {
                    let region = bdd.and(folded.region(before, in: &bdd), unfolded.region(after, in: &bdd))
                    if bdd.and(region, valid) != BDD.zero {
                        change = (before, after, region)
                        break search
                    }
                }
            }
            guard let (before, after, region) = change else { continue }
            let tool = policy.tools[row]
            let witness = policy.witness(bdd.and(region, valid), focus: region, row: row, domain: open, bdd: bdd)
            let supposed = witness?.toolFacts[gap.fact].map { " = \($0.spelling)" } ?? ""
            findings.append(VerifyFinding(
                kind: .catalogHole, profile: policy.profileName, rule: gap.rules.first, tools: [tool.id],
                message: "the catalog does not know `tool.\(gap.fact)` for \(tool.id), which \(gap.rules.joined(separator: ", ")) read: with `tool.\(gap.fact)\(supposed)` the witness would be \(after.rawValue) instead of \(before.rawValue)",
                range: tool.range, witness: witness, conditions: [], related: gap.rules
            ))
        }
        return findings
    }
}

extension Policy {
    /// Verifies the policy over every tool and every use (`docs/analysis.md`): dead,
    /// shadowed and contradictory rules, uses no rule decides, catalog holes. Witnesses
    /// are requests on `today` (unless a rule reads the date).
    package func verify(today: CivilDate) throws(AnalysisError) -> [VerifyFinding] {
        var verifier = try PolicyVerifier(policy: self, today: today)
        return try verifier.findings()
    }
}
