import Foundation
package import ToolPolicy

/// Renders a decision for a person to read in five seconds: verdict first, then why,
/// then what to do.
package struct DecisionText: Sendable {
    /// The language of the text.
    package let language: Language

    /// A renderer for a language.
    package init(language: Language) { self.language = language }
    private var labels: Labels { Labels(language: language) }

    /// The whole decision as text, ending with a newline.
    package func render(_ decision: Decision) -> String {
        var out = headline(decision) + "\n"
        out += "  \(labels.profile) \(decision.policy.profile) · \(decision.policy.name) · \(decision.policy.digest.prefix(19))…\n"
        if !decision.reasons.isEmpty {
            out += "\n\(labels.why)\n"
            for finding in decision.reasons { out += item("•", finding) }
        }
        let requirements = decision.conditions.filter { $0.effect != .forbid }
        if !requirements.isEmpty {
            out += "\n\(labels.conditions)\n"
            for finding in requirements {
                let mark = finding.status == .met ? "✓" : "?"
                out += item(mark, finding, prefix: finding.effect == .permit ? labels.permittedIf + " : " : "")
            }
        }
        let prohibitions = decision.conditions.filter { $0.effect == .forbid }
        if !prohibitions.isEmpty {
            out += "\n\(labels.deniedIf)\n"
            for finding in prohibitions {
                out += "  ✗ \(Self.firstSentence(finding.message.text(in: language))) [\(finding.rule)]\n"
            }
        }
        if !decision.advice.isEmpty {
            out += "\n\(labels.advice)\n"
            for finding in decision.advice {
                out += item("!", finding)
                if let remedy = finding.remedy { out += "      → \(remedy.text(in: language))\n" }
            }
        }
        if !decision.remedies.isEmpty {
            out += "\n\(labels.whatToDo)\n"
            for remedy in decision.remedies { out += "  → \(remedy.text(in: language))\n" }
        }
        if !decision.unknownFacts.isEmpty {
            // Only the request's facts are ever unknown here: each is a question for the requester.
            let wording = UseWording(language: language)
            out += "\n\(labels.toSettle) : \(decision.unknownFacts.joined(separator: ", "))\n"
            for fact in decision.unknownFacts { out += "  ? \(wording.question(for: fact, in: nil))\n" }
        }
        return out
    }

    /// `REFUSÉ — Zoom (zoom) · solution tolérée`.
    package func headline(_ decision: Decision) -> String {
        let tool = decision.tool.name.map { "\($0) (\(decision.tool.id ?? ""))" } ?? "« \(decision.tool.query) »"
        return "\(labels.verdict(decision.verdict)) — \(tool) · \(labels.standing(decision.tool.standing))"
    }

    /// The first sentence of a message, at most about 110 characters.
    package static func firstSentence(_ text: String) -> String {
        var sentence = text
        if let end = text.range(of: ". ") ?? text.range(of: " : ") { sentence = String(text[..<end.lowerBound]) + "…" }
        return sentence.count > 110 ? String(sentence.prefix(108)) + "…" : sentence
    }

    private func item(_ mark: String, _ finding: Decision.Finding, prefix: String = "") -> String {
        var out = "  \(mark) \(prefix)\(finding.message.text(in: language)) [\(finding.rule)]\n"
        for citation in finding.citations {
            out += "      ↳ \(citation.document), « \(citation.section) »\n"
        }
        return out
    }
}
