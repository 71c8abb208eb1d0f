package import ToolPolicy

/// The words of the helpdesk page's form, in French and English. The words a decision
/// shares with the other outputs are ``Labels``; the academy's own words are in its
/// `page` template.
package struct PageWords: Sendable {
    /// The language of the words.
    package let language: Language

    /// The words in a language.
    package init(language: Language) { self.language = language }

    private func pick(_ fr: String, _ en: String) -> String { language == .fr ? fr : en }

    package var title: String { pick("Outils de visio-conférence : puis-je utiliser… ?", "Videoconference tools: may I use…?") }
    package var formTitle: String { pick("Décrire la demande", "Describe the request") }
    package var intro: String {
        pick("Indiquez l'outil demandé et l'usage prévu. Les champs laissés vides sont inconnus : la réponse dit alors à quelles conditions l'usage est possible.",
             "Give the tool asked for and the intended use. Fields left empty are unknown: the answer then says under which conditions the use is possible.")
    }
    package var tool: String { pick("Outil", "Tool") }
    package var profile: String { pick("Académie (règles appliquées)", "Academy (rules applied)") }
    package func didYouMean(_ asked: String) -> String {
        pick("« \(asked) » n'est pas dans le catalogue. Vouliez-vous dire :", "“\(asked)” is not in the catalog. Did you mean:")
    }
    package func notADate(_ text: String) -> String {
        pick("« \(text) » n'est pas une date : écrivez-la AAAA-MM-JJ, par exemple 2026-03-15.",
             "“\(text)” is not a date: write it YYYY-MM-DD, e.g. 2026-03-15.")
    }
    package var toolRequired: String { pick("Indiquez l'outil demandé.", "Give the tool asked for.") }
    package var toolHelp: String { pick("Choisissez dans la liste ou tapez un nom (ex. : Zoom, BigBlueButton).", "Choose from the list or type a name (e.g. Zoom, BigBlueButton).") }
    package var unknown: String { pick("— inconnu —", "— unknown —") }
    package var date: String { pick("Date d'évaluation (facultatif)", "Evaluation date (optional)") }
    package var requester: String { pick("Nom du demandeur, pour la formule d'appel (facultatif, jamais enregistré)", "Requester's name, for the greeting (optional, never stored)") }
    package var signature: String { pick("Signature (facultatif)", "Signature (optional)") }
    package var submit: String { pick("Vérifier", "Check") }
    package var useLegend: String { pick("Usage prévu", "Intended use") }
    package var replyLegend: String { pick("Réponse à envoyer", "Reply to send") }
    package var result: String { pick("Réponse", "Answer") }
    package var source: String { pick("Source", "Source") }
    package var reply: String { pick("Réponse prête à envoyer au demandeur (en français)", "Ready-to-send reply to the requester (in French)") }
    package var replyHelp: String { pick("Sélectionnez le texte et copiez-le dans votre réponse.", "Select the text and copy it into your answer.") }
    package var errorTitle: String { pick("La demande n'a pas pu être vérifiée", "The request could not be checked") }
    package var policy: String { pick("Politique", "Policy") }
    package var skip: String { pick("Aller au formulaire", "Skip to the form") }
    package var details: String { pick("Détails pour les auteurs des règles", "Details for the rules' authors") }
}
