import ToolPolicy
import ToolPolicyReports

/// The helpdesk page: a plain HTML form (no script, no external asset) and, after a
/// submission, the verdict, the reasons with their citations, the conditions, the advice,
/// what would make the use compliant, and the reply to send. Every value that comes from
/// the request or the rules is escaped.
struct HelpdeskPage {
    /// What a submission gave.
    enum Outcome {
        /// A decision and the reply letter for it.
        case decision(Decision, reply: String)
        /// Why the request could not be checked.
        case problems([String])
        /// The tool's name is a near miss of listed tools: a choice among them.
        case nearMiss(String, [CatalogTool])
    }

    let policy: Policy
    /// The profiles a request may name, in order; the one shown is `policy`'s.
    var profiles: [String] = []
    let language: Language
    let form: FormFields
    let outcome: Outcome?

    private var text: PageText { PageText(language: language) }
    private var labels: Labels { Labels(language: language) }
    private var wording: UseWording { UseWording(language: language) }

    /// The whole page.
    func render() -> String {
        let other = text.otherLanguage
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(titleLine))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <a class="skip" href="#formulaire">\(language == .fr ? "Aller au formulaire" : "Skip to the form")</a>
        <header><p class="lang"><a href="\(other.href)" lang="\(other.lang)" hreflang="\(other.lang)">\(other.label)</a></p>
        <h1>\(HTML.escape(text.title))</h1>
        <p class="policy">\(HTML.escape(text.policy))\(text.colon)\(HTML.escape(policy.profileName)) · \(HTML.escape(String(policy.digest.prefix(19))))…</p></header>
        <main>
        \(outcomeSection)
        \(formSection)
        </main>
        </body>
        </html>

        """
    }

    private var titleLine: String {
        guard case .decision(let decision, _) = outcome else { return text.title }
        return "\(labels.verdict(decision.verdict)) — \(decision.tool.name ?? decision.tool.query) · toolpolicy"
    }

    // MARK: The result

    private var outcomeSection: String {
        switch outcome {
        case nil: ""
        case .problems(let problems):
            """
            <section id="resultat" class="problems" role="alert" aria-labelledby="resultat-titre">
            <h2 id="resultat-titre">\(HTML.escape(text.errorTitle))</h2>
            <ul>\(problems.map { "<li>\(HTML.escape($0))</li>" }.joined())</ul>
            </section>
            """
        case .nearMiss(let asked, let candidates):
            nearMissSection(asked, candidates)
        case .decision(let decision, let reply):
            decisionSection(decision) + replySection(reply)
        }
    }

    /// "Did you mean …?": one button per candidate, each re-posting the whole request with
    /// that tool, so the choice needs no script.
    private func nearMissSection(_ asked: String, _ candidates: [CatalogTool]) -> String {
        let kept = form.pairs.filter { $0.name != "tool" }.map {
            "<input type=\"hidden\" name=\"\(HTML.escape($0.name))\" value=\"\(HTML.escape($0.value))\">"
        }.joined()
        let buttons = candidates.map {
            "<button type=\"submit\" name=\"tool\" value=\"\(HTML.escape($0.id))\">\(HTML.escape($0.name))</button>"
        }.joined(separator: " ")
        return """
        <section id="resultat" class="problems" role="alert" aria-labelledby="resultat-titre">
        <h2 id="resultat-titre">\(HTML.escape(text.didYouMean(asked)))</h2>
        <form method="post" action="/#resultat">\(kept)<p>\(buttons)</p></form>
        </section>
        """
    }

    private func decisionSection(_ decision: Decision) -> String {
        let tool = decision.tool.name.map { "\($0) (\(decision.tool.id ?? ""))" } ?? "« \(decision.tool.query) »"
        var out = """
        <section id="resultat" aria-labelledby="resultat-titre">
        <h2 id="resultat-titre">\(HTML.escape(text.result))</h2>
        <p class="verdict verdict-\(decision.verdict.rawValue)" role="status"><strong>\(HTML.escape(labels.verdict(decision.verdict)))</strong> — \(HTML.escape(tool)) · \(HTML.escape(labels.standing(decision.tool.standing)))</p>
        """
        let use = wording.lines(for: decision.use, in: policy)
        if !use.isEmpty { out += "<ul class=\"use\">" + use.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>" }
        out += findings(text.why, decision.reasons)
        out += findings(text.conditions, decision.conditions.filter { $0.effect != .forbid }, status: true)
        out += findings(text.deniedIf, decision.conditions.filter { $0.effect == .forbid })
        out += findings(text.advice, decision.advice)
        if !decision.remedies.isEmpty {
            out += "<h3>\(HTML.escape(text.whatToDo))</h3><ul>" + decision.remedies.map { "<li>\(HTML.escape($0.text(in: language)))</li>" }.joined() + "</ul>"
        }
        if !decision.unknownFacts.isEmpty {
            out += "<p><strong>\(HTML.escape(text.unknownFacts))</strong>\(text.colon)\(HTML.escape(decision.unknownFacts.joined(separator: ", ")))</p>"
        }
        return out + "</section>\n"
    }

    private func findings(_ title: String, _ findings: [Decision.Finding], status: Bool = false) -> String {
        guard !findings.isEmpty else { return "" }
        let items = findings.map { finding in
            let mark = status ? " <em>(\(HTML.escape(finding.status == .met ? text.met : text.toCheck)))</em>" : ""
            let citations = finding.citations.map { citation in
                "<li>\(HTML.escape(text.source))\(text.colon)\(HTML.escape(citation.document)), « \(HTML.escape(citation.section)) »</li>"
            }.joined()
            return "<li><p>\(HTML.escape(finding.message.text(in: language)))\(mark) <code>\(HTML.escape(finding.rule))</code></p>"
                + (citations.isEmpty ? "" : "<ul class=\"citations\">\(citations)</ul>") + "</li>"
        }
        return "<h3>\(HTML.escape(title))</h3><ul class=\"findings\">\(items.joined())</ul>"
    }

    private func replySection(_ reply: String) -> String {
        """
        <section aria-labelledby="reponse-titre">
        <h2 id="reponse-titre">\(HTML.escape(text.reply))</h2>
        <p id="reponse-aide">\(HTML.escape(text.replyHelp))</p>
        <textarea id="reponse" readonly rows="18" aria-labelledby="reponse-titre" aria-describedby="reponse-aide" lang="fr">\(HTML.escape(reply))</textarea>
        </section>

