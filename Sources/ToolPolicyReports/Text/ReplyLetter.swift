import Foundation
package import ToolPolicy

/// The ready-to-send answer to a requester, in French, as a helpdesk agent on the AMIGO
/// platform writes it: greeting, what was asked, the verdict, the reasons with the rule
/// texts cited, what to do (for an unlisted tool, the review path and the institutional
/// alternatives), then the signature and the policy that answered.
package struct ReplyLetter: Sendable {
    /// The policy that decided, for the use wording and the institutional alternatives.
    package let policy: Policy
    /// Who asked (`Mme Martin`); the greeting is `Madame, Monsieur` without it.
    package var requester: String?
    /// Who answers; `L'assistance numérique` without it.
    package var signature: String?

    /// A letter for decisions of `policy`.
    package init(policy: Policy, requester: String? = nil, signature: String? = nil) {
        self.policy = policy
        self.requester = requester
        self.signature = signature
    }

    private var labels: Labels { Labels(language: .fr) }
    private var wording: UseWording { UseWording(language: .fr) }

    /// The subject line: `Demande d'utilisation de Zoom : refusé`.
    package func subject(_ decision: Decision) -> String {
        "Demande d'utilisation de \(toolName(decision)) : \(labels.verdict(decision.verdict).lowercased())"
    }

    /// The whole letter, subject first, ending with a newline.
    package func render(_ decision: Decision) -> String {
        var out = "Objet : \(subject(decision))\n\n"
        out += "Bonjour \(Self.clean(requester) ?? "Madame, Monsieur"),\n\n"
        out += asked(decision) + "\n\n"
        out += verdictParagraph(decision) + "\n"
        out += section("Motifs", decision.reasons.map(finding))
        if decision.verdict == .conditional || decision.verdict == .allowed {
            let conditions = decision.conditions.filter { $0.effect != .forbid }
            out += section(decision.verdict == .allowed ? "Rappels" : "Conditions à respecter", conditions.map(finding))
        }
        out += section("Ce que vous pouvez faire", decision.remedies.map { $0.text(in: .fr) })
        if decision.verdict == .review || decision.verdict == .denied {
            out += alternatives(decision)
        }
        out += section("Conseils", decision.advice.map(finding))
        out += "\nNous restons à votre disposition pour toute précision.\n\n"
        out += "Cordialement,\n\(Self.clean(signature) ?? "L'assistance numérique")\n\n"
        out += "--\nRéponse établie selon le cadre de référence \(decision.policy.profile) (règles \(decision.policy.digest.prefix(19))…), le \(decision.date).\n"
        return out
    }

    private func toolName(_ decision: Decision) -> String {
        decision.tool.name ?? "« \(decision.tool.query) »"
    }

    private func asked(_ decision: Decision) -> String {
        let use = wording.lines(for: decision.use, in: policy)
        var out = "Vous nous avez demandé s'il est possible d'utiliser \(toolName(decision))"
        out += use.isEmpty ? "." : " pour l'usage suivant :\n" + use.map { "  - \($0)" }.joined(separator: "\n")
        return out
    }

    private func verdictParagraph(_ decision: Decision) -> String {
        let tool = toolName(decision)
        let standing: String = switch decision.tool.standing {
        case .institutional: "\(tool) fait partie de l'offre institutionnelle."
        case .tolerated: "\(tool) est une solution tolérée : utilisable uniquement dans un navigateur web, sans création de compte."
        case .forbidden: "\(tool) fait partie des usages non autorisés."
        case .unclassified: "\(tool) n'est pas classé par le cadre de référence."
        case .unlisted: "\(tool) ne figure pas dans la liste des outils du cadre de référence."
        }
        let verdict: String = switch decision.verdict {
        case .allowed: "Réponse : cet usage est autorisé."
        case .conditional: "Réponse : cet usage est autorisé, sous les conditions ci-dessous."
        case .denied: "Réponse : cet usage n'est pas autorisé."
        case .review: "Réponse : votre demande doit être examinée avant tout usage de cet outil."
        }
        return verdict + "\n" + standing
    }

    private func finding(_ finding: Decision.Finding) -> String {
        var out = finding.message.text(in: .fr)
        for citation in finding.citations {
            out += "\n    (Source : \(citation.document), « \(citation.section) »)"
        }
        return out
    }

    private func alternatives(_ decision: Decision) -> String {
        let institutional = policy.tools.filter { $0.standing == .institutional && $0.id != decision.tool.id }.map(\.name)
        guard !institutional.isEmpty else { return "" }
        return section("En attendant, l'offre institutionnelle vous permet d'utiliser", [institutional.joined(separator: ", ")])
    }

    private func section(_ title: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "\n\(title) :\n" + items.map { "  - \($0)" }.joined(separator: "\n") + "\n"
    }

    /// A name from a request, on one line and at most 80 characters; `nil` when blank.
    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return line.isEmpty ? nil : String(line.prefix(80))
    }
}
