package import ToolPolicy

/// What a person reads about a decision, in one language: built once, from the decision,
/// by ``Presenter``, and rendered by every output (text, the page, the letter, SARIF,
/// JUnit, the GitLab report), so the same request shows the same content everywhere.
///
/// It holds words only: no fact id, no source file name, no digest, except in
/// ``details``, the one line meant for the rules' authors.
package struct DecisionPresentation: Sendable, Hashable {
    /// A rule as a person reads it.
    package struct Finding: Sendable, Hashable {
        /// The rule's id, for authors and for the reports' rule keys.
        package var rule: String
        /// What the rule says, whole.
        package var text: String
        /// Its first sentence, for a one-line report.
        package var summary: String
        /// The sources it cites, by title and section: `Cadre de référence … (académie de
        /// Rennes), « Solutions tolérées »`.
        package var sources: [String]
        /// What would make the use compliant, if the rule says it.
        package var remedy: String?
        /// For a condition: whether it is met or still to check.
        package var status: ConditionStatus?
    }

    /// How a condition stands.
    package enum ConditionStatus: String, Sendable, Hashable {
        case met, toCheck
    }

    /// One fact of the request, in words: `Ordinateur utilisé : sur un poste pédagogique`.
    package struct UseLine: Sendable, Hashable {
        /// The fact's label.
        package var label: String
        /// The value in words.
        package var value: String
    }

    /// The language of every word below.
    package var language: Language
    /// The verdict.
    package var verdict: Verdict
    /// The verdict in capitals: `REFUSÉ`.
    package var verdictWords: String
    /// The tool's name, or the name asked between quotes when it is not listed.
    package var tool: String
    /// The tool's class in words: `solution tolérée`.
    package var standing: String
    /// `REFUSÉ — Zoom · solution tolérée`.
    package var headline: String
    /// The answer as a sentence: `Cet usage n'est pas autorisé.`
    package var answer: String
    /// What the tool's class means: `Zoom est une solution tolérée : …`.
    package var standingSentence: String
    /// The facts the request gave, in the policy's order.
    package var use: [UseLine]
    /// The rules that decided.
    package var reasons: [Finding]
    /// The requirements and permits the use is subject to.
    package var conditions: [Finding]
    /// What would make the use refused.
    package var deniedIf: [Finding]
    /// Advice that applies.
    package var advice: [Finding]
    /// What would make the use compliant, as the rules say it.
    package var whatToDo: [String]
    /// The smallest changes to the use that give a better answer, computed and re-checked:
    /// those the requester can make (`Mode d'utilisation : dans un navigateur web, au lieu
    /// de : en installant l'application → autorisé`).
    package var waysToComply: [String]
    /// The same, for changes only the school can make (a contract its head signs).
    package var schoolWaysToComply: [String]
    /// The questions that would settle what is unknown, for the requester.
    package var questions: [String]
    /// The tools of the institutional offer, offered instead of a denied or unlisted tool.
    package var alternatives: [String]
    /// For the rules' authors: the profile, the policy, its digest, and the ids of the
    /// rules shown.
    package var details: String
}
