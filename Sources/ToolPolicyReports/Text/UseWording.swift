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
        case "dpa_signed": ("Contrat de sous-traitance établi par le chef d'établissement", "Data-processing contract signed by the head of school")
        default: nil
        }
        guard let words else { return fact.description.isEmpty ? fact.name : fact.description }
        return language == .fr ? words.fr : words.en
    }

    /// The question that settles an unknown fact of the request (`use.computer`), put to
    /// the requester; a fact this table does not know is asked from its description.
    package func question(for qualifiedName: String, in policy: Policy?) -> String {
        let name = qualifiedName.hasPrefix("use.") ? String(qualifiedName.dropFirst(4)) : qualifiedName
        let words: (fr: String, en: String)? = switch name {
        case "mode": ("L'outil sera-t-il installé sur le poste, ou utilisé dans un navigateur web ?",
                      "Will the tool be installed, or used in a web browser?")
        case "computer": ("Sur quel ordinateur : administratif, pédagogique, ou personnel ?",
                          "On which computer: administrative, teaching, or personal?")
        case "accounts": ("Qui devra se créer un compte : personne, des personnels, des élèves, des extérieurs ?",
                          "Who will have to create an account: nobody, staff, pupils, outside parties?")
        case "audience": ("Qui participera : des élèves, des personnels, des extérieurs (parents, partenaires) ?",
                          "Who will take part: pupils, staff, outside parties (parents, partners)?")
        case "purpose": ("Pour quoi : une classe, une réunion de personnels, un conseil, une réunion avec des extérieurs ?",
                         "What for: a class, a staff meeting, a council, a meeting with outside parties?")
        case "recorded": ("La séance sera-t-elle enregistrée ?", "Will the session be recorded?")
        case "participants": ("Combien de participants ?", "How many participants?")
        case "waiting_room": ("La salle d'attente ou l'authentification sera-t-elle activée ?",
                              "Will the waiting room or authentication be on?")
        case "dpa_signed": ("Le chef d'établissement a-t-il établi un contrat de sous-traitance de données avec le fournisseur ?",
                            "Has the head of school signed a data-processing contract with the provider?")
        default: nil
        }
        if let words { return language == .fr ? words.fr : words.en }
        let description = policy?.fact(named: qualifiedName)?.description ?? ""
        let subject = description.isEmpty ? name : description
        return language == .fr ? "\(subject) ?" : "\(subject)?"
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
