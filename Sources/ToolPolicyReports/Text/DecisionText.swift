import ToolPolicy

/// Renders a decision's ``DecisionPresentation`` for a terminal, for a person to read in
/// five seconds: verdict first, then why, then what to do, then the questions left; the
/// rule ids and the policy's digest on a last "details" line, for the rules' authors.
package struct DecisionText: Sendable {
    /// How the text is laid out on the terminal.
    package var style: TerminalStyle

    /// A renderer with a terminal style (plain, unwrapped, by default).
    package init(style: TerminalStyle = .plain) { self.style = style }

    /// The whole decision as text, ending with a newline.
    package func render(_ decision: DecisionPresentation) -> String {
        let labels = Labels(language: decision.language)
        var out = style.verdict(decision.verdictWords, decision.verdict) + " — \(decision.tool) · \(decision.standing)\n"
        out += style.wrap(decision.answer, indent: "  ")
        section(labels.why, decision.reasons, into: &out, labels: labels)
        section(labels.conditions, decision.conditions, into: &out, labels: labels)
        section(labels.deniedIf, decision.deniedIf, mark: "✗", into: &out, labels: labels)
        section(labels.advice, decision.advice, mark: "!", into: &out, labels: labels)
        if !decision.whatToDo.isEmpty {
            out += "\n\(labels.whatToDo)\n"
            for remedy in decision.whatToDo { out += style.wrap("→ " + remedy, indent: "  ", hanging: "    ") }
        }
        for (title, ways) in [(labels.waysToComply, decision.waysToComply), (labels.schoolWaysToComply, decision.schoolWaysToComply)] where !ways.isEmpty {
            out += "\n\(title)\n"
            for way in ways { out += style.wrap("→ " + way, indent: "  ", hanging: "    ") }
        }
        if !decision.questions.isEmpty {
            out += "\n\(labels.questions)\n"
            for question in decision.questions { out += style.wrap("? " + question, indent: "  ", hanging: "    ") }
        }
        out += "\n" + style.dim("\(labels.details)\(labels.colon)\(decision.details)") + "\n"
        return out
    }

    private func section(
        _ title: String, _ findings: [DecisionPresentation.Finding], mark: String = "•", into out: inout String, labels: Labels
    ) {
        guard !findings.isEmpty else { return }
        out += "\n\(title)\n"
        for finding in findings {
            let symbol = switch finding.status {
            case .met?: "✓"
            case .toCheck?: "?"
            case nil: mark
            }
            out += style.wrap("\(symbol) \(finding.text)", indent: "  ", hanging: "    ")
            for source in finding.sources { out += style.wrap("↳ " + source, indent: "      ", hanging: "        ") }
            if let remedy = finding.remedy, mark == "!" { out += style.wrap("→ " + remedy, indent: "      ", hanging: "        ") }
        }
    }
}
