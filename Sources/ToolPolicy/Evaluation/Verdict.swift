/// The answer to a request.
public enum Verdict: String, Codable, Sendable, Hashable, CaseIterable {
    /// Permitted, every condition met (the conditions are still listed as reminders).
    case allowed
    /// Permitted only if the listed conditions hold: some facts are unknown.
    case conditional
    /// Forbidden by a rule, or permitted by none.
    case denied
    /// A person must review it: the tool is not listed, or a review rule applies.
    case review
}
