import Testing
@testable import ToolPolicy

/// A rule that must appear in a decision, where, with which status, citing which document.
struct ExpectedFinding: Sendable, CustomStringConvertible {
    enum Part: String, Sendable { case reasons, conditions, advice }

    var rule: String
    var part: Part
    var status: Decision.Finding.Status
    /// A document the finding's citations must include.
    var document: String

    static func reason(_ rule: String, _ document: String, _ status: Decision.Finding.Status = .applies) -> ExpectedFinding {
        ExpectedFinding(rule: rule, part: .reasons, status: status, document: document)
    }

    static func condition(_ rule: String, _ document: String, _ status: Decision.Finding.Status) -> ExpectedFinding {
        ExpectedFinding(rule: rule, part: .conditions, status: status, document: document)
    }

    static func advice(_ rule: String, _ document: String) -> ExpectedFinding {
        ExpectedFinding(rule: rule, part: .advice, status: .applies, document: document)
    }

    var description: String { "\(rule) in \(part.rawValue) (\(status.rawValue), \(document))" }
}

/// One row of the domain table: a tool and a use, under a profile, and the expected answer.
struct DomainCase: Sendable, CustomTestStringConvertible {
    var label: String
    /// `nil`: the loader's default profile (rennes).
    var profile: String? = nil
    var tool: String
    var facts: [String: String]
    var verdict: Verdict
    var expected: [ExpectedFinding]
    /// Rules that must appear nowhere in the decision (reasons, conditions, advice).
    var absent: [String] = []
    /// The unknown facts, when the row pins them.
    var unknownFacts: [String]? = nil

    var testDescription: String { "\(profile ?? "rennes"): \(label)" }
}

// The five source documents, by file name.
private let dne = "000_73b304aa993aa93b.txt"           // DNE sheet, Strasbourg
private let orleansTours = "002_b45da4c65d91f1a2.txt"  // Orléans-Tours, SES at a distance
private let rennes = "003_1529c0f0d921ea53.txt"        // Rennes framework
private let poitiers = "004_6e7d329b4362b8a8.txt"      // Poitiers, choosing tools

/// A use of a tolerated web tool that says everything: browser, no accounts, not recorded.
private let webNoAccounts: [String: String] = [
    "mode": "web", "computer": "pedagogical", "accounts": "none", "recorded": "false",
]

@Suite struct DomainCasesTests {
    // MARK: The table of /work/shared/domain.md

