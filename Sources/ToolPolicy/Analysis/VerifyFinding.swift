/// What `toolpolicy verify` found in a policy: a rule that can never act, or act only
/// where something else decides, a use no rule decides, or a catalog gap that changes an
/// answer. Each names the rule or tool, where it is written, and a witness.
package struct VerifyFinding: Sendable, Hashable, Codable {
    /// The kinds of finding (`docs/analysis.md`).
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// No tool and no use makes the rule's condition true.
        case deadRule = "dead-rule"
        /// A permit that holds only where a forbid, a violated requirement or a review decides.
        case shadowedPermit = "shadowed-permit"
        /// An advice that holds only for uses that are denied.
        case shadowedAdvice = "shadowed-advice"
        /// A requirement whose `when` holds only where the use is denied or reviewed anyway.
        case inertRequirement = "inert-requirement"
        /// A requirement attached only to uses that a forbid always denies.
        case contradiction
        /// Uses of a tool that some permit covers elsewhere, that no rule decides: they
        /// are denied only because nothing permits them.
        case gap
        /// A tool fact the catalog does not know, on which an answer depends.
        case catalogHole = "catalog-hole"

        /// Whether the finding fails `verify` (the others are warnings).
        package var isError: Bool { [.deadRule, .shadowedPermit, .contradiction].contains(self) }
    }

    /// The kind.
    package var kind: Kind
    /// The profile verified.
    package var profile: String
    /// The rule concerned, if any.
    package var rule: String?
    /// The tools concerned (gaps are grouped when several tools have the same).
    package var tools: [String]
    /// What was found, in one sentence.
    package var message: String
    /// Where to fix it: the rule, or the tool's catalog entry.
    package var range: SourceRange
    /// A tool and use that shows it, `nil` for a dead rule (no use makes it true).
    package var witness: Witness?
    /// The uses concerned, as conditions (gaps), at most a few.
    package var conditions: [String]
    /// The other rules involved (the forbid that overrides a permit…).
    package var related: [String]
}
