package import ToolPolicy

/// The ready-to-send answer to a requester, in French, as a helpdesk agent writes it:
/// rendered from the decision's presentation by the profile's `letter` template
/// (`Rules/templates/`), which holds the greeting, the helpdesk and the signature.
package struct ReplyLetter: Sendable {
    /// The policy that decided.
    package let policy: Policy
    /// The policy folder's templates.
    package let templates: PolicyTemplates
    /// Who asked (`Mme Martin`); the greeting is `Madame, Monsieur` without it.
    package var requester: String?
    /// Who answers, above the helpdesk's block.
    package var signature: String?

    /// A letter for decisions of `policy`.
    package init(policy: Policy, templates: PolicyTemplates, requester: String? = nil, signature: String? = nil) {
        self.policy = policy
        self.templates = templates
        self.requester = requester
        self.signature = signature
    }

    /// The context the template reads for a decision.
    package func context(_ decision: Decision) -> LetterContext {
        LetterContext(
            presentation: Presenter(policy: policy, language: .fr).present(decision),
            requester: requester, signature: signature, date: decision.date,
            policyTitle: policy.title ?? policy.profileName
        )
    }

    /// The whole letter, subject first, ending with one newline.
    package func render(_ decision: Decision) -> String {
        let text = templates.render("letter", profile: policy.profileName, context: context(decision).values) ?? ""
        return Self.tidy(text)
    }

    /// The letter with trailing spaces removed, at most one blank line in a row, and one
    /// final newline: what a template's optional parts leave behind.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.reversed().drop { $0 == " " }.reversed()
            let cleaned = Substring(String(trimmed))
            if cleaned.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(cleaned)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
