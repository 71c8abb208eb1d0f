import ToolPolicy

/// The words of the helpdesk page, in French and English.
struct PageText {
    let language: Language

    private func pick(_ fr: String, _ en: String) -> String { language == .fr ? fr : en }

    var title: String { pick("Outils de visio-conférence : puis-je utiliser… ?", "Videoconference tools: may I use…?") }
    var formTitle: String { pick("Décrire la demande", "Describe the request") }
    /// `" : "` in French, `": "` in English.
    var colon: String { pick(" : ", ": ") }
    var intro: String {
        pick("Indiquez l'outil demandé et l'usage prévu. Les champs laissés vides sont inconnus : la réponse dit alors à quelles conditions l'usage est possible.",
             "Give the tool asked for and the intended use. Fields left empty are unknown: the answer then says under which conditions the use is possible.")
    }
    var tool: String { pick("Outil", "Tool") }
    var profile: String { pick("Académie (règles appliquées)", "Academy (rules applied)") }
    func didYouMean(_ asked: String) -> String {
        pick("« \(asked) » n'est pas dans le catalogue. Vouliez-vous dire :", "“\(asked)” is not in the catalog. Did you mean:")
    }
    var toolRequired: String { pick("Indiquez l'outil demandé.", "Give the tool asked for.") }
    var toolHelp: String { pick("Choisissez dans la liste ou tapez un nom (ex. : Zoom, BigBlueButton).", "Choose from the list or type a name (e.g. Zoom, BigBlueButton).") }
    var unknown: String { pick("— inconnu —", "— unknown —") }
    var yes: String { pick("oui", "yes") }
    var no: String { pick("non", "no") }
    var date: String { pick("Date d'évaluation (facultatif)", "Evaluation date (optional)") }
    var requester: String { pick("Nom du demandeur, pour la formule d'appel (facultatif, jamais enregistré)", "Requester's name, for the greeting (optional, never stored)") }
    var signature: String { pick("Signature (facultatif)", "Signature (optional)") }
    var submit: String { pick("Vérifier", "Check") }
    var useLegend: String { pick("Usage prévu", "Intended use") }
    var replyLegend: String { pick("Réponse à envoyer", "Reply to send") }
    var result: String { pick("Réponse", "Answer") }
    var why: String { pick("Pourquoi", "Why") }
    var conditions: String { pick("Conditions", "Conditions") }
    var deniedIf: String { pick("Refusé si", "Denied if") }
    var advice: String { pick("Conseils", "Advice") }
    var whatToDo: String { pick("Ce qui rendrait l'usage conforme", "What would make the use compliant") }
    var unknownFacts: String { pick("À préciser", "Still unknown") }
    var met: String { pick("respectée", "met") }
    var toCheck: String { pick("à vérifier", "to check") }
    var source: String { pick("Source", "Source") }
    var reply: String { pick("Réponse prête à envoyer au demandeur (en français)", "Ready-to-send reply to the requester (in French)") }
    var replyHelp: String { pick("Sélectionnez le texte et copiez-le dans la réponse AMIGO.", "Select the text and copy it into the AMIGO answer.") }
    var errorTitle: String { pick("La demande n'a pas pu être vérifiée", "The request could not be checked") }
    var policy: String { pick("Politique", "Policy") }
    var otherLanguage: (href: String, label: String, lang: String) {
        language == .fr ? ("?lang=en", "English", "en") : ("?lang=fr", "Français", "fr")
    }
}
