import ToolPolicy

/// `check`'s text for the computed ways to compliance: the requester's first, then the
/// school's, each as its fact changes and the verdict they give.
struct RemedyText {
    let language: Language

    func render(_ remedies: [Remedy]) -> String {
        guard !remedies.isEmpty else { return "" }
        var out = ""
        for actor in Remedy.Actor.allCases {
            let mine = remedies.filter { $0.by == actor }
            guard !mine.isEmpty else { continue }
            out += "\n" + heading(actor) + "\n"
            for remedy in mine {
                let changes = remedy.changes.map { change in
                    "\(change.fact): \(change.from?.spelling ?? unknown) → \(change.to.spelling)"
                }
                out += "  - \(changes.joined(separator: "; ")) ⇒ \(remedy.verdict.rawValue)\n"
            }
        }
        return out
    }

    private var unknown: String { language == .fr ? "inconnu" : "unknown" }

    private func heading(_ actor: Remedy.Actor) -> String {
        switch (actor, language) {
        case (.requester, .fr): "Pour que l'usage soit autorisé, il suffirait de changer :"
        case (.requester, _): "The use would be allowed with these changes:"
        case (.school, .fr): "Ou, par un acte de l'établissement (chef d'établissement) :"
        case (.school, _): "Or, by an act of the school (head of school):"
        }
    }
}
