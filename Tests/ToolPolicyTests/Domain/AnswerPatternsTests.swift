import Testing
@testable import ToolPolicy

/// The passage of a seed a case is written from: file, section and a short quote.
struct SeedPassage: Sendable, CustomStringConvertible {
    var file: String
    var section: String
    var quote: String
    var description: String { "\(file), « \(section) »: « \(quote) »" }
}

/// A domain case written from one passage of the seeds (issue 9's patterns).
struct SeedCase: Sendable, CustomTestStringConvertible {
    var passage: SeedPassage
    var row: DomainCase
    var testDescription: String { row.testDescription }
}

private let dne = "000_73b304aa993aa93b.txt"
private let orleansTours = "002_b45da4c65d91f1a2.txt"
private let rennes = "003_1529c0f0d921ea53.txt"
private let poitiers = "004_6e7d329b4362b8a8.txt"
private let profiles = TestPolicies.shippedProfiles

// The passages the cases come from.
private let webTolerated = SeedPassage(
    file: rennes, section: "Cas de l’utilisation des interfaces Web des solutions de visio-conférence du marché",
    quote: "Elles sont donc tolérées à condition de ne pas faire créer de comptes aux élèves et enseignants")
private let privacy = SeedPassage(
    file: rennes, section: "1. Vie Privée",
    quote: "il est obligatoire que le chef d’établissement établisse un contrat de sous-traitance de données")
private let agentsOnly = SeedPassage(
    file: rennes, section: "Solutions de classe virtuelle",
    quote: "une salle d'attente paramétrée par défaut entre enseignants uniquement")
private let agentsMeetings = SeedPassage(
    file: dne, section: "Plusieurs outils pour se réunir et collaborer",
    quote: "les agents peuvent utiliser la solution de classe virtuelle Via, les systèmes de conférences Renavisio, Scaleway et OVHCloud")
private let betweenTeachers = SeedPassage(
    file: poitiers, section: "Visio conférence et classe virtuelle",
    quote: "Pour les échanges entre enseignants nous vous invitons à utiliser RENATER-Rendez-vous ou VIA")
private let toleratedInstall = SeedPassage(
    file: rennes, section: "SOLUTIONS TOLÉRÉES",
    quote: "L'installation de ces outils est interdite sur les ordinateurs administratifs, comme sur les ordinateurs pédagogiques")
private let amigo = SeedPassage(
    file: rennes, section: "APPLICATION DE LA POLITIQUE DE SÉCURITÉ",
    quote: "les besoins de solutions de visio-conférence non listés dans ce document doivent faire l’objet d’une demande via la plateforme d’assistance AMIGO")
private let ien = SeedPassage(
    file: poitiers, section: "Autres outils internet de communication",
    quote: "Demandez l’avis de votre conseiller/référent numérique et l’aval de votre IEN")
private let rule2 = SeedPassage(
    file: rennes, section: "2. Système d’Information",
    quote: "Sur les ordinateurs administratifs, il est interdit d’installer les applications des solutions de visio-conférence")
private let viaCouncilPoitiers = SeedPassage(
    file: poitiers, section: "Visio conférence et classe virtuelle",
    quote: "VIA est plus approprié pour un conseil d’école car il permet le sondage/vote")
private let viaCouncilDNE = SeedPassage(
    file: dne, section: "Plusieurs outils pour se réunir et collaborer",
    quote: "s’appuyer sur Via et sur Scaleway pour la tenue des conseils de classe à distance")

/// A class with pupils, in a browser, nobody creating an account, not recorded.
private let pupilsClass: [String: String] = [
    "mode": "web", "computer": "pedagogical", "accounts": "none", "audience": "pupils",
    "purpose": "class", "recorded": "false",
]

@Suite struct AnswerPatternsTests {
    // MARK: 1. Nobody is asked what they cannot know

