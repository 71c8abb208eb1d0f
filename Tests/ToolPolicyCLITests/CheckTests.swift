import Foundation
import Testing
import ToolPolicy

/// One case of the domain table (`/work/shared/domain.md`, "Cases the sources decide"), as
/// `toolpolicy check` arguments and the answer the shipped rules (profile rennes) give.
struct DomainCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var verdict: Verdict
    /// The rule ids of `reasons`, in order.
    var reasons: [String]
    /// Rule ids expected among `conditions`, with their status.
    var conditions: [String: Decision.Finding.Status] = [:]
    /// The rule ids of `advice`, exactly (nil: not checked).
    var advice: [String]? = nil
    /// A source file the text output must cite.
    var citation: String
    var exitCode: Int32

    var testDescription: String { name }

    /// The French verdict word that opens the text output.
    var frenchWord: String {
        switch verdict {
        case .allowed: "AUTORISÉ"
        case .conditional: "AUTORISÉ SOUS CONDITIONS"
        case .denied: "REFUSÉ"
        case .review: "À EXAMINER"
        }
    }

    var englishWord: String {
        switch verdict {
        case .allowed: "ALLOWED"
        case .conditional: "CONDITIONAL"
        case .denied: "DENIED"
        case .review: "REVIEW"
        }
    }
}

enum SourceDocuments {
    /// The seeds, as outputs name them: by the title and issuer `Rules/national/documents.rules` declares.
    static let rennes = "Cadre de référence de la visio-conférence (académie de Rennes)"
    static let orleansTours = "Enseigner les SES à distance (groupe de formateurs de sciences économiques et sociales, académie d'Orléans-Tours)"
    static let poitiers = "Outils pour la continuité pédagogique (espace pédagogique de l'académie de Poitiers)"
    static let dne = "TICE Actu, spécial animation de classes virtuelles (circonscription de Sélestat, académie de Strasbourg)"
}

