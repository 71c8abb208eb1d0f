package import ToolPolicy

/// The words of text output, in French and English.
package struct Labels: Sendable {
    /// The language of the words.
    package let language: Language

    /// Labels in a language.
    package init(language: Language) { self.language = language }

    /// The verdict in capitals: `REFUSÉ`, `DENIED`.
    package func verdict(_ verdict: Verdict) -> String {
        switch (verdict, language) {
        case (.allowed, .fr): "AUTORISÉ"
        case (.conditional, .fr): "AUTORISÉ SOUS CONDITIONS"
        case (.denied, .fr): "REFUSÉ"
        case (.review, .fr): "À EXAMINER"
        case (.allowed, .en): "ALLOWED"
        case (.conditional, .en): "CONDITIONAL"
        case (.denied, .en): "DENIED"
        case (.review, .en): "REVIEW"
        }
    }

    /// The class of a tool in words: `solution tolérée`.
    package func standing(_ standing: ToolStanding) -> String {
        switch (standing, language) {
        case (.institutional, .fr): "offre institutionnelle"
        case (.tolerated, .fr): "solution tolérée"
        case (.forbidden, .fr): "usage non autorisé"
        case (.unclassified, .fr): "non classé par le cadre"
        case (.unlisted, .fr): "outil non référencé"
        case (.institutional, .en): "institutional offer"
        case (.tolerated, .en): "tolerated"
        case (.forbidden, .en): "forbidden"
        case (.unclassified, .en): "not classified by the framework"
        case (.unlisted, .en): "not listed"
        }
    }

    package var why: String { language == .fr ? "Pourquoi" : "Why" }
    package var conditions: String { language == .fr ? "Conditions" : "Conditions" }
    package var advice: String { language == .fr ? "Conseils" : "Advice" }
    package var whatToDo: String { language == .fr ? "Que faire" : "What to do" }
    package var toSettle: String { language == .fr ? "À préciser" : "Still unknown" }
    package var profile: String { language == .fr ? "profil" : "profile" }
    package var met: String { language == .fr ? "respectée" : "met" }
    package var unknown: String { language == .fr ? "à vérifier" : "to check" }
    package var deniedIf: String { language == .fr ? "Refusé si" : "Denied if" }
    package var permittedIf: String { language == .fr ? "autorisé si" : "permitted if" }
}