    static let cases1: [SeedCase] = [
        SeedCase(passage: webTolerated, row: DomainCase(
            label: "Zoom in a browser with pupils, no account, not recorded: allowed, nothing about monetised data",
            profile: "rennes", tool: "zoom", facts: pupilsClass, verdict: .allowed,
            expected: [.reason("rennes-tolerated-web", rennes), .condition("rennes-tolerated-no-account", rennes, .met)],
            absent: ["national-no-monetised-data-with-pupils", "rennes-privacy-contract"], unknownFacts: []
        )),
        SeedCase(passage: webTolerated, row: DomainCase(
            label: "Teams in a browser with parents, no account: allowed",
            profile: "rennes", tool: "teams",
            facts: ["mode": "web", "computer": "administrative", "accounts": "none", "audience": "external",
                    "purpose": "external-meeting", "recorded": "false"],
            verdict: .allowed, expected: [.reason("rennes-tolerated-web", rennes)], unknownFacts: []
        )),
    ]

    @Test(arguments: cases1)
    func pattern1(_ item: SeedCase) throws { try check(item) }

    /// In every profile, for every catalog tool and an unlisted one, with nothing said or
    /// half the use said: no answer puts a tool fact to the requester.
    @Test(arguments: profiles)
    func noAnswerAsksForAToolFact(_ profile: String) throws {
        let policy = try TestPolicies.shipped(profile: profile)
        let uses: [[String: String]] = [[:], ["audience": "pupils"], ["mode": "web", "accounts": "staff"], pupilsClass,
                                         ["mode": "install", "computer": "pedagogical", "audience": "staff"]]
        for tool in policy.tools.map(\.id) + ["jitsi"] {
            for use in uses {
                let decision = try TestPolicies.decide(policy, tool, use)
                #expect(decision.unknownFacts.allSatisfy { $0.hasPrefix("use.") }, "\(profile) \(tool) \(use): \(decision.unknownFacts)")
            }
        }
    }

    @Test func theCatalogGapsNameTheRulesThatReadThem() throws {
        let policy = try TestPolicies.shipped(profile: "rennes")
        let gap = policy.catalogGaps.first { $0.tool == "zoom" && $0.fact == "monetises_data" }
        #expect(gap?.rules == ["national-no-monetised-data-with-pupils"])
        // A gap a constant test settles is none: RENAVISIO's limit is only read for RENAVISIO.
        #expect(!policy.catalogGaps.contains { $0.fact == "max_participants" })
        // Discord's monetised data is known.
        #expect(!policy.catalogGaps.contains { $0.tool == "discord" && $0.fact == "monetises_data" })
    }

    // MARK: 2. A fact belongs to whoever the text says decides it

    static let cases2: [SeedCase] = [
        SeedCase(passage: privacy, row: DomainCase(
            label: "Skype in a browser with staff accounts, the school signed no contract: denied",
            profile: "rennes", tool: "skype",
            facts: ["mode": "web", "computer": "personal", "accounts": "staff", "audience": "staff", "dpa_signed": "false"],
            verdict: .denied, expected: [.reason("rennes-privacy-contract", rennes)]
        )),
        SeedCase(passage: privacy, row: DomainCase(
            label: "Skype in a browser with staff accounts, the school signed a contract: the AMIGO review",
            profile: "rennes", tool: "skype",
            facts: ["mode": "web", "computer": "personal", "accounts": "staff", "audience": "staff", "dpa_signed": "true"],
            verdict: .review, expected: [.reason("rennes-unlisted-tool", rennes)], absent: ["rennes-privacy-contract"]
        )),
        SeedCase(passage: privacy, row: DomainCase(
            label: "Skype with staff accounts, contract not said: the review, and the contract asked",
            profile: "rennes", tool: "skype",
            facts: ["mode": "web", "computer": "personal", "accounts": "staff", "audience": "staff"],
            verdict: .review, expected: [.reason("rennes-unlisted-tool", rennes)]
        )),
    ]

    @Test(arguments: cases2)
    func pattern2(_ item: SeedCase) throws { try check(item) }

