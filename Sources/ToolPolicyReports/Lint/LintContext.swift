package import ToolPolicy

/// What every reporter knows about the run.
package struct LintContext: Sendable {
    /// The policy the rows are checked against.
    package let policy: Policy
    /// The list's name as shown: its path, or `-` for a request body.
    package let path: String
    /// The language of the messages.
    package let language: Language

    /// The context of one run.
    package init(policy: Policy, path: String, language: Language) {
        self.policy = policy
        self.path = path
        self.language = language
    }
}