let domainCases: [DomainCase] = [
    DomainCase(
        name: "Zoom in a browser, pedagogical computer, no accounts, meeting with parents",
        arguments: ["zoom", "--mode", "web", "--computer", "pedagogical", "--accounts", "none",
                    "--audience", "external", "--purpose", "external-meeting", "--no-recorded"],
        verdict: .allowed, reasons: ["rennes-tolerated-web"],
        conditions: ["rennes-tolerated-browser-only": .met, "rennes-tolerated-no-account": .met],
        advice: ["rennes-tolerated-no-support"], citation: SourceDocuments.rennes, exitCode: 0
    ),
    DomainCase(
        name: "Zoom, nothing said about the use",
        arguments: ["zoom"],
        verdict: .conditional, reasons: ["rennes-tolerated-web"],
        conditions: ["rennes-tolerated-browser-only": .unknown, "rennes-tolerated-no-account": .unknown],
        citation: SourceDocuments.rennes, exitCode: 0
    ),
    DomainCase(
        name: "Zoom client installed on an administrative computer",
        arguments: ["zoom", "--mode", "install", "--computer", "administrative"],
        verdict: .denied, reasons: ["rennes-no-install-on-school-computers", "rennes-tolerated-browser-only"],
        citation: SourceDocuments.rennes, exitCode: 1
    ),
    DomainCase(
        name: "Teams web where pupils must create accounts",
        arguments: ["teams", "--mode", "web", "--accounts", "pupils"],
        verdict: .denied, reasons: ["rennes-tolerated-no-account"],
        citation: SourceDocuments.rennes, exitCode: 1
    ),
    DomainCase(
        name: "Skype installed on a pedagogical computer",
        arguments: ["skype", "--mode", "install", "--computer", "pedagogical"],
        verdict: .denied, reasons: ["rennes-no-install-on-school-computers"],
        citation: SourceDocuments.rennes, exitCode: 1
    ),
    DomainCase(
        name: "BigBlueButton visio-agents installed, staff meeting",
        arguments: ["bbb-visio-agents", "--mode", "install", "--computer", "pedagogical", "--accounts", "none",
                    "--audience", "staff", "--purpose", "staff-meeting", "--no-recorded"],
        verdict: .allowed, reasons: ["national-institutional-offer", "rennes-institutional-offer"],
        advice: [], citation: SourceDocuments.dne, exitCode: 0
    ),
    DomainCase(
        name: "BigBlueButton visio-agents in a browser, staff meeting",
        arguments: ["bbb-visio-agents", "--mode", "web", "--computer", "administrative", "--accounts", "none",
                    "--audience", "staff", "--purpose", "staff-meeting", "--no-recorded"],
        verdict: .allowed, reasons: ["national-institutional-offer", "rennes-institutional-offer"],
        advice: [], citation: SourceDocuments.rennes, exitCode: 0
    ),
    DomainCase(
        name: "CNED virtual class with pupils, waiting room off",
        arguments: ["cned", "--audience", "pupils", "--purpose", "class", "--mode", "web", "--accounts", "staff",
                    "--no-recorded", "--fact", "waiting_room=false"],
        verdict: .allowed, reasons: ["national-institutional-offer", "rennes-institutional-offer"],
        advice: ["national-cned-waiting-room", "national-cned-teacher-account"], citation: SourceDocuments.poitiers, exitCode: 0
    ),
    DomainCase(
        name: "Discord with pupils",
        arguments: ["discord", "--audience", "pupils"],
        verdict: .denied, reasons: ["national-no-monetised-data-with-pupils", "national-personal-use-only"],
        citation: SourceDocuments.orleansTours, exitCode: 1
    ),
    DomainCase(
        name: "Recording a virtual class with pupils",
        arguments: ["cned", "--mode", "web", "--audience", "pupils", "--purpose", "class", "--recorded"],
        verdict: .denied, reasons: ["national-no-recording-of-classes"],
        citation: SourceDocuments.orleansTours, exitCode: 1
    ),
    DomainCase(
        name: "Recording a class with pupils on an institutional BigBlueButton",
        arguments: ["bbb-visio-agents", "--mode", "web", "--audience", "pupils", "--purpose", "class", "--recorded"],
        // visio-agents is also « entre enseignants uniquement » (003).
        verdict: .denied, reasons: ["national-no-recording-of-classes", "national-reserved-audience"],
        citation: SourceDocuments.orleansTours, exitCode: 1
    ),
    DomainCase(
        name: "A tool nobody has listed",
        arguments: ["jitsi"],
        verdict: .review, reasons: ["rennes-unlisted-tool"],
        citation: SourceDocuments.rennes, exitCode: 2
    ),
]

@Suite("toolpolicy check")
struct CheckTests {
    static let date = "2026-03-02"

    @Test("JSON decision", arguments: domainCases)
    func jsonDecision(_ domainCase: DomainCase) throws {
        let result = try CLI.run(policy: ["check"] + domainCase.arguments + ["--format", "json", "--date", Self.date])
        #expect(result.status == domainCase.exitCode, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: result)
        #expect(decision.verdict == domainCase.verdict)
        #expect(decision.reasons.map(\.rule) == domainCase.reasons)
        for (rule, status) in domainCase.conditions {
            let found = decision.conditions.first { $0.rule == rule }
            #expect(found?.status == status, "condition \(rule): \(decision.conditions.map { "\($0.rule)=\($0.status)" })")
        }
        if let advice = domainCase.advice {
            #expect(decision.advice.map(\.rule) == advice)
        }
        #expect(decision.date == Self.date)
        #expect(decision.policy.profile == "rennes")
        #expect(decision.policy.name == "national")
        #expect(decision.policy.digest.hasPrefix("sha256:") && decision.policy.digest.count == 7 + 64)
        // Every rule-backed finding carries a citation; built-in ones are the only exceptions.
        for finding in decision.reasons + decision.conditions + decision.advice where finding.rule != "no-permit" {
            #expect(!finding.citations.isEmpty, "\(finding.rule) has no citation")
        }
        switch decision.verdict {
        case .denied, .review:
            #expect(decision.conditions.isEmpty, "a denial or a review lists no conditions")
        case .allowed:
            #expect(decision.conditions.allSatisfy { $0.status == .met }, "allowed: only met reminders")
            #expect(decision.unknownFacts.isEmpty)
        case .conditional:
            #expect(decision.conditions.contains { $0.status == .unknown })
            #expect(!decision.unknownFacts.isEmpty)
        }
    }