    @Test func theContractIsAUseFact() throws {
        let policy = try TestPolicies.shipped(profile: "rennes")
        #expect(policy.fact(named: "use.dpa_signed") != nil)
        #expect(policy.fact(named: "tool.dpa_signed") == nil)
        let decision = try TestPolicies.decide(policy, "zoom", ["mode": "web", "computer": "pedagogical", "accounts": "staff"])
        #expect(!decision.unknownFacts.contains("tool.dpa_signed"))
    }

    // MARK: 3. Audiences the seeds reserve

    static let cases3: [SeedCase] = profiles.flatMap { profile in [
        SeedCase(passage: agentsOnly, row: DomainCase(
            label: "visio-agents with a class of pupils: reserved to teachers, denied",
            profile: profile, tool: "bbb-visio-agents", facts: pupilsClass, verdict: .denied,
            expected: [.reason("national-reserved-audience", rennes)]
        )),
        SeedCase(passage: agentsMeetings, row: DomainCase(
            label: "RENAVISIO with pupils: offered for agents' meetings, advice",
            profile: profile, tool: "renavisio", facts: pupilsClass.merging(["participants": "8"]) { $1 },
            verdict: .allowed, expected: [.advice("national-staff-meeting-tools", dne)]
        )),
        SeedCase(passage: betweenTeachers, row: DomainCase(
            label: "RENATER Rendez-vous with pupils: for exchanges between teachers, advice",
            profile: profile, tool: "renater-rendez-vous", facts: pupilsClass, verdict: .allowed,
            expected: [.advice("national-staff-meeting-tools", poitiers)]
        )),
        SeedCase(passage: agentsMeetings, row: DomainCase(
            label: "Scaleway for a staff meeting: no audience advice",
            profile: profile, tool: "scaleway", facts: ["audience": "staff", "purpose": "staff-meeting", "mode": "web",
                                                        "accounts": "none", "recorded": "false"],
            verdict: .allowed, expected: [], absent: ["national-staff-meeting-tools", "national-reserved-audience"]
        )),
    ] }

    @Test(arguments: cases3)
    func pattern3(_ item: SeedCase) throws { try check(item) }

    @Test func visioAgentsBetweenTeachersStaysAllowedInRennes() throws {
        let policy = try TestPolicies.shipped(profile: "rennes")
        let decision = try TestPolicies.decide(policy, "bbb-visio-agents", ["audience": "staff", "purpose": "staff-meeting",
                                                                            "mode": "web", "accounts": "none", "recorded": "false"])
        #expect(decision.verdict == .allowed)
    }

    // MARK: 4. A rule covers what its text covers

    static let cases4: [SeedCase] = [
        SeedCase(passage: toleratedInstall, row: DomainCase(
            label: "Zoom installed on a personal computer, no account: outside the ban, allowed",
            profile: "rennes", tool: "zoom",
            facts: ["mode": "install", "computer": "personal", "accounts": "none", "audience": "external", "recorded": "false"],
            verdict: .allowed, expected: [.reason("rennes-tolerated-web", rennes)],
            absent: ["rennes-no-install-on-school-computers", "rennes-tolerated-browser-only"], unknownFacts: []
        )),
        SeedCase(passage: toleratedInstall, row: DomainCase(
            label: "Zoom installed on a pedagogical computer: denied",
            profile: "rennes", tool: "zoom", facts: ["mode": "install", "computer": "pedagogical", "accounts": "none"],
            verdict: .denied, expected: [.reason("rennes-no-install-on-school-computers", rennes)]
        )),
        SeedCase(passage: toleratedInstall, row: DomainCase(
            label: "Zoom installed, computer not said: conditional, the computer asked",
            profile: "rennes", tool: "zoom", facts: ["mode": "install", "accounts": "none", "audience": "staff", "recorded": "false"],
            verdict: .conditional, expected: [.condition("rennes-no-install-on-school-computers", rennes, .unknown)],
            unknownFacts: ["use.computer"]
        )),
    ]

