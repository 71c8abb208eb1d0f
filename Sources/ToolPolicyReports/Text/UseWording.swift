package import ToolPolicy

/// The words for the use facts and their values, in French and English, for forms and
/// letters. Facts and values this table does not know are shown as the policy writes them.
package struct UseWording: Sendable {
    /// The language of the words.
    package let language: Language

    /// Wording in a language.
    package init(language: Language) { self.language = language }

    /// The label of a fact (`Poste utilisé`), falling back to its declared description.
    package func label(of fact: FactDeclaration) -> String {
        let words: (fr: String, en: String)? = switch fact.name {
        case "mode": ("Mode d'utilisation", "How it is used")
        case "computer": ("Poste utilisé", "Computer")
        case "accounts": ("Comptes à créer", "Accounts to create")
        case "audience": ("Participants", "Who takes part")
        case "purpose": ("Objet de la séance", "Purpose")
        case "recorded": ("Séance enregistrée", "Session recorded")
        case "participants": ("Nombre de participants", "Number of participants")
        case "waiting_room": ("Salle d'attente ou authentification activée", "Waiting room or authentication on")
        default: nil
        }
        guard let words else { return fact.description.isEmpty ? fact.name : fact.description }
        return language == .fr ? words.fr : words.en
    }

    /// The label of one value of an enum or set fact.
    package func label(of value: String) -> String {
        let words: (fr: String, en: String)? = switch value {
        case "install": ("application installée", "installed application")
        case "web": ("interface web, dans un navigateur", "web interface, in a browser")
        case "administrative": ("ordinateur administratif", "administrative computer")
        case "pedagogical": ("ordinateur pédagogique", "teaching computer")
        case "personal": ("ordinateur personnel", "personal computer")
        case "none": ("aucun compte", "no account")
        case "staff": ("personnels", "staff")
        case "pupils": ("élèves", "pupils")
        case "external": ("extérieurs (parents, partenaires)", "outside parties (parents, partners)")
        case "class": ("classe", "class")
        case "staff-meeting": ("réunion de personnels", "staff meeting")
        case "council": ("conseil", "council")
        case "external-meeting": ("réunion avec des extérieurs", "meeting with outside parties")
        default: nil
        }
        guard let words else { return value }
        return language == .fr ? words.fr : words.en
    }

    /// A fact's value in words: `oui`, `élèves, personnels`, `30`.
    package func describe(_ value: FactValue) -> String {
        switch value {
        case .bool(let flag): flag ? (language == .fr ? "oui" : "yes") : (language == .fr ? "non" : "no")
        case .integer(let number): String(number)
        case .date(let day): day.description
        case .string(let text): label(of: text)
        case .enumeration(let text): label(of: text)
        case .set(let values): values.isEmpty ? "—" : values.map(label(of:)).joined(separator: ", ")
        }
    }

    /// Every fact given in a decision, as `label : value`, in the policy's declaration order.
    package func lines(for use: [String: FactValue], in policy: Policy) -> [String] {
        let separator = language == .fr ? " : " : ": "
        return policy.useFacts.compactMap { fact in
            use[fact.name].map { label(of: fact) + separator + describe($0) }
        }
    }
}
