package import ToolPolicy

/// The words every output shares, in French and English: the verdicts, the classes, the
/// titles of a decision's parts, and the grammar of lists and counts. The words of one
/// academy (its letter, its page, its helpdesk) are in its policy folder's templates; the
/// words of its facts are in its rules.
package struct Labels: Sendable {
    /// The language of the words.
    package let language: Language

    /// Labels in a language.
    package init(language: Language) { self.language = language }

    private func pick(_ french: String, _ english: String) -> String { language == .fr ? french : english }

    /// The verdict in capitals: `REFUSÉ`, `DENIED`.
    package func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .allowed: pick("AUTORISÉ", "ALLOWED")
        case .conditional: pick("AUTORISÉ SOUS CONDITIONS", "CONDITIONAL")
        case .denied: pick("REFUSÉ", "DENIED")
        case .review: pick("À EXAMINER", "REVIEW")
        }
    }

    /// The verdict agreeing with « demande » (feminine): `refusée`, for a letter's subject.
    package func requestVerdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .allowed: pick("acceptée", "accepted")
        case .conditional: pick("acceptée sous conditions", "accepted with conditions")
        case .denied: pick("refusée", "refused")
        case .review: pick("transmise pour examen", "sent for review")
        }
    }

    /// The answer as a sentence.
    package func answer(_ verdict: Verdict) -> String {
        switch verdict {
        case .allowed: pick("Cet usage est autorisé.", "This use is allowed.")
        case .conditional: pick("Cet usage est autorisé, sous les conditions ci-dessous.", "This use is allowed, under the conditions below.")
        case .denied: pick("Cet usage n'est pas autorisé.", "This use is not allowed.")
        case .review: pick("Cet outil doit être examiné avant tout usage.", "This tool must be reviewed before any use.")
        }
    }

    /// The class of a tool in words: `solution tolérée`.
    package func standing(_ standing: ToolStanding) -> String {
        switch standing {
        case .institutional: pick("offre institutionnelle", "institutional offer")
        case .tolerated: pick("solution tolérée", "tolerated")
        case .forbidden: pick("usage non autorisé", "forbidden")
        case .unclassified: pick("non classé par le cadre", "not classified by the framework")
        case .unlisted: pick("outil non référencé", "not listed")
        }
    }

    /// What a tool's class means, as a sentence about the tool.
    package func standingSentence(_ standing: ToolStanding, tool: String) -> String {
        switch standing {
        case .institutional:
            pick("\(tool) fait partie de l'offre institutionnelle : installation et utilisation dans un navigateur autorisées.",
                 "\(tool) is part of the institutional offer: it may be installed and used in a browser.")
        case .tolerated:
            pick("\(tool) est une solution tolérée : utilisable uniquement dans un navigateur web, sans création de compte.",
                 "\(tool) is tolerated: only in a web browser, with no account created.")
        case .forbidden:
            pick("\(tool) fait partie des usages non autorisés : ni installation, ni utilisation dans un navigateur.",
                 "\(tool) is forbidden: neither installed nor used in a browser.")
        case .unclassified:
            pick("\(tool) n'est pas classé par le cadre de référence.", "\(tool) is not classified by the framework.")
        case .unlisted:
            pick("\(tool) ne figure pas dans la liste des outils du cadre de référence.", "\(tool) is not in the framework's list of tools.")
        }
    }

    package var why: String { pick("Pourquoi", "Why") }
    package var conditions: String { pick("Conditions", "Conditions") }
    package var deniedIf: String { pick("Refusé si", "Denied if") }
    package var advice: String { pick("Conseils", "Advice") }
    package var whatToDo: String { pick("Ce qui rendrait l'usage conforme", "What would make the use compliant") }
    package var questions: String { pick("À préciser", "Questions for the requester") }
    package var met: String { pick("respectée", "met") }
    package var toCheck: String { pick("à vérifier", "to check") }
    package var profile: String { pick("profil", "profile") }
    package var details: String { pick("Détails", "Details") }
    package var yes: String { pick("oui", "yes") }
    package var no: String { pick("non", "no") }
    package var unnamedSource: String { pick("Source non déclarée", "Undeclared source") }
    package var alternatives: String { pick("L'offre institutionnelle permet d'utiliser", "The institutional offer provides") }
    /// `" : "` in French, `": "` in English.
    package var colon: String { pick(" : ", ": ") }

    /// `, au lieu de : old` / `, instead of: old`.
    package func insteadOf(_ old: String) -> String { pick(", au lieu de : \(old)", ", instead of: \(old)") }
    /// ` (à préciser)`: a change that only states a fact the request left unknown.
    package var toBeStated: String { pick(" (à préciser)", " (to be stated)") }
    package var waysToComply: String { pick("Ce qui donnerait une réponse favorable", "What would give a favourable answer") }
    package var schoolWaysToComply: String { pick("Ou, par un acte de l'établissement (son chef)", "Or, by an act of the school (its head)") }

    /// `« name »` in French, `“name”` in English.
    package func quoted(_ text: String) -> String { pick("« \(text) »", "“\(text)”") }

    /// A label turned into a question: `Nombre de participants ?`.
    package func questionMark(_ text: String) -> String { pick("\(text) ?", "\(text)?") }

    /// `a, b et c` / `a, b and c`.
    package func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + pick(" et ", " and ") + items[items.count - 1]
    }

    /// A count and its noun, agreeing: `1 ligne`, `2 lignes`; French treats 0 and 1 as singular.
    package func count(_ number: Int, _ singular: (fr: String, en: String), _ plural: (fr: String, en: String)) -> String {
        let one = language == .fr ? number <= 1 : number == 1
        return "\(number) " + (one ? pick(singular.fr, singular.en) : pick(plural.fr, plural.en))
    }
}