    @Test(arguments: cases4)
    func pattern4(_ item: SeedCase) throws { try check(item) }

    // MARK: 5. The unlisted path is the academy's own

    static let cases5: [SeedCase] = [
        SeedCase(passage: amigo, row: DomainCase(
            label: "Jitsi installed on a pedagogical computer: the AMIGO review, not a denial",
            profile: "rennes", tool: "jitsi", facts: ["mode": "install", "computer": "pedagogical"], verdict: .review,
            expected: [.reason("rennes-unlisted-tool", rennes)],
            absent: ["rennes-no-install-on-school-computers", "national-unlisted-tool"]
        )),
        SeedCase(passage: rule2, row: DomainCase(
            label: "Jitsi installed on an administrative computer: the review, with rule 2 said",
            profile: "rennes", tool: "jitsi", facts: ["mode": "install", "computer": "administrative"], verdict: .review,
            expected: [.reason("rennes-unlisted-tool", rennes), .reason("rennes-no-install-on-school-computers", rennes)]
        )),
        SeedCase(passage: amigo, row: DomainCase(
            label: "Jitsi recorded with pupils: reviewed whatever the use",
            profile: "rennes", tool: "jitsi", facts: ["recorded": "true", "audience": "pupils"], verdict: .review,
            expected: [.reason("rennes-unlisted-tool", rennes), .reason("national-no-recording-of-classes", orleansTours)]
        )),
        SeedCase(passage: ien, row: DomainCase(
            label: "Jitsi under Poitiers: the advisor's opinion and the IEN's approval",
            profile: "poitiers", tool: "jitsi", facts: ["mode": "web", "audience": "pupils"], verdict: .review,
            expected: [.reason("poitiers-unlisted-tool", poitiers)], absent: ["national-unlisted-tool"]
        )),
        SeedCase(passage: ien, row: DomainCase(
            label: "Zoom under Poitiers: not in its lists, the IEN path",
            profile: "poitiers", tool: "zoom", facts: pupilsClass, verdict: .review,
            expected: [.reason("poitiers-unlisted-tool", poitiers)], absent: ["national-unclassified-tool"]
        )),
    ] + ["orleans-tours", "strasbourg"].map { profile in
        SeedCase(passage: amigo, row: DomainCase(
            label: "Jitsi where the seed names no path: the neutral review",
            profile: profile, tool: "jitsi", facts: ["mode": "install", "computer": "pedagogical"], verdict: .review,
            expected: [.reason("national-unlisted-tool", rennes)]
        ))
    }

    @Test(arguments: cases5)
    func pattern5(_ item: SeedCase) throws { try check(item) }

