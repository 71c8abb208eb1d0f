import Foundation
import Testing
@testable import ToolPolicy

/// Helpers shared by the core tests: inline policies, the shipped `Rules/` folder, requests.
enum TestPolicies {
    /// The package root, found from this file: `<root>/Tests/ToolPolicyTests/Loading/TestPolicies.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Loading
        .deletingLastPathComponent()  // ToolPolicyTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // root

    /// The shipped `Rules/` folder.
    static let rulesFolder: String = packageRoot.appendingPathComponent("Rules").path

    /// The five source documents every shipped rule must cite (file names of the seeds).
    static let seedDocuments: Set<String> = [
        "000_73b304aa993aa93b.txt",
        "001_734da41e360d4335.txt",
        "002_b45da4c65d91f1a2.txt",
        "003_1529c0f0d921ea53.txt",
        "004_6e7d329b4362b8a8.txt",
    ]

    /// The profiles the shipped folder defines.
    static let shippedProfiles = ["orleans-tours", "poitiers", "rennes", "strasbourg"]

    /// A fixed request date, so nothing depends on the clock.
    static let day = CivilDate(year: 2026, month: 3, day: 15)!

    /// Loads inline sources (`(path, text)` pairs) with a profile. The documents they cite
    /// and do not declare are declared for them, in a file of the base, so a test of
    /// precedence or typing need not repeat `document` statements; ``loadExactly(_:profile:)``
    /// adds nothing.
    static func load(_ files: [(String, String)], profile: String? = nil) -> PolicyLoadResult {
        loadExactly(files + documentDeclarations(for: files), profile: profile)
    }

    /// Loads inline sources as written.
    static func loadExactly(_ files: [(String, String)], profile: String? = nil) -> PolicyLoadResult {
        PolicyLoader.load(sources: files.map { SourceFile(path: $0.0, text: $0.1) }, profile: profile)
    }

    /// A file of the base declaring every document the files cite but do not declare.
    static func documentDeclarations(for files: [(String, String)]) -> [(String, String)] {
        let texts = files.map(\.1)
        guard let base = texts.lazy.compactMap({ $0.firstMatch(of: /(?m)^policy "([^"]+)"/)?.output.1 }).first else { return [] }
        var declared = Set(texts.flatMap { $0.matches(of: /(?m)^document "([^"]+)"/).map { String($0.output.1) } })
        var cited: [String] = []
        for text in texts {
            for match in text.matches(of: /(?:cites|source)\s+"([^"]+)"\s+section/) where declared.insert(String(match.output.1)).inserted {
                cited.append(String(match.output.1))
            }
        }
        guard !cited.isEmpty else { return [] }
        let declarations = cited.map { "document \"\($0)\"\n  title \"Document \($0)\"\n" }.joined(separator: "\n")
        return [("zz-test-documents.rules", "policy \"\(base)\"\n\n" + declarations)]
    }

    /// Loads one inline file named `test.rules`.
    static func load(_ text: String, profile: String? = nil) -> PolicyLoadResult {
        load([("test.rules", text)], profile: profile)
    }

    /// Compiles inline sources and requires that they compile without error.
    static func compile(
        _ files: [(String, String)], profile: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Policy {
        let result = load(files, profile: profile)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "unexpected diagnostics:\n\(DiagnosticRenderer(sources: result.sources).render(errors))",
                sourceLocation: sourceLocation)
        return try #require(result.policy, sourceLocation: sourceLocation)
    }

    /// Compiles one inline file named `test.rules`.
    static func compile(_ text: String, profile: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Policy {
        try compile([("test.rules", text)], profile: profile, sourceLocation: sourceLocation)
    }

    /// Loads the shipped `Rules/` folder with a profile (default: the loader's default, rennes).
    static func shipped(profile: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Policy {
        let result = PolicyLoader.load(at: rulesFolder, profile: profile)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "shipped rules do not compile:\n\(DiagnosticRenderer(sources: result.sources).render(errors))",
                sourceLocation: sourceLocation)
        return try #require(result.policy, sourceLocation: sourceLocation)
    }

    /// Decides a request given as text values.
    static func decide(
        _ policy: Policy, _ tool: String, _ facts: [String: String] = [:], today: CivilDate = TestPolicies.day
    ) throws -> Decision {
        let request = try policy.request(tool: tool, facts: facts.mapValues { FactValue.string($0) }, today: today)
        return policy.decide(request)
    }

    /// The clauses every rule of an inline policy needs.
    /// The declaration of the document ``clauses`` cite, for a policy written to files.
    static let testDocument = "document \"doc.txt\"\n  title \"Document de test\"\n"

    static let clauses = "  says fr \"Texte de la règle.\"\n  cites \"doc.txt\" section \"Section\""

    /// A rule of an inline policy: `rule "id" <effect>` with a French message and a citation.
    static func rule(_ id: String, _ effect: String, remedy: String? = nil) -> String {
        var text = "rule \"\(id)\"\n  \(effect)\n\(clauses)\n"
        if let remedy { text += "  remedy fr \"\(remedy)\"\n" }
        return text
    }

    /// A small base with the fact kinds the evaluator tests need and two catalog tools.
    static let miniBase = """
    policy "mini"

    tool fact web_client: bool "Client web"
    tool fact monetises: bool "Vend les données"
    tool fact hosting: string "Hébergement"
    tool fact max_participants: integer "Limite"
    tool fact dpa_valid_until: date "Fin du contrat"
    tool fact reserved_for: set of pupils, staff, external "Publics réservés"
    use fact a: bool "A"
    use fact b: bool "B"
    use fact c: bool "C"
    use fact mode: one of install, web "Mode"
    use fact computer: one of administrative, pedagogical, personal "Poste"
    use fact accounts: set of none, staff, pupils, external "Comptes"
    use fact audience: set of pupils, staff, external "Public"
    use fact participants: integer "Participants"
    use fact country: string "Pays"
    use fact other_country: string "Autre pays"
    use fact deadline: date "Échéance"

    tool alpha "Alpha"
      web_client = true             source "doc.txt" section "Alpha"
      hosting = "France"            source "doc.txt" section "Alpha"
      max_participants = 10         source "doc.txt" section "Alpha"
      dpa_valid_until = 2026-08-31  source "doc.txt" section "Alpha"
      reserved_for = {pupils}       source "doc.txt" section "Alpha"

    tool beta "Beta"
      monetises = true              source "doc.txt" section "Beta"

    """

    /// `miniBase` followed by the given rules.
    static func mini(_ rules: String...) -> String {
        miniBase + "\n" + rules.joined(separator: "\n")
    }

    /// The ids of findings.
    static func ids(_ findings: [Decision.Finding]) -> [String] { findings.map(\.rule) }
}

/// A place in a rules file (`SourceLocation` alone is ambiguous with Testing's).
typealias Loc = ToolPolicy.SourceLocation

extension PolicyLoadResult {
    /// Whether a policy came out (tested as a Bool, so a failure does not print the whole policy).
    var compiled: Bool { policy != nil }
}
