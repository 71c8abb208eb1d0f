/// A decision with its explanation: the verdict, the tool and its class, the rules that
/// decided, the conditions left, the advice, the remedies and the facts still unknown.
///
/// Encoded as JSON it is the document described by `docs/schemas/decision.schema.json`,
/// the same for the CLI (`--format json`) and the HTTP API.
public struct Decision: Sendable, Codable, Hashable {
    /// The answer.
    public var verdict: Verdict
    /// The tool as asked and as found in the catalog.
    public var tool: ToolSummary
    /// The use facts given, by name.
    public var use: [String: FactValue]
    /// The date the request was evaluated for.
    public var date: String
    /// Which policy answered.
    public var policy: PolicyIdentity
    /// The rules that decided the verdict.
    public var reasons: [Finding]
    /// The conditions under which the use is permitted: unknown ones, and met ones as
    /// reminders. Empty for a denial or a review, whose reasons say what to do.
    public var conditions: [Finding]
    /// Non-blocking advice whose condition holds.
    public var advice: [Finding]
    /// What would make the use compliant, without duplicates: the remedies of the reasons
    /// for a denial or a review, of the open requirements and permits otherwise.
    public var remedies: [LocalizedText]
    /// The facts that, once known, would settle the conditions (`use.mode`, `tool.dpa_signed`).
    public var unknownFacts: [String]
    /// The computed ways to compliance (``Policy/remedies(for:limit:)``), each re-evaluated;
    /// empty until a caller that shows them fills them in (`check`, `/v1/check`).
    public var waysToComply: [Remedy] = []

    /// The tool part of a decision.
    public struct ToolSummary: Sendable, Codable, Hashable {
        /// The name as given in the request.
        public var query: String
        /// The catalog id, if the tool is listed.
        public var id: String?
        /// The display name, if the tool is listed.
        public var name: String?
        /// The tool's class under the profile, `unclassified` or `unlisted`.
        public var standing: ToolStanding
        /// The citations of the classify statement that gave the class.
        public var classCitations: [Citation]
    }

    /// Which policy answered.
    public struct PolicyIdentity: Sendable, Codable, Hashable {
        /// The base's name.
        public var name: String
        /// The profile's name (the base's when there is none).
        public var profile: String
        /// `sha256:` of the policy source.
        public var digest: String
    }

    /// A rule as it bears on the decision.
    public struct Finding: Sendable, Codable, Hashable {
        /// The rule's id (`unlisted-tool` and `no-permit` are built in).
        public var rule: String
        /// The rule's effect.
        public var effect: RuleEffect
        /// How the rule stands for this request.
        public var status: Status
        /// What the rule says.
        public var message: LocalizedText
        /// What would make the use compliant, if the rule says it.
        public var remedy: LocalizedText?
        /// The source texts.
        public var citations: [Citation]
        /// The layer it comes from.
        public var layer: String

        /// How a rule stands for a request.
        public enum Status: String, Sendable, Codable, Hashable {
            /// Its condition holds.
            case applies
            /// A fact it needs is unknown.
            case unknown
            /// A require whose requirement holds (a reminder).
            case met
            /// A require whose requirement does not hold.
            case violated
        }
    }
}

