/// What changes between two versions of a policy: for every tool, each kind of use whose
/// verdict changes, as conditions, with one example use and the rules responsible.
package struct PolicyDiff: Sendable, Hashable, Codable {
    /// One tool and one verdict change.
    package struct Change: Sendable, Hashable, Codable {
        /// The tool's id.
        package var tool: String
        /// The tool's display name.
        package var name: String
        /// The verdict before and after.
        package var before: Verdict
        package var after: Verdict
        /// The uses concerned, as conditions (at most a few; `…` when cut).
        package var uses: [String]
        /// One use concerned, re-checkable with `toolpolicy check`.
        package var example: Witness
        /// The rules responsible, as seen on the example.
        package var rules: [RuleChange]
    }

    /// A rule that answers the example differently.
    package struct RuleChange: Sendable, Hashable, Codable {
        /// How the rule changed: `removed`, `overridden`, `added`, `now applies`, `no longer applies`.
        package var how: String
        package var rule: String
    }

    /// The profile compared.
    package var profile: String
    package var oldDigest: String
    package var newDigest: String
    /// Tools only in the new catalog, and only in the old one.
    package var addedTools: [String]
    package var removedTools: [String]
    /// Every change, by tool in catalog order, then by verdicts.
    package var changes: [Change]
}

extension PolicyDiff {
    /// Compares two compilations of a profile over every tool of either catalog and every
    /// use; examples are requests on `today`.
    package init(old: Policy, new: Policy, today: CivilDate) throws(AnalysisError) {
        let domain = try SymbolicDomain(policies: [old, new])
        var bdd = BDD()
        let valid = domain.valid(in: &bdd)
        let ids = new.tools.map(\.id) + old.tools.map(\.id).filter { id in !new.tools.contains { $0.id == id } }
        var changes: [Change] = []
        for id in ids {
            let oldRow = old.tools.firstIndex { $0.id == id } ?? old.tools.count
            let newRow = new.tools.firstIndex { $0.id == id } ?? new.tools.count
            let before = old.decisionSpace(row: oldRow, domain: domain, in: &bdd)
            let after = new.decisionSpace(row: newRow, domain: domain, in: &bdd)
            for was in [Verdict.allowed, .denied, .review] {
                for now in [Verdict.allowed, .denied, .review] where now != was {
                    let region = bdd.and(before.region(was, in: &bdd), after.region(now, in: &bdd))
                    let uses = bdd.and(region, valid)
                    guard uses != BDD.zero else { continue }
                    let text = RegionText(domain: domain, bdd: bdd).conditions(region, limit: 4)
                    guard var example = new.witness(uses, focus: region, row: newRow, domain: domain, bdd: bdd) else { continue }
                    example.tool = id
                    let name = (new.tools.first { $0.id == id } ?? old.tools.first { $0.id == id })?.name ?? id
                    changes.append(Change(
                        tool: id, name: name, before: was, after: now, uses: text.lines + (text.truncated ? ["…"] : []),
                        example: example, rules: Self.responsible(old: old, new: new, example: example, today: today)
                    ))
                }
            }
        }
        self.init(
            profile: new.profileName, oldDigest: old.digest, newDigest: new.digest,
            addedTools: new.tools.map(\.id).filter { id in !old.tools.contains { $0.id == id } },
            removedTools: old.tools.map(\.id).filter { id in !new.tools.contains { $0.id == id } },
            changes: changes
        )
    }

    /// The rules that decide the example on one side and not on the other.
    private static func responsible(old: Policy, new: Policy, example: Witness, today: CivilDate) -> [RuleChange] {
        func deciding(_ policy: Policy) -> [String] {
            guard let request = policy.request(for: example, today: today) else { return [] }
            let decision = policy.decide(request)
            return (decision.reasons + decision.conditions.filter { $0.status != .met }).map(\.rule)
        }
        let was = deciding(old)
        let now = deciding(new)
        var rules: [RuleChange] = []
        for id in was where !now.contains(id) {
            let how = new.rule(id: id) != nil ? "no longer applies"
                : new.overrides.contains { $0.ruleID == id } ? "overridden" : old.rule(id: id) != nil ? "removed" : "no longer applies"
            rules.append(RuleChange(how: how, rule: id))
        }
        for id in now where !was.contains(id) {
            let builtIn = id == "no-permit" || id == "unlisted-tool"
            rules.append(RuleChange(how: old.rule(id: id) == nil && !builtIn ? "added" : "now applies", rule: id))
        }
        return rules
    }
}
