/// The syntax tree of a rules test file (`docs/testing.md`), as parsed, before its names
/// are checked against the policy.
enum TestSyntax {
    /// One parsed `.tests` file.
    struct File: Sendable {
        var source: SourceFile
        /// `profile rennes` at the top: the profile of the cases that name none.
        var profile: Syntax.Located<String>?
        var cases: [Case]
    }

    /// `case "…" profile … tool … use … expect …`.
    struct Case: Sendable {
        var name: Syntax.Located<String>
        var profile: Syntax.Located<String>?
        var tool: Tool?
        var facts: [(name: Syntax.Located<String>, value: Syntax.Located<Syntax.Literal>)] = []
        var today: Syntax.Located<Int64>?
        var verdict: Syntax.Located<Verdict>?
        /// `decided-by`, `conditions`, `advice`, `remedies`: rule ids, by clause.
        var ruleLists: [RuleList: Syntax.Located<[Syntax.Located<String>]>] = [:]
        /// `questions use.x, …`: the facts the answer asks for.
        var questions: Syntax.Located<[FactReference]>?
        var citations: [Syntax.Located<Citation>] = []
    }

    /// `use.mode` or `tool.recording` in a `questions` clause.
    struct FactReference: Sendable, Hashable {
        var owner: FactOwner
        var name: Syntax.Located<String>
    }

    /// The tool a case asks about.
    enum Tool: Sendable {
        /// `tool zoom`: a catalog id.
        case id(Syntax.Located<String>)
        /// `tool unlisted "Jitsi Meet"`: a name the catalog must not know.
        case unlisted(Syntax.Located<String>)
    }

    /// The clauses that list rule ids, and what each one checks.
    enum RuleList: String, Sendable, CaseIterable {
        /// The rules that decided the verdict (the answer's reasons).
        case decidedBy = "decided-by"
        /// The rules listed as conditions (open ones and reminders).
        case conditions
        /// The advice given.
        case advice
        /// The rules whose remedies the answer gives.
        case remedies
    }
}
