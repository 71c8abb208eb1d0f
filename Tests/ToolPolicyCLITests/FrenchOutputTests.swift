import Foundation
import Testing
import ToolPolicy

/// What school staff read is in the chosen language, French by default, and shows no fact
/// id, no source file name and no English label; English output uses English spacing.
/// Ids and digests are allowed only on the author's "Détails" line.
@Suite struct FrenchOutputTests {
    /// Requests of the domain table (`Tests/ToolPolicyTests/Domain`), one per verdict and class.
    static let requests: [[String]] = [
        ["zoom", "--mode", "web"],
        ["zoom", "--mode", "install", "--computer", "pedagogical"],
        ["teams", "--mode", "web", "--accounts", "pupils", "--audience", "pupils"],
        ["cned", "--mode", "web", "--audience", "pupils", "--purpose", "class"],
        ["discord", "--mode", "web", "--audience", "pupils"],
        ["jitsi"],
        ["bbb-visio-agents", "--mode", "install", "--audience", "staff", "--purpose", "staff-meeting"],
    ]

    static var factID: Regex<AnyRegexOutput> { try! Regex(#"\b(use|tool)\.[a-z_]+"#) }
    static var sourceFile: Regex<AnyRegexOutput> { try! Regex(#"\d{3}_[0-9a-f]{16}\.txt"#) }
    static var englishWords: Regex<AnyRegexOutput> {
        try! Regex(#"\b(warning|error|row|rows|tools|Still|unknown|Why|Denied|allowed|Advice|What to do|review|malformed|hint|profile|Questions)\b"#)
    }

    /// The lines a teacher reads: all but the author's details line.
    static func readable(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !$0.hasPrefix("Détails") && !$0.hasPrefix("Details") }
    }

    static func expectFrench(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for line in readable(text) {
            #expect(line.firstMatch(of: factID) == nil, "\(what): a fact id in «\(line)»", sourceLocation: sourceLocation)
            #expect(line.firstMatch(of: sourceFile) == nil, "\(what): a source file name in «\(line)»", sourceLocation: sourceLocation)
            #expect(line.firstMatch(of: englishWords) == nil, "\(what): English in «\(line)»", sourceLocation: sourceLocation)
            #expect(!line.contains("sha256"), "\(what): a digest in «\(line)»", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: requests)
    func checkTextAndLetterAreFrench(_ request: [String]) throws {
        let text = try CLI.run(policy: ["check"] + request + ["--date", "2026-03-15"])
        #expect(!text.stdout.isEmpty)
        Self.expectFrench(text.stdout, "check \(request)")
        let letter = try CLI.run(policy: ["check"] + request + ["--date", "2026-03-15", "--format", "letter"])
        #expect(letter.stdout.hasPrefix("Objet : Votre demande d'utilisation de "), "\(letter.stdout)")
        Self.expectFrench(letter.stdout, "letter \(request)")
        // A letter shows no digest at all, not even on a details line.
        #expect(!letter.stdout.contains("sha256"))
    }

    @Test func lintToolsAndErrorsAreFrench() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", SchoolList.withMalformedRow.excelCSV())
        let lint = try LintTests.lint(path)
        Self.expectFrench(lint.stdout.split(separator: "\n").dropFirst().joined(separator: "\n"), "lint")
        #expect(lint.stdout.contains("8 lignes : 3 autorisées, 1 sous conditions, 2 refusées, 1 à examiner, 1 invalide"), "\(lint.stdout)")
        let tools = try CLI.run(policy: ["tools"])
        #expect(tools.stdout.contains("· 15 outils"), "\(tools.stdout)")
        let bad = try CLI.run(policy: ["check", "zoom", "--mode", "instal"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("erreur : « instal » n'est pas une valeur possible pour « Mode d'utilisation »"), "\(bad.stderr)")
        Self.expectFrench(bad.stderr, "check error")
    }

    @Test func englishOutputUsesEnglishSpacing() throws {
        for request in Self.requests {
            let text = try CLI.run(policy: ["check"] + request + ["--lang", "en"])
            // A source's title is French (« Le service … : questions fréquentes »); the rest is not.
            for line in text.stdout.split(separator: "\n") where !line.contains("↳") {
                #expect(!line.contains(" : "), "French spacing in English output: «\(line)»")
            }
        }
    }

    @Test func frenchListsLintLikeEnglishOnes() throws {
        // Seed: a school's list as a French spreadsheet writes it (issue "Lists as schools
        // write them"): French headers and values, declared in Rules/national/facts.rules.
        let folder = try TemporaryFolder()
        let english = try folder.write("en.csv", "tool;mode;computer;accounts;audience;purpose;recorded\n"
            + "Zoom;web;pedagogical;pupils;pupils;class;no\nZoom;install;administrative;none;staff;staff-meeting;no\n"
            + "Teams;web;personal;none;external;external-meeting;yes\nMa classe à la maison;web;pedagogical;none;pupils;class;no\n")
        let french = try folder.write("fr.csv", "outil;mode;poste;comptes;public;objet;enregistré\n"
            + "Zoom;navigateur;pédagogique;élèves;élèves;classe;non\nZoom;installation;administratif;aucun;personnels;réunion de personnels;non\n"
            + "Teams;navigateur;personnel;aucun;extérieurs;réunion avec des extérieurs;oui\nMa classe à la maison;navigateur;pédagogique;aucun;élèves;cours;non\n")
        let (_, en) = try LintTests.report(english)
        let (_, fr) = try LintTests.report(french)
        #expect(en.results.map(\.verdict) == fr.results.map(\.verdict))
        #expect(fr.results.allSatisfy { $0.problems.isEmpty }, "\(fr.results.map(\.problems))")
        #expect(fr.results.compactMap(\.verdict).count == 4)
        #expect(fr.warnings.isEmpty, "\(fr.warnings)")
    }
}