    static let table: [DomainCase] = [
        DomainCase(
            label: "Zoom in a browser on a pedagogical computer, no accounts, meeting with parents",
            tool: "Zoom",
            facts: webNoAccounts.merging(["audience": "external", "purpose": "external-meeting", "participants": "5"]) { $1 },
            verdict: .allowed,
            expected: [
                .reason("rennes-tolerated-web", rennes),
                .condition("rennes-tolerated-browser-only", rennes, .met),
                .condition("rennes-tolerated-no-account", rennes, .met),
                .advice("rennes-tolerated-no-support", rennes),
            ],
            absent: ["rennes-no-install-on-school-computers", "rennes-privacy-contract", "national-councils-via-scaleway"],
            unknownFacts: []
        ),
        DomainCase(
            label: "Zoom with no use facts: conditional on web only and no account",
            tool: "zoom",
            facts: [:],
            verdict: .conditional,
            expected: [
                .reason("rennes-tolerated-web", rennes),
                .condition("rennes-tolerated-browser-only", rennes, .unknown),
                .condition("rennes-tolerated-no-account", rennes, .unknown),
                .condition("rennes-no-install-on-school-computers", rennes, .unknown),
            ],
            absent: ["rennes-forbidden-tools"]
        ),
        DomainCase(
            label: "Zoom client installed on an administrative computer",
            tool: "Zoom",
            facts: ["mode": "install", "computer": "administrative"],
            verdict: .denied,
            expected: [
                .reason("rennes-no-install-on-school-computers", rennes),
                .reason("rennes-tolerated-browser-only", rennes, .violated),
            ]
        ),
        DomainCase(
            label: "Teams web where pupils must create accounts, no contract signed",
            tool: "Teams web",
            facts: ["mode": "web", "computer": "pedagogical", "accounts": "pupils", "audience": "pupils", "recorded": "false"],
            verdict: .denied,
            expected: [.reason("rennes-tolerated-no-account", rennes, .violated)],
            absent: ["rennes-tolerated-browser-only"]
        ),
        DomainCase(
            label: "Skype installed on a pedagogical computer",
            tool: "Skype",
            facts: ["mode": "install", "computer": "pedagogical"],
            verdict: .denied,
            expected: [.reason("rennes-no-install-on-school-computers", rennes)]
        ),
        DomainCase(
            label: "BigBlueButton visio-agents installed, staff meeting",
            tool: "bbb-visio-agents",
            facts: ["mode": "install", "computer": "pedagogical", "purpose": "staff-meeting", "audience": "staff",
                    "recorded": "false", "accounts": "none"],
            verdict: .allowed,
            expected: [.reason("rennes-institutional-offer", rennes), .reason("national-institutional-offer", dne)],
            absent: ["rennes-no-install-on-school-computers"],
            unknownFacts: []
        ),
        DomainCase(
            label: "BigBlueButton visio-agents in a browser, staff meeting",
            tool: "bbb-visio-agents",
            facts: ["mode": "web", "computer": "administrative", "purpose": "staff-meeting", "audience": "staff",
                    "recorded": "false", "accounts": "none"],
            verdict: .allowed,
            expected: [.reason("rennes-institutional-offer", rennes)],
            unknownFacts: []
        ),
        DomainCase(
            label: "CNED virtual class with pupils, waiting room off",
            tool: "cned",
            facts: ["audience": "pupils", "waiting_room": "false", "recorded": "false", "mode": "web", "accounts": "staff"],
            verdict: .allowed,
            expected: [.reason("national-institutional-offer", dne), .advice("national-cned-waiting-room", poitiers)],
            absent: ["rennes-privacy-contract"]
        ),
        DomainCase(
            label: "Discord with pupils",
            tool: "Discord",
            facts: ["audience": "pupils"],
            verdict: .denied,
            expected: [
                .reason("national-no-monetised-data-with-pupils", orleansTours),
                .reason("national-personal-use-only", orleansTours),
            ]
        ),
        DomainCase(
            label: "Recording a virtual class with pupils",
            tool: "bbb-visio-agents",
            facts: ["recorded": "true", "audience": "pupils"],
            verdict: .denied,
            expected: [.reason("national-no-recording-of-classes", orleansTours)]
        ),
        DomainCase(
            label: "A tool nobody has listed",
            tool: "Jitsi Meet",
            facts: ["mode": "web", "audience": "staff"],
            verdict: .review,
            expected: [.reason("rennes-unlisted-tool", rennes)]
        ),
    ]

    // MARK: Cases derived from the sources and the rules files

