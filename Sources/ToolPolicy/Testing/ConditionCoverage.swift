/// Which outcomes of each rule's conditions a run of test cases reached (`docs/testing.md`):
/// for each condition, whether it was true, false and (when it reads a use fact)
/// unknown; for each operand of an `and` or an `or`, whether it decided the result both
/// as true and as false (flipping it alone would have changed the result: MC/DC's
/// "independent effect").
package struct ConditionCoverage: Sendable {
    /// One outcome to reach.
    package struct Item: Sendable, Hashable {
        /// What to reach, e.g. "`use.recorded` deciding the `and` as false".
        package var what: String
        /// The condition or operand it is about.
        package var range: SourceRange
        /// Whether a case reached it.
        package var covered: Bool
    }

    /// The items of one rule.
    package struct RuleCoverage: Sendable {
        /// The rule's id.
        package var rule: String
        /// Where the rule's id is written.
        package var range: SourceRange
        /// Its items, in source order.
        package var items: [Item]

        /// How many items were reached.
        package var covered: Int { items.count { $0.covered } }
    }

    /// Every rule of the profiles the cases ran under, in source order.
    package var rules: [RuleCoverage]

    /// How many items were reached, over all rules.
    package var covered: Int { rules.reduce(0) { $0 + $1.covered } }
    /// How many items there are, over all rules.
    package var total: Int { rules.reduce(0) { $0 + $1.items.count } }
    /// The share of items reached, in percent (100 when there is none).
    package var percent: Double { total == 0 ? 100 : Double(covered) * 100 / Double(total) }
}