    /// No profile but Rennes sends people to Rennes' helpdesk.
    @Test(arguments: profiles)
    func onlyRennesNamesAMIGO(_ profile: String) throws {
        let policy = try TestPolicies.shipped(profile: profile)
        for tool in ["jitsi", "skype", "zoom", "bbb-ent"] {
            let decision = try TestPolicies.decide(policy, tool, ["mode": "web", "audience": "staff"])
            let texts = (decision.reasons + decision.conditions + decision.advice).flatMap { [$0.message.fr, $0.remedy?.fr ?? ""] }
                + decision.remedies.map(\.fr)
            let namesAMIGO = texts.contains { $0.contains("AMIGO") || $0.contains("ac-rennes") }
            if profile == "rennes" {
                if decision.verdict == .review { #expect(namesAMIGO, "\(tool)") }
            } else {
                #expect(!namesAMIGO, "\(profile) \(tool)")
            }
        }
    }

    // MARK: 6. Advice never contradicts the profile's own seed

    static let cases6: [SeedCase] = [
        SeedCase(passage: viaCouncilPoitiers, row: DomainCase(
            label: "VIA for a school council with pupils' and parents' delegates: no 'use the CNED' advice",
            profile: "poitiers", tool: "via",
            facts: ["audience": "pupils,staff,external", "purpose": "council", "mode": "web", "accounts": "none", "recorded": "false"],
            verdict: .allowed, expected: [],
            absent: ["national-via-staff-first", "poitiers-via-for-councils", "national-councils-via-scaleway"]
        )),
        SeedCase(passage: viaCouncilDNE, row: DomainCase(
            label: "VIA for a class council with pupils: no 'with pupils use the CNED' advice",
            profile: "strasbourg", tool: "via",
            facts: ["audience": "pupils,staff", "purpose": "council", "mode": "web", "accounts": "none", "recorded": "false"],
            verdict: .allowed, expected: [],
            absent: ["national-via-staff-first", "strasbourg-cned-with-pupils", "national-councils-via-scaleway"]
        )),
        SeedCase(passage: viaCouncilDNE, row: DomainCase(
            label: "Scaleway for a class council with pupils: no contradicting advice",
            profile: "strasbourg", tool: "scaleway",
            facts: ["audience": "pupils,staff", "purpose": "council", "mode": "web", "accounts": "none", "recorded": "false"],
            verdict: .allowed, expected: [],
            absent: ["strasbourg-cned-with-pupils", "national-staff-meeting-tools", "national-councils-via-scaleway"]
        )),
        SeedCase(passage: viaCouncilDNE, row: DomainCase(
            label: "VIA for a class with pupils: the staff-first advice stays",
            profile: "strasbourg", tool: "via", facts: pupilsClass, verdict: .allowed,
            expected: [.advice("national-via-staff-first", dne), .advice("strasbourg-cned-with-pupils", dne)]
        )),
    ]

    @Test(arguments: cases6)
    func pattern6(_ item: SeedCase) throws { try check(item) }

    // MARK: 7. Every normative passage is encoded, or listed as deliberately not

    static let cases7: [SeedCase] = profiles.map { profile in
        SeedCase(passage: SeedPassage(file: dne, section: "Plusieurs outils pour se réunir et collaborer",
                                      quote: "réunions jusqu’à 10 personnes (soumis à réservation)"), row: DomainCase(
            label: "RENAVISIO: on reservation", profile: profile, tool: "renavisio",
            facts: ["audience": "staff", "purpose": "staff-meeting", "participants": "6"], verdict: .allowed,
            expected: [.advice("national-renavisio-reservation", dne)]
        ))
    } + profiles.map { profile in
        SeedCase(passage: SeedPassage(file: "001_734da41e360d4335.txt", section: "COMMENT CRÉER SA CLASSE VIRTUELLE ?",
                                      quote: "inscrits sous un profil «Enseignants» avec une adresse académique"), row: DomainCase(
            label: "The CNED's class: a teacher's account with an academic address", profile: profile, tool: "cned",
            facts: pupilsClass, verdict: .allowed,
            expected: [.advice("national-cned-teacher-account", "001_734da41e360d4335.txt")]
        ))
    } + [
        SeedCase(passage: SeedPassage(file: rennes, section: "Solutions de classe virtuelle", quote: "Le Cned est la solution de confiance"),
                 row: DomainCase(label: "Zoom for a class with pupils: the CNED is the trusted solution", profile: "rennes",
                                 tool: "zoom", facts: pupilsClass, verdict: .allowed,
                                 expected: [.advice("rennes-cned-trusted", rennes)])),
        SeedCase(passage: SeedPassage(file: orleansTours, section: "Risques de captation d’images/de la voix des ses camarades et/ou de ses enseignants par un élève",
                                      quote: "il n'est pas nécessaire de demander une autorisation aux responsables légaux"),
                 row: DomainCase(label: "The ENT's class with pupils: no parental authorisation needed", profile: "orleans-tours",
                                 tool: "bbb-ent", facts: pupilsClass, verdict: .allowed,
                                 expected: [.advice("orleans-tours-no-parental-authorisation", orleansTours)])),
        SeedCase(passage: SeedPassage(file: poitiers, section: "Voici quelques principes qui président au choix des outils",
                                      quote: "gratuité de l’école, neutralité commerciale, protection des données"),
                 row: DomainCase(label: "Teams under Poitiers: the choice principles beside the review", profile: "poitiers",
                                 tool: "teams", facts: pupilsClass, verdict: .review,
                                 expected: [.reason("poitiers-unlisted-tool", poitiers), .advice("poitiers-choice-principles", poitiers)])),
        SeedCase(passage: SeedPassage(file: dne, section: "Avant", quote: "c’est le lien « élève » qu’il faut envoyer"),
                 row: DomainCase(label: "The CNED's class: send the pupil link", profile: "strasbourg",
                                 tool: "cned", facts: pupilsClass, verdict: .allowed,
                                 expected: [.advice("strasbourg-moderator-before-during", dne)])),
    ]

    @Test(arguments: cases7)
    func pattern7(_ item: SeedCase) throws { try check(item) }

    /// « A fact no rule reads is used or removed »: every tool fact the catalog states is
    /// read by a rule of some profile, or by a classify statement.
    @Test func everyStatedToolFactIsRead() throws {
        var read: Set<String> = ["tool.listing", "tool.national_offer", "tool.monetises_data"]  // classify statements
        var stated: Set<String> = []
        for profile in profiles {
            let policy = try TestPolicies.shipped(profile: profile)
            read.formUnion(policy.rules.flatMap(\.facts))
            stated.formUnion(policy.tools.flatMap { $0.facts.map { "tool." + $0.name } })
        }
        #expect(stated.subtracting(read).isEmpty, "read by no rule: \(stated.subtracting(read).sorted())")
    }

    // MARK: 8. Names people actually type

    @Test(arguments: profiles)
    func namesTheSeedsUseResolve(_ profile: String) throws {
        let policy = try TestPolicies.shipped(profile: profile)
        // 000 « la plateforme du CNED », 002 « Classe virtuelle du CNED ».
        #expect(policy.tool(named: "Classe virtuelle du CNED")?.id == "cned")
        #expect(policy.tool(named: "Ma classe à la maison")?.id == "cned")
    }

    @Test(arguments: [("zom", "zoom"), ("tems", "teams"), ("Microsoft Team", "teams"), ("discrod", "discord")])
    func aNearMissSuggestsTheTool(_ name: String, _ id: String) throws {
        let policy = try TestPolicies.shipped()
        #expect(policy.tool(named: name) == nil)
        #expect(policy.nearMisses(of: name).first?.id == id)
    }

    /// « BigBlueButton » is the ENT's in 002 (Orléans-Tours) and visio-agents in 003
    /// (Rennes): the name is ambiguous, its candidates listed, the profile's preferred first.
    @Test(arguments: [("orleans-tours", "bbb-ent"), ("rennes", "bbb-visio-agents"), ("strasbourg", "bbb-visio-agents")])
    func anAmbiguousNameListsTheProfilesPreferredFirst(_ profile: String, _ first: String) throws {
        let policy = try TestPolicies.shipped(profile: profile)
        #expect(policy.tool(named: "BigBlueButton") == nil)
        let candidates = policy.nearMisses(of: "BigBlueButton").map(\.id)
        #expect(candidates.first == first, "\(candidates)")
        #expect(Set(candidates) == ["bbb-ent", "bbb-visio-agents", "bbb-visio-ecoles"])
    }

    @Test(arguments: ["jitsi", "webex", "Jitsi Meet", "zoomzoom", "Skype for Business"])
    func aFarNameIsNoNearMiss(_ name: String) throws {
        #expect(try TestPolicies.shipped().nearMisses(of: name).isEmpty)
    }

    // MARK: Checking a case

    private func check(_ item: SeedCase) throws {
        let row = item.row
        let policy = try TestPolicies.shipped(profile: row.profile)
        let decision = try TestPolicies.decide(policy, row.tool, row.facts)
        DomainCasesTests.expect(decision, matches: row, context: "\(item.passage)")
        #expect(decision.unknownFacts.allSatisfy { $0.hasPrefix("use.") })
    }
}
