import ToolPolicy
import ToolPolicyReports

/// The helpdesk page: the policy folder's `page` template, rendered with the form as
/// submitted and the outcome of a submission (the decision's presentation and the reply
/// letter, the problems of the request, or a choice among near misses).
struct HelpdeskPage {
    /// What a submission gave.
    enum Outcome {
        /// A decision and the reply letter for it.
        case decision(Decision, reply: String)
        /// Why the request could not be checked, in the page's language.
        case problems([String])
        /// The tool's name is a near miss of listed tools: a choice among them.
        case nearMiss(String, [CatalogTool])
    }

    let policy: Policy
    /// The profiles a request may name, in order; the one shown is `policy`'s.
    var profiles: [String] = []
    let language: Language
    let form: FormFields
    let outcome: Outcome?

    /// The whole page, from the profile's `page` template.
    func render(with templates: PolicyTemplates) -> String {
        let shown: PageContext.Outcome? = switch outcome {
        case nil: nil
        case .decision(let decision, let reply): .decision(Presenter(policy: policy, language: language).present(decision), reply: reply)
        case .problems(let problems): .problems(problems)
        case .nearMiss(let asked, let candidates): .nearMiss(asked, candidates)
        }
        let context = PageContext(policy: policy, profiles: profiles, language: language, form: form.pairs, outcome: shown)
        return templates.render("page", profile: policy.profileName, context: context.values) ?? ""
    }
}