    static let derived: [DomainCase] = [
        DomainCase(
            label: "RENAVISIO with 12 participants: over its limit of 10",
            tool: "RENAVISIO",
            facts: ["participants": "12", "audience": "staff", "recorded": "false"],
            verdict: .denied,
            expected: [.reason("national-participant-limit", dne)]
        ),
        DomainCase(
            label: "RENAVISIO with 10 participants, staff meeting",
            tool: "renavisio",
            facts: ["participants": "10", "audience": "staff", "purpose": "staff-meeting", "recorded": "false", "accounts": "none"],
            verdict: .allowed,
            expected: [.reason("national-institutional-offer", dne)],
            absent: ["national-participant-limit"]
        ),
        DomainCase(
            // 003 « SOLUTIONS TOLÉRÉES »: the ban names administrative and pedagogical computers only.
            label: "Zoom installed on a personal computer: outside the text of the ban",
            tool: "zoom",
            facts: ["mode": "install", "computer": "personal", "accounts": "none", "audience": "external", "recorded": "false"],
            verdict: .allowed,
            expected: [.condition("rennes-tolerated-no-account", rennes, .met)],
            absent: ["rennes-no-install-on-school-computers", "rennes-tolerated-browser-only"]
        ),
        DomainCase(
            label: "StarLeaf web where staff create accounts",
            tool: "StarLeaf",
            facts: webNoAccounts.merging(["accounts": "staff", "audience": "staff"]) { $1 },
            verdict: .denied,
            expected: [.reason("rennes-tolerated-no-account", rennes, .violated)]
        ),
        DomainCase(
            label: "GoToMeeting (by its alias) in a browser at home, with parents",
            tool: "goto",
            facts: ["mode": "web", "computer": "personal", "accounts": "none", "audience": "external", "recorded": "false"],
            verdict: .allowed,
            expected: [
                .condition("rennes-tolerated-no-account", rennes, .met),
            ],
            absent: ["rennes-tolerated-browser-only"],
            unknownFacts: []
        ),
        DomainCase(
            // The provider's business model is the catalog's gap, never the requester's condition.
            label: "Teams web with pupils, no accounts: allowed on the framework's own terms",
            tool: "teams",
            facts: webNoAccounts.merging(["audience": "pupils"]) { $1 },
            verdict: .allowed,
            expected: [.condition("rennes-tolerated-no-account", rennes, .met)],
            absent: ["national-no-monetised-data-with-pupils"],
            unknownFacts: []
        ),
        DomainCase(
            label: "Zoom for a council: VIA or Scaleway advised",
            tool: "zoom",
            facts: webNoAccounts.merging(["audience": "staff", "purpose": "council"]) { $1 },
            verdict: .allowed,
            expected: [.advice("national-councils-via-scaleway", dne)]
        ),
        DomainCase(
            label: "VIA for a council: no council advice",
            tool: "VIA",
            facts: ["audience": "staff", "purpose": "council", "recorded": "false"],
            verdict: .allowed,
            expected: [.reason("national-institutional-offer", dne)],
            absent: ["national-councils-via-scaleway", "national-via-staff-first"]
        ),
        DomainCase(
            label: "VIA with pupils: reserved first for staff",
            tool: "classe virtuelle via",
            facts: ["audience": "pupils", "purpose": "class", "recorded": "false", "mode": "web"],
            verdict: .allowed,
            expected: [.advice("national-via-staff-first", dne)]
        ),
        DomainCase(
            label: "Scaleway for a staff meeting: a temporary offer",
            tool: "scaleway",
            facts: ["audience": "staff", "recorded": "false"],
            verdict: .allowed,
            expected: [.reason("national-institutional-offer", dne), .advice("national-temporary-offer", dne)]
        ),
        DomainCase(
            label: "Discord for a staff meeting: personal use only",
            tool: "discord",
            facts: ["audience": "staff", "mode": "web", "computer": "personal"],
            verdict: .denied,
            expected: [.reason("national-personal-use-only", orleansTours)],
            absent: ["national-no-monetised-data-with-pupils"]
        ),
        DomainCase(
            label: "Discord on a school computer is a forbidden tool in Rennes",
            tool: "discord",
            facts: ["audience": "staff", "mode": "web", "computer": "administrative"],
            verdict: .denied,
            expected: [.reason("rennes-forbidden-tools", rennes), .reason("national-personal-use-only", orleansTours)]
        ),
        DomainCase(
            label: "An unlisted tool recording pupils is reviewed, the recording ban said with it",
            tool: "Jitsi Meet",
            facts: ["recorded": "true", "audience": "pupils"],
            verdict: .review,
            expected: [.reason("rennes-unlisted-tool", rennes), .reason("national-no-recording-of-classes", orleansTours)],
            absent: ["national-unlisted-tool"]
        ),
        DomainCase(
            label: "The ENT's BigBlueButton is not classified in Rennes",
            tool: "bbb moodle",
            facts: ["audience": "pupils", "recorded": "false"],
            verdict: .review,
            expected: [.reason("rennes-unlisted-tool", rennes)],
            absent: ["national-unclassified-tool"]
        ),
        DomainCase(
            label: "visio-ecoles is institutional in Rennes",
            tool: "visio-ecoles",
            facts: ["mode": "install", "computer": "pedagogical", "audience": "staff", "recorded": "false", "accounts": "none"],
            verdict: .allowed,
            expected: [.reason("rennes-institutional-offer", rennes)]
        ),
        DomainCase(
            label: "Recording a staff meeting is not forbidden",
            tool: "bbb-visio-agents",
            facts: ["recorded": "true", "audience": "staff", "accounts": "none", "mode": "web"],
            verdict: .allowed,
            expected: [.reason("rennes-institutional-offer", rennes)],
            absent: ["national-no-recording-of-classes"]
        ),
        // Poitiers
        DomainCase(
            label: "CNED for a staff meeting without pupils",
            profile: "poitiers",
            tool: "Ma classe à la maison",
            facts: ["audience": "staff", "purpose": "staff-meeting", "recorded": "false"],
            verdict: .denied,
            expected: [.reason("poitiers-cned-pupils-only", poitiers)]
        ),
        DomainCase(
            label: "CNED with an unknown audience is conditional on it",
            profile: "poitiers",
            tool: "cned",
            facts: ["recorded": "false"],
            verdict: .conditional,
            expected: [.condition("poitiers-cned-pupils-only", poitiers, .unknown)],
            unknownFacts: ["use.audience"]
        ),
        DomainCase(
            label: "CNED with 25 pupils: small groups and yearly account advised",
            profile: "poitiers",
            tool: "cned",
            facts: ["audience": "pupils", "participants": "25", "recorded": "false", "waiting_room": "true"],
            verdict: .allowed,
            expected: [.advice("poitiers-small-groups", poitiers), .advice("poitiers-cned-yearly-account", poitiers)],
            absent: ["national-cned-waiting-room"]
        ),
        DomainCase(
            label: "Zoom is reviewed: a market tool outside the institutional offer",
            profile: "poitiers",
            tool: "zoom",
            facts: webNoAccounts.merging(["audience": "external"]) { $1 },
            verdict: .review,
            expected: [.reason("poitiers-unlisted-tool", poitiers)],
            absent: ["national-unclassified-tool"]
        ),
        DomainCase(
            label: "A council on Zoom: VIA advised",
            profile: "poitiers",
            tool: "zoom",
            facts: ["purpose": "council"],
            verdict: .review,
            expected: [.advice("poitiers-via-for-councils", poitiers), .advice("national-councils-via-scaleway", dne)]
        ),
        // Strasbourg
        DomainCase(
            label: "CNED for a staff meeting: allowed, with a separate virtual class advised",
            profile: "strasbourg",
            tool: "cned",
            facts: ["audience": "staff", "purpose": "staff-meeting", "recorded": "false"],
            verdict: .allowed,
            expected: [.reason("national-institutional-offer", dne), .advice("strasbourg-separate-class-for-colleagues", dne)],
            absent: ["poitiers-cned-pupils-only"]
        ),
        DomainCase(
            label: "VIA with pupils: CNED advised, and end-of-session care",
            profile: "strasbourg",
            tool: "via",
            facts: ["audience": "pupils", "purpose": "class", "recorded": "false"],
            verdict: .allowed,
            expected: [
                .advice("national-via-staff-first", dne),
                .advice("strasbourg-cned-with-pupils", dne),
                .advice("strasbourg-moderator-end-of-session", dne),
            ]
        ),
        DomainCase(
            label: "Zoom is not classified by the Strasbourg page",
            profile: "strasbourg",
            tool: "zoom",
            facts: webNoAccounts.merging(["audience": "staff"]) { $1 },
            verdict: .review,
            expected: [.reason("national-unclassified-tool", rennes)]
        ),
        // Orléans-Tours
        DomainCase(
            label: "The ENT's BigBlueButton with pupils is the institutional offer",
            profile: "orleans-tours",
            tool: "BigBlueButton de l'ENT (Moodle)",
            facts: ["audience": "pupils", "recorded": "false", "mode": "web", "accounts": "pupils"],
            verdict: .allowed,
            expected: [.reason("national-institutional-offer", dne)]
        ),
        DomainCase(
            label: "CNED with pupils: secure it, prefer the ENT",
            profile: "orleans-tours",
            tool: "cned",
            facts: ["audience": "pupils", "recorded": "false", "waiting_room": "true"],
            verdict: .allowed,
            expected: [.advice("orleans-tours-secure-cned", orleansTours), .advice("orleans-tours-prefer-ent", orleansTours)]
        ),
        DomainCase(
            label: "Recording a class is forbidden under every profile",
            profile: "orleans-tours",
            tool: "bbb-ent",
            facts: ["audience": "pupils", "recorded": "true"],
            verdict: .denied,
            expected: [.reason("national-no-recording-of-classes", orleansTours)]
        ),
    ]

