extension Decision {
    /// What explains a decision, as references into the policy: which rules are reasons,
    /// conditions or advice, with their status. Renderers that word rules once per policy
    /// (a lint report, the HTTP API's pre-rendered fragments) write from it.
    package struct Explanation: Sendable, Hashable {
        /// The rules that decided the verdict.
        package var reasons: [FindingRef] = []
        /// The conditions under which the use is permitted (allowed or conditional only).
        package var conditions: [FindingRef] = []
        /// The advice whose condition holds.
        package var advice: [FindingRef] = []
        /// The rules whose remedies apply, without duplicate remedies, in order.
        package var remedyRules: [Int] = []
        /// The facts that would settle the open conditions, sorted (`use.mode`).
        package var unknownFacts: [String] = []
    }

    /// A rule as it bears on a decision, by reference.
    package struct FindingRef: Sendable, Hashable {
        /// The rule, or a built-in reason.
        package var source: Source
        /// How it stands for the request.
        package var status: Finding.Status

        /// Where a finding comes from.
        package enum Source: Sendable, Hashable {
            /// The rule at this index of ``Policy/rules``.
            case rule(Int)
            /// The built-in `no-permit`: nothing permits the use.
            case noPermit
            /// The built-in `unlisted-tool`: the tool is not in the catalog.
            case unlistedTool
        }
    }

    /// The explanation of the verdict, computed from the trace.
    package var explanation: Explanation {
        let policy = compiledPolicy
        var explanation = Explanation()
        func indices(_ effect: RuleEffect, _ truth: Truth) -> [Int] {
            policy.ruleIndices(effect).filter { trace.conditions[$0] == truth }
        }
        func refs(_ indices: [Int], _ status: Finding.Status) -> [FindingRef] {
            indices.map { FindingRef(source: .rule($0), status: status) }
        }
        let violated = indices(.require, .true).filter { trace.requirements[$0] == .false }
        let listed = request.tool >= 0
        var open: [Int] = []
        switch verdict {
        case .denied:
            explanation.reasons = refs(indices(.forbid, .true), .applies) + refs(violated, .violated)
            if explanation.reasons.isEmpty { explanation.reasons = [FindingRef(source: .noPermit, status: .applies)] }
        case .review:
            explanation.reasons = refs(indices(.review, .true), .applies)
            if !listed, explanation.reasons.isEmpty {
                explanation.reasons = [FindingRef(source: .unlistedTool, status: .applies)]
            }
            // An unlisted tool is reviewed whatever the use: what the use breaks meanwhile is said too.
            if !listed { explanation.reasons += refs(indices(.forbid, .true), .applies) + refs(violated, .violated) }
        case .allowed, .conditional:
            let permits = indices(.permit, .true)
            explanation.reasons = refs(permits, .applies)
            if permits.isEmpty {
                open += indices(.permit, .unknown)
                explanation.conditions += refs(indices(.permit, .unknown), .unknown)
            }
            for index in policy.ruleIndices(.require) where trace.conditions[index] != .false {
                if trace.requirements[index] == .true {
                    explanation.conditions.append(FindingRef(source: .rule(index), status: .met))
                } else {
                    explanation.conditions.append(FindingRef(source: .rule(index), status: .unknown))
                    open.append(index)
                }
            }
            open += indices(.forbid, .unknown)
            explanation.conditions += refs(indices(.forbid, .unknown), .unknown)
        }
        explanation.advice = refs(indices(.advise, .true), .applies)

        let remedySources = verdict == .denied || verdict == .review
            ? explanation.reasons
            : explanation.conditions.filter { ref in
                guard case .rule(let index) = ref.source else { return false }
                return policy.rules[index].effect != .forbid && ref.status != .met
            }
        var remedies: [LocalizedText] = []
        for ref in remedySources {
            guard case .rule(let index) = ref.source, let remedy = policy.rules[index].remedy, !remedies.contains(remedy) else { continue }
            remedies.append(remedy)
            explanation.remedyRules.append(index)
        }

        var unknown: [String] = []
        let toolRow = policy.catalogRow(request) * policy.toolFacts.count
        for index in open {
            let rule = policy.rules[index]
            for (name, slot) in zip(rule.facts, rule.factSlots) where !unknown.contains(name) {
                let value = slot.owner == .use ? request.slots[slot.slot] : policy.catalogSlots[toolRow + slot.slot]
                if value == Program.unknownSlot { unknown.append(name) }
            }
        }
        explanation.unknownFacts = unknown.sorted()
        return explanation
    }

    /// The ids of the rules whose condition held for this request: the reasons, the
    /// conditions met or violated, and the advice given, without duplicates, in that order.
    /// Read from the ``explanation``, with no finding worded.
    package var rulesFired: [String] {
        let explanation = explanation
        var fired: [String] = []
        for ref in explanation.reasons + explanation.conditions + explanation.advice where ref.status != .unknown {
            let id = switch ref.source {
            case .rule(let index): compiledPolicy.rules[index].id
            case .noPermit: "no-permit"
            case .unlistedTool: "unlisted-tool"
            }
            if !fired.contains(id) { fired.append(id) }
        }
        return fired
    }

    /// The finding a reference designates, with the policy's words and citations.
    package func finding(_ ref: FindingRef) -> Finding {
        switch ref.source {
        case .noPermit: return Decision.noPermit(compiledPolicy.name)
        case .unlistedTool: return Decision.unlistedTool(compiledPolicy.name)
        case .rule(let index):
            let rule = compiledPolicy.rules[index]
            return Finding(rule: rule.id, effect: rule.effect, status: ref.status, message: rule.message, remedy: rule.remedy,
                           citations: rule.citations, layer: rule.layer)
        }
    }
}