    @Test("Text decision: verdict word first, a citation, exit code", arguments: domainCases)
    func textDecision(_ domainCase: DomainCase) throws {
        let result = try CLI.run(policy: ["check"] + domainCase.arguments + ["--date", Self.date])
        #expect(result.status == domainCase.exitCode, "\(result)")
        let first = try #require(result.stdoutLines.first)
        #expect(first.hasPrefix(domainCase.frenchWord + " — "), "first line: \(first)")
        #expect(result.stdout.contains(domainCase.citation), "\(result)")
        // The author's details line names the profile, the digest and the rules that decided.
        let details = try #require(result.stdoutLines.last { $0.hasPrefix("Détails : profil rennes · ") }, "\(result)")
        #expect(details.contains("sha256:"))
        for rule in domainCase.reasons {
            #expect(details.contains(rule), "reason \(rule) not named")
        }
        #expect(result.stdout.contains("Pourquoi"))
    }

    @Test("--lang en gives English verdict words", arguments: domainCases)
    func englishText(_ domainCase: DomainCase) throws {
        let result = try CLI.run(policy: ["check"] + domainCase.arguments + ["--lang", "en", "--date", Self.date])
        #expect(result.status == domainCase.exitCode, "\(result)")
        let first = try #require(result.stdoutLines.first)
        #expect(first.hasPrefix(domainCase.englishWord + " — "), "first line: \(first)")
        #expect(result.stdout.contains("profile rennes"))
        #expect(!result.stdout.contains("Pourquoi"))
        #expect(result.stdout.contains(domainCase.citation))
    }

    @Test func conditionalZoomNamesTheTwoRequirementsAndWhatToSettle() throws {
        let result = try CLI.run(policy: ["check", "zoom", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: result)
        let requirements = decision.conditions.filter { $0.effect == .require }
        #expect(Set(requirements.map(\.rule)) == ["rennes-tolerated-browser-only", "rennes-tolerated-no-account"])
        #expect(requirements.allSatisfy { $0.status == .unknown })
        #expect(decision.unknownFacts.contains("use.mode"))
        #expect(decision.unknownFacts.contains("use.accounts"))
        #expect(decision.tool.id == "zoom")
        #expect(decision.tool.standing == .tolerated)
        #expect(!decision.remedies.isEmpty)

        let text = try CLI.run(policy: ["check", "zoom"])
        #expect(text.stdout.contains("Conditions"))
        #expect(text.stdout.contains("? "))
        // The rules are named on the author's details line; the questions are the facts' own.
        let details = try #require(text.stdout.split(separator: "\n").last { $0.hasPrefix("Détails : ") })
        #expect(details.contains("rennes-tolerated-browser-only") && details.contains("rennes-tolerated-no-account"))
        #expect(text.stdout.contains("\nÀ préciser\n"))
        #expect(text.stdout.contains("? Qui devra se créer un compte : personne, des personnels, des élèves, des extérieurs ?"))
    }

    /// A staff meeting does not say pupils are absent: the recording ban stays open, and
    /// so does visio-agents' teachers-only audience (003).
    @Test func staffMeetingAloneIsConditionalOnTheRecordingBan() throws {
        let result = try CLI.run(policy: ["check", "bbb-visio-agents", "--purpose", "staff-meeting", "--mode", "install", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: result)
        #expect(decision.verdict == .conditional)
        #expect(decision.conditions.map(\.rule) == ["national-no-recording-of-classes", "national-reserved-audience"])
        #expect(decision.unknownFacts == ["use.audience", "use.recorded"])
    }

    /// Issue 9, pattern 8: a near miss of a listed tool is a typing mistake, not an
    /// unlisted tool: exit 64 with the suggestion, no AMIGO letter.
    @Test(arguments: [("zom", "Zoom (zoom)"), ("tems", "Microsoft Teams (teams)"), ("Microsoft Team", "Microsoft Teams (teams)")])
    func aNearMissIsAskedNotReviewed(_ name: String, _ suggestion: String) throws {
        let result = try CLI.run(policy: ["check", name, "--lang", "en"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("did you mean \(suggestion)?"), "\(result)")
        let french = try CLI.run(policy: ["check", name])
        #expect(french.stderr.hasPrefix("erreur : « \(name) » n'est pas dans le catalogue"), "\(french)")
        #expect(result.stdout.isEmpty)
    }

    /// A name far from every listed tool is unlisted: the review (exit 2).
    @Test func aFarNameIsStillUnlisted() throws {
        #expect(try CLI.run(policy: ["check", "jitsi"]).status == 2)
        #expect(try CLI.run(policy: ["check", "Classe virtuelle du CNED"]).status == 0)
    }

    @Test(arguments: ["Zoom", "zoom web", "ZOOM-WEB", "Zoom_Meetings", "zôom"])
    func toolResolvesByNameAndAlias(_ name: String) throws {
        let result = try CLI.run(policy: ["check", name, "--format", "json"])
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: result)
        #expect(decision.tool.id == "zoom")
        #expect(decision.tool.query == name)
    }

    @Test func unlistedToolTextQuotesTheQuery() throws {
        let result = try CLI.run(policy: ["check", "jitsi"])
        #expect(result.status == 2)
        #expect(result.stdoutLines.first == "À EXAMINER — « jitsi » · outil non référencé")
        #expect(result.stdout.contains("AMIGO"))
    }

    @Test func profileChangesTheAnswer() throws {
        let result = try CLI.run(policy: ["check", "zoom", "--profile", "poitiers", "--format", "json"])
        #expect(result.status == 2, "\(result)")
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: result)
        #expect(decision.verdict == .review)
        #expect(decision.policy.profile == "poitiers")
        #expect(decision.tool.standing == .unclassified)
    }

    @Test func dateDefaultsToToday() throws {
        let result = try CLI.run(policy: ["check", "zoom", "--format", "json"])
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: result)
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        let today = CivilDate(days: Int64(days)).description
        let yesterday = CivilDate(days: Int64(days - 1)).description  // the run may cross midnight
        #expect(decision.date == today || decision.date == yesterday)
    }
}

