/// A decision: the verdict, and everything that explains it, worded when it is read.
///
/// ``Policy/decide(_:)`` returns it holding only the verdict, the trace of every rule's
/// truth and the request, with a reference to the policy that decided: deciding allocates
/// nothing. The findings, messages, citations and remedies are built from the policy's
/// tables by the properties that read them; read each once per rendering. ``document``
/// is the whole explained value.
///
/// Encoded as JSON it is the document described by `docs/schemas/decision.schema.json`,
/// the same for the CLI (`--format json`) and the HTTP API.
public struct Decision: Sendable {
    /// The policy that decided.
    package let compiledPolicy: Policy
    /// The request decided.
    package let request: UseRequest
    /// The answer.
    public let verdict: Verdict
    /// The truth of every rule for the request.
    public let trace: EvaluationTrace
    /// The computed ways to compliance (``Policy/remedies(for:limit:)``), each re-evaluated;
    /// empty until a caller that shows them fills them in (`check`, `/v1/check`).
    public var waysToComply: [Remedy] {
        get { ways ?? [] }
        set { ways = newValue.isEmpty ? nil : newValue }
    }
    /// The ways to comply, `nil` while none are given (so a decision retains nothing but its policy).
    private var ways: [Remedy]?

    init(policy: Policy, request: UseRequest, verdict: Verdict, trace: EvaluationTrace) {
        compiledPolicy = policy
        self.request = request
        self.verdict = verdict
        self.trace = trace
    }

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


/// A decision with its explanation, as one value: the verdict, the tool and its class, the
/// rules that decided, the conditions left, the advice, the remedies and the facts still
/// unknown. ``Decision/document`` builds it; a client decodes it from the JSON of
/// `check --format json` or `/v1/check`.
public struct DecisionDocument: Sendable, Codable, Hashable {
    /// The answer.
    public var verdict: Verdict
    /// The tool as asked and as found in the catalog.
    public var tool: Decision.ToolSummary
    /// The use facts given, by name.
    public var use: [String: FactValue]
    /// The date the request was evaluated for.
    public var date: String
    /// Which policy answered.
    public var policy: Decision.PolicyIdentity
    /// The rules that decided the verdict.
    public var reasons: [Decision.Finding]
    /// The conditions under which the use is permitted: unknown ones, and met ones as
    /// reminders. Empty for a denial or a review, whose reasons say what to do.
    public var conditions: [Decision.Finding]
    /// Non-blocking advice whose condition holds.
    public var advice: [Decision.Finding]
    /// What would make the use compliant, without duplicates: the remedies of the reasons
    /// for a denial or a review, of the open requirements and permits otherwise.
    public var remedies: [LocalizedText]
    /// The facts that, once known, would settle the conditions (`use.mode`, `tool.dpa_signed`).
    public var unknownFacts: [String]
    /// The computed ways to compliance, when the answer shows them.
    public var waysToComply: [Remedy] = []
}

extension Decision {
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