        """
    }

    // MARK: The form

    private var formSection: String {
        let tools = policy.tools.map { "<option value=\"\(HTML.escape($0.name))\"></option>" }.joined()
        return """
        <section id="formulaire" aria-labelledby="formulaire-titre">
        <h2 id="formulaire-titre">\(HTML.escape(text.formTitle))</h2>
        <p>\(HTML.escape(text.intro))</p>
        <form method="post" action="/#resultat">
        <input type="hidden" name="lang" value="\(language.rawValue)">
        \(profileField)
        <p><label for="tool">\(HTML.escape(text.tool))</label>
        <input id="tool" name="tool" list="tools" required autocomplete="off" aria-describedby="tool-aide" value="\(HTML.escape(form.value("tool") ?? ""))">
        <datalist id="tools">\(tools)</datalist>
        <span id="tool-aide" class="help">\(HTML.escape(text.toolHelp))</span></p>
        <fieldset><legend>\(HTML.escape(text.useLegend))</legend>
        \(policy.useFacts.map(field).joined(separator: "\n"))
        </fieldset>
        <fieldset><legend>\(HTML.escape(text.replyLegend))</legend>
        <p><label for="requester">\(HTML.escape(text.requester))</label>
        <input id="requester" name="requester" autocomplete="off" maxlength="80" value="\(HTML.escape(form.value("requester") ?? ""))"></p>
        <p><label for="signature">\(HTML.escape(text.signature))</label>
        <input id="signature" name="signature" maxlength="80" value="\(HTML.escape(form.value("signature") ?? ""))"></p>
        <p><label for="date">\(HTML.escape(text.date))</label>
        <input id="date" name="date" type="date" value="\(HTML.escape(form.value("date") ?? ""))"></p>
        </fieldset>
        <p><button type="submit">\(HTML.escape(text.submit))</button></p>
        </form>
        </section>
        """
    }

    /// The academy whose rules answer, when the server serves several.
    private var profileField: String {
        guard profiles.count > 1 else { return "" }
        let options = profiles.map {
            "<option value=\"\(HTML.escape($0))\"\($0 == policy.profileName ? " selected" : "")>\(HTML.escape($0))</option>"
        }.joined()
        return "<p><label for=\"profile\">\(HTML.escape(text.profile))</label> <select id=\"profile\" name=\"profile\">\(options)</select></p>"
    }

    /// One input for a use fact, chosen by its type.
    private func field(_ fact: FactDeclaration) -> String {
        let name = "use." + fact.name
        let id = "f-" + fact.name
        let label = HTML.escape(wording.label(of: fact))
        switch fact.type {
        case .setOf(let values):
            let chosen = Set(form.values(name))
            let boxes = values.enumerated().map { index, value in
                "<label class=\"check\"><input type=\"checkbox\" id=\"\(id)-\(index)\" name=\"\(name)\" value=\"\(HTML.escape(value))\"\(chosen.contains(value) ? " checked" : "")> \(HTML.escape(wording.label(of: value)))</label>"
            }.joined(separator: " ")
            return "<fieldset class=\"set\"><legend>\(label)</legend>\(boxes)</fieldset>"
        case .oneOf(let values):
            return select(id: id, name: name, label: label, options: values.map { ($0, wording.label(of: $0)) })
        case .bool:
            return select(id: id, name: name, label: label, options: [("true", text.yes), ("false", text.no)])
        case .integer:
            return "<p><label for=\"\(id)\">\(label)</label> <input id=\"\(id)\" name=\"\(name)\" type=\"number\" min=\"0\" step=\"1\" inputmode=\"numeric\" value=\"\(HTML.escape(form.value(name) ?? ""))\"></p>"
        case .date:
            return "<p><label for=\"\(id)\">\(label)</label> <input id=\"\(id)\" name=\"\(name)\" type=\"date\" value=\"\(HTML.escape(form.value(name) ?? ""))\"></p>"
        case .string:
            return "<p><label for=\"\(id)\">\(label)</label> <input id=\"\(id)\" name=\"\(name)\" value=\"\(HTML.escape(form.value(name) ?? ""))\"></p>"
        }
    }

    private func select(id: String, name: String, label: String, options: [(value: String, label: String)]) -> String {
        let current = form.value(name)
        let items = [("", text.unknown)] + options
        let rendered = items.map { option in
            "<option value=\"\(HTML.escape(option.0))\"\(option.0 == (current ?? "") ? " selected" : "")>\(HTML.escape(option.1))</option>"
        }.joined()
        return "<p><label for=\"\(id)\">\(label)</label> <select id=\"\(id)\" name=\"\(name)\">\(rendered)</select></p>"
    }

    /// The page's only style: system fonts, contrast above 7:1 for text, visible focus.
    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff;line-height:1.5}
    h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem;margin-bottom:.25rem}
    a{color:#0b3d91}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
    .lang{float:right;margin:0}.policy,.help{color:#3a3a3a;font-size:.9rem}.help{display:block}
    label,legend{font-weight:600}label:not(.check){display:block;margin-bottom:.15rem}.check{font-weight:400;margin-right:1rem;white-space:nowrap}
    input,select,button,textarea{font:inherit;padding:.35rem;border:1px solid #595959;border-radius:4px}
    input:not([type=checkbox]),select{min-width:16rem}textarea{width:100%;box-sizing:border-box;font-family:ui-monospace,monospace;font-size:.9rem}
    fieldset{border:1px solid #b0b0b0;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}fieldset.set{border:none;padding:0;margin:.5rem 0}
    button{background:#0b3d91;color:#fff;border-color:#0b3d91;padding:.5rem 1.5rem;cursor:pointer}
    :focus-visible{outline:3px solid #c45500;outline-offset:2px}
    .verdict{font-size:1.15rem;padding:.75rem 1rem;border-left:.5rem solid;border-radius:4px}
    .verdict-allowed{background:#e3f4e6;border-color:#1e6b2e}.verdict-conditional{background:#fff4d6;border-color:#8a5a00}
    .verdict-denied{background:#fbe3e3;border-color:#a4161a}.verdict-review{background:#e6ecf8;border-color:#0b3d91}
    .problems{background:#fbe3e3;border-left:.5rem solid #a4161a;padding:.5rem 1rem}
    .citations{font-size:.9rem;color:#3a3a3a}code{font-size:.8rem;color:#4a4a4a}
    """
}