@Suite("Finding the policy")
struct PolicyDiscoveryTests {
    @Test func rulesFoundFromThePackageRoot() throws {
        let explicit = try CLI.run(policy: ["check", "zoom", "--format", "json"])
        let found = try CLI.run(["check", "zoom", "--format", "json"], in: CLI.packageRoot)
        #expect(found.status == 0, "\(found)")
        let a = try JSONDecoder.decode(DecisionDocument.self, from: explicit)
        let b = try JSONDecoder.decode(DecisionDocument.self, from: found)
        #expect(a.policy == b.policy)
        #expect(b.verdict == .conditional)
    }

    @Test func rulesFoundUpwardFromASubfolder() throws {
        let folder = CLI.packageRoot.appendingPathComponent("Sources/ToolPolicyCLI/Commands")
        let found = try CLI.run(["check", "discord", "--audience", "pupils", "--format", "json"], in: folder)
        #expect(found.status == 1, "\(found)")
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: found)
        #expect(decision.verdict == .denied)
    }

    @Test func environmentVariableNamesTheRules() throws {
        let folder = try TemporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["TOOLPOLICY_RULES"] = CLI.rules
        let result = try CLI.run(["check", "teams", "--mode", "web", "--accounts", "pupils", "--format", "json"],
                                 in: folder.url, environment: environment)
        #expect(result.status == 1, "\(result)")
        let decision = try JSONDecoder.decode(DecisionDocument.self, from: result)
        #expect(decision.reasons.map(\.rule) == ["rennes-tolerated-no-account"])

        let tools = try CLI.run(["tools", "--format", "json"], in: folder.url, environment: environment)
        #expect(tools.status == 0, "\(tools)")
    }

    @Test func noRulesAnywhereIsBadInput() throws {
        let folder = try TemporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TOOLPOLICY_RULES")
        let result = try CLI.run(["check", "zoom"], in: folder.url, environment: environment)
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error[TP3"), "\(result)")
    }

    @Test func explicitPolicyWinsOverTheEnvironment() throws {
        let folder = try TemporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["TOOLPOLICY_RULES"] = folder.url.appendingPathComponent("nothing-here").path
        let result = try CLI.run(["check", "zoom", "--policy", CLI.rules], in: folder.url, environment: environment)
        #expect(result.status == 0, "\(result)")
    }
}