    static let policies: [String: Policy] = {
        var policies: [String: Policy] = [:]
        for profile in [nil] + TestPolicies.shippedProfiles.map(Optional.some) {
            if let policy = PolicyLoader.load(at: TestPolicies.rulesFolder, profile: profile).policy {
                policies[profile ?? "default"] = policy
            }
        }
        return policies
    }()

    /// Checks a decision against a row: the verdict, each expected finding (status and the
    /// document it cites), the rules that must not appear, and the facts left unknown.
    /// `context` (a seed passage) is added to every message. Shared with `AnswerPatternsTests`.
    static func expect(_ decision: Decision, matches row: DomainCase, context: String = "",
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let suffix = context.isEmpty ? "" : " — \(context)"
        #expect(decision.verdict == row.verdict,
                "reasons \(decision.reasons.map(\.rule)), conditions \(decision.conditions.map { "\($0.rule):\($0.status)" })\(suffix)",
                sourceLocation: sourceLocation)
        for expected in row.expected {
            let findings = switch expected.part {
            case .reasons: decision.reasons
            case .conditions: decision.conditions
            case .advice: decision.advice
            }
            let finding = findings.first { $0.rule == expected.rule }
            #expect(finding != nil, "\(expected) missing; \(expected.part.rawValue): \(findings.map(\.rule))\(suffix)", sourceLocation: sourceLocation)
            guard let finding else { continue }
            #expect(finding.status == expected.status, "\(expected.rule)", sourceLocation: sourceLocation)
            #expect(finding.citations.contains { $0.document == expected.document },
                    "\(expected.rule) cites \(finding.citations.map(\.document))", sourceLocation: sourceLocation)
        }
        let everywhere = (decision.reasons + decision.conditions + decision.advice).map(\.rule)
        for rule in row.absent {
            #expect(!everywhere.contains(rule), "\(rule) should not appear\(suffix)", sourceLocation: sourceLocation)
        }
        if let unknownFacts = row.unknownFacts {
            #expect(decision.unknownFacts == unknownFacts, sourceLocation: sourceLocation)
        }
    }

    private func check(_ row: DomainCase) throws {
        let policy = try #require(Self.policies[row.profile ?? "default"], "profile \(row.profile ?? "default") does not compile")
        #expect(policy.profile == (row.profile ?? "rennes"))
        let decision = try TestPolicies.decide(policy, row.tool, row.facts)
        Self.expect(decision, matches: row)
        // Invariants of every answer.
        switch decision.verdict {
        case .denied, .review:
            #expect(decision.conditions.isEmpty)
            #expect(!decision.reasons.isEmpty)
        case .allowed:
            #expect(decision.conditions.allSatisfy { $0.status == .met })
            #expect(decision.unknownFacts.isEmpty)
        case .conditional:
            #expect(decision.conditions.contains { $0.status == .unknown })
        }
    }

    @Test(arguments: table)
    func domainTableRow(_ row: DomainCase) throws {
        try check(row)
    }

    @Test(arguments: derived)
    func derivedCase(_ row: DomainCase) throws {
        try check(row)
    }

    @Test func theDefaultProfileIsRennes() throws {
        let policy = try #require(Self.policies["default"])
        #expect(policy.name == "national")
        #expect(policy.profile == "rennes")
        #expect(policy.digest == Self.policies["rennes"]?.digest)
    }

    @Test func theRennesClassesAreThoseOfTheFramework() throws {
        let policy = try #require(Self.policies["rennes"])
        let classes = Dictionary(uniqueKeysWithValues: policy.tools.map { ($0.id, $0.standing) })
        #expect(classes == [
            "cned": .institutional, "via": .institutional, "renavisio": .institutional,
            "renater-rendez-vous": .institutional, "scaleway-education": .institutional,
            "ovhcloud-audio": .institutional, "bbb-visio-agents": .institutional,
            "bbb-visio-ecoles": .institutional, "bbb-ent": .unclassified,
            "zoom": .tolerated, "gotomeeting": .tolerated, "teams": .tolerated, "starleaf": .tolerated,
            "skype": .unclassified, "discord": .forbidden,
        ])
    }
}
