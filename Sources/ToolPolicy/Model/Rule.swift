/// What a rule does when its condition holds.
public enum RuleEffect: String, Codable, Sendable, Hashable, CaseIterable {
    /// Denies the use.
    case forbid
    /// Permits the use.
    case permit
    /// Attaches a condition to permitted uses.
    case require
    /// Adds a non-blocking warning.
    case advise
    /// Sends the use to a person for review.
    case review
}

/// A compiled rule: its effect, its texts, its citations and its compiled condition.
public struct Rule: Sendable, Identifiable {
    /// The rule's id, unique in the policy.
    public let id: String
    /// The effect.
    public let effect: RuleEffect
    /// What the rule says, in French and optionally English.
    public let message: LocalizedText
    /// What would make the use compliant, if the rule says it.
    public let remedy: LocalizedText?
    /// The source texts the rule encodes.
    public let citations: [Citation]
    /// The layer (base or profile name) the rule belongs to.
    public let layer: String
    /// Where the rule is written.
    public let range: SourceRange
    /// The facts its conditions read, as `tool.x` / `use.x`, sorted.
    public let facts: [String]
    /// The same facts as owner and slot, in the order of ``facts``.
    let factSlots: [FactSlot]
    /// The condition (`when`) node; for a require, the node of its `when` (or -1 for always).
    let condition: Int32
    /// For a require, the node of its requirement; else -1.
    let requirement: Int32
}

/// A base rule that a profile switches off, with the profile's cited reason.
public struct RuleOverride: Sendable, Hashable {
    /// The id of the base rule switched off.
    public let ruleID: String
    /// Why, in the profile's words.
    public let message: LocalizedText
    /// The citations that justify it.
    public let citations: [Citation]
    /// The profile that overrides.
    public let layer: String
}

/// Where a fact's value lives: the tool's or the use's slots.
struct FactSlot: Sendable, Hashable {
    var owner: FactOwner
    var slot: Int
}