extension Decision {
    init(policy: Policy, request: UseRequest, verdict: Verdict, trace: EvaluationTrace) {
        let tool = request.toolIndex.map { policy.tools[$0] }
        self.verdict = verdict
        self.tool = ToolSummary(
            query: request.toolQuery, id: tool?.id, name: tool?.name, standing: tool?.standing ?? .unlisted,
            classCitations: tool?.classification?.citations ?? []
        )
        var use: [String: FactValue] = [:]
        use.reserveCapacity(request.facts.count)
        for fact in request.facts { use[fact.name] = fact.value }
        self.use = use
        self.date = request.today.description
        self.policy = policy.identity

        func finding(_ index: Int, _ status: Finding.Status) -> Finding {
            let rule = policy.rules[index]
            return Finding(rule: rule.id, effect: rule.effect, status: status, message: rule.message, remedy: rule.remedy,
                           citations: rule.citations, layer: rule.layer)
        }
        func indices(_ effect: RuleEffect, _ truth: Truth) -> [Int] {
            policy.ruleIndices(effect).filter { trace.conditions[$0] == truth }
        }
        let violated = indices(.require, .true).filter { trace.requirements[$0] == .false }

        var reasons: [Finding]
        var conditions: [Finding] = []
        var open: [Int] = []
        switch verdict {
        case .denied:
            reasons = indices(.forbid, .true).map { finding($0, .applies) } + violated.map { finding($0, .violated) }
            if reasons.isEmpty { reasons = [Decision.noPermit(policy.name)] }
        case .review:
            reasons = indices(.review, .true).map { finding($0, .applies) }
            if tool == nil, reasons.isEmpty { reasons = [Decision.unlistedTool(policy.name)] }
            // An unlisted tool is reviewed whatever the use; what the use breaks meanwhile is said too.
            if tool == nil {
                reasons += indices(.forbid, .true).map { finding($0, .applies) } + violated.map { finding($0, .violated) }
            }
        case .allowed, .conditional:
            let permits = indices(.permit, .true)
            reasons = permits.map { finding($0, .applies) }
            if permits.isEmpty {
                open += indices(.permit, .unknown)
                conditions += indices(.permit, .unknown).map { finding($0, .unknown) }
            }
        }
        if verdict == .allowed || verdict == .conditional {
            for index in policy.ruleIndices(.require) where trace.conditions[index] != .false {
                switch trace.requirements[index] {
                case .true: conditions.append(finding(index, .met))
                case .unknown, .false:
                    conditions.append(finding(index, .unknown))
                    open.append(index)
                }
            }
            open += indices(.forbid, .unknown)
            conditions += indices(.forbid, .unknown).map { finding($0, .unknown) }
        }
        self.reasons = reasons
        self.conditions = conditions
        self.advice = indices(.advise, .true).map { finding($0, .applies) }

        var remedies: [LocalizedText] = []
        let remedySources = verdict == .denied || verdict == .review
            ? reasons : conditions.filter { $0.effect != .forbid && $0.status != .met }
        for item in remedySources {
            if let remedy = item.remedy, !remedies.contains(remedy) { remedies.append(remedy) }
        }
        self.remedies = remedies

        var unknown: [String] = []
        let toolRow = policy.catalogRow(request) * policy.toolFacts.count
        for index in open {
            let rule = policy.rules[index]
            for (name, slot) in zip(rule.facts, rule.factSlots) where !unknown.contains(name) {
                let value = slot.owner == .use ? request.slots[slot.slot] : policy.catalogSlots[toolRow + slot.slot]
                if value == Program.unknownSlot { unknown.append(name) }
            }
        }
        self.unknownFacts = unknown.sorted()
    }

    /// The built-in reason of a denial that no rule forbids: nothing permits the use.
    static func noPermit(_ layer: String) -> Finding {
        Finding(
            rule: "no-permit", effect: .forbid, status: .applies,
            message: LocalizedText(
                fr: "Aucune règle n'autorise cet usage ; sans autorisation explicite, l'usage est refusé.",
                en: "No rule permits this use; without an explicit permit, the use is denied."
            ),
            remedy: nil, citations: [], layer: layer
        )
    }

    /// The built-in reason of a review for a tool absent from the catalog.
    static func unlistedTool(_ layer: String) -> Finding {
        Finding(
            rule: "unlisted-tool", effect: .review, status: .applies,
            message: LocalizedText(
                fr: "Cet outil n'est pas référencé : sa conformité doit être examinée avant tout usage.",
                en: "This tool is not listed: its compliance must be reviewed before any use."
            ),
            remedy: nil, citations: [], layer: layer
        )
    }
}

extension Policy {
    /// The name, profile and digest that every answer of this policy carries.
    public var identity: Decision.PolicyIdentity {
        Decision.PolicyIdentity(name: name, profile: profileName, digest: digest)
    }
}
