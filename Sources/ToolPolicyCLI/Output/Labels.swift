import ToolPolicy

/// The words of text output, in French and English.
struct Labels {
    let language: Language

    func verdict(_ verdict: Verdict) -> String {
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

    func standing(_ standing: ToolStanding) -> String {
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

    var why: String { language == .fr ? "Pourquoi" : "Why" }
    var conditions: String { language == .fr ? "Conditions" : "Conditions" }
    var advice: String { language == .fr ? "Conseils" : "Advice" }
    var whatToDo: String { language == .fr ? "Que faire" : "What to do" }
    var toSettle: String { language == .fr ? "À préciser" : "Still unknown" }
    var profile: String { language == .fr ? "profil" : "profile" }
    var met: String { language == .fr ? "respectée" : "met" }
    var unknown: String { language == .fr ? "à vérifier" : "to check" }
    var deniedIf: String { language == .fr ? "Refusé si" : "Denied if" }
    var permittedIf: String { language == .fr ? "autorisé si" : "permitted if" }
}
