import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An error that stops reading a list is said in the language of the run, message and
/// hint, at its line (and column): French by default, English with `--lang en`; the JSON
/// report keeps its `message` and `hint` in English (docs/schemas/lint.schema.json).
@Suite("lint read errors in French and English")
struct ListReadErrorLanguageTests {
    /// What the list is: text written to a file of that name, a directory of that name,
    /// or a path read as it is (a fixture, `/dev/zero`).
    enum Content: Sendable {
        case text(String)
        case directory
        case path(String)
    }

    /// One error kind: the list, extra arguments, and the text report's line after the
    /// path, in French and in English.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var content: Content
        var extra: [String] = []
        var french: String
        var english: String

        var testDescription: String { name }
    }

    static let fixtures = "Tests/ToolPolicyCLITests/Fixtures/bad-input/"

    static let cases: [Case] = [
        Case(name: "q.csv", content: .text("tool,mode\nzoom,\"web\n"),
             french: #":2: erreur : la cellule entre guillemets commencée à la ligne 2 n'est jamais fermée — fermez le guillemet, ou doublez chaque guillemet qui fait partie du texte de la cellule (« "" »)"#,
             english: #":2: error: quoted field starting on line 2 is never closed — a cell opened with " is never closed; close it, or double the quote inside it ("")"#),
        Case(name: "m.json", content: .text(#"[{"tool":"zoom",]"#),
             french: #":1:17: erreur : JSON invalide à la ligne 1, colonne 17 : caractère « ] » inattendu : une clé entre guillemets droits ("…") était attendue — aucune ligne n'a été vérifiée : corrigez le JSON à cette ligne et cette colonne"#,
             english: ":1:17: error: malformed JSON at line 1, column 17: unexpected `]`: expected a key in double quotes — no row was checked: fix the JSON at that line and column"),
        Case(name: "vide.json", content: .text(""),
             french: ":1:1: erreur : JSON invalide à la ligne 1, colonne 1 : le document est vide : une valeur JSON était attendue — aucune ligne n'a été vérifiée",
             english: ":1:1: error: malformed JSON at line 1, column 1: the document is empty: expected a JSON value — no row was checked"),
        Case(name: "objet.json", content: .text(#"{"tool": "zoom"}"#),
             french: #":1: erreur : un tableau d'usages était attendu, ou un objet avec un tableau « uses » — une liste JSON est un tableau d'objets : [{"tool": "zoom", "mode": "web"}]"#,
             english: #":1: error: expected an array of uses, or an object with a `uses` array — a JSON list is an array of objects: [{"tool": "zoom", "mode": "web"}]"#),
        Case(name: "nombre.json", content: .text("[{\"tool\":\"zoom\"},\n 3]"),
             french: ":2: erreur : l'usage n° 2 (ligne 2) n'est pas un objet — une liste JSON est un tableau d'objets",
             english: ":2: error: use #2 (line 2) is not an object — a JSON list is an array of objects"),
        Case(name: "vide.csv", content: .text(""),
             french: ":?: erreur : la liste est vide — une liste commence par une ligne d'en-tête : tool;mode;computer;…",
             english: ":?: error: the list is empty — a list starts with a header row: tool;mode;computer;…"),
        Case(name: "doublon.csv", content: .text("tool;mode;Mode\nzoom;web;web\n"),
             french: ":1: erreur : les colonnes 2 « mode » et 3 « Mode » désignent la même colonne — supprimez ou renommez l'une des deux colonnes : aucune ligne ne pourrait dire laquelle elle désigne",
             english: ":1: error: columns 2 `mode` and 3 `Mode` name the same column — remove or rename one of the two columns: no row could say which one it means"),
        Case(name: "entete.csv", content: .text("tool;" + String(repeating: "x", count: 70_000) + "\nzoom;web\n"),
             french: ":1: erreur : la cellule 2 de l'en-tête dépasse 64 KiB — la première ligne nomme les colonnes : tool;mode;computer;…",
             english: ":1: error: header cell 2 is longer than 64 KiB — the first row names the columns: tool;mode;computer;…"),
        Case(name: "mdoe.csv", content: .text("tool;mdoe\nzoom;web\n"),
             french: ":1: erreur : colonne inconnue « mdoe » : vouliez-vous dire « mode » ? — renommez la colonne, ou passez --allow-unknown-columns",
             english: ":1: error: unknown column `mdoe`: did you mean `mode`? — rename the column, or pass --allow-unknown-columns"),
        Case(name: "dossier.csv", content: .directory,
             french: ":1: erreur : impossible de lire « PATH » : c'est un dossier — vérifiez le chemin du fichier et ses droits d'accès",
             english: ":1: error: cannot read 'PATH': Is a directory — check the path and its permissions"),
        Case(name: "utf32.csv", content: .path(fixtures + "utf32.csv"),
             french: ":1: erreur : la liste est encodée en UTF-32, un encodage qui n'est pas lu — enregistrez le fichier en UTF-8 (Excel : « CSV UTF-8 »)",
             english: ":1: error: the list is encoded in UTF-32, which is not read — save the file as UTF-8 (Excel: \"CSV UTF-8\")"),
        Case(name: "/dev/zero", content: .path("/dev/zero"),
             french: ":1: erreur : la ligne qui commence à la ligne 1 du fichier dépasse 1 MiB — aucune ligne d'une liste n'est aussi longue",
             english: ":1: error: the row starting on line 1 is longer than 1 MiB — no row of a list is that long"),
        Case(name: "/dev/zero as JSON", content: .path("/dev/zero"), extra: ["--input-format", "json"],
             french: ":?: erreur : la liste dépasse 16 MiB, le plus qu'une liste JSON ou YAML puisse contenir — une liste plus longue peut être donnée en CSV",
             english: ":?: error: the list is larger than 16 MiB, the most a JSON or YAML list may hold — a longer list can be given as CSV"),
        Case(name: "windows-1252.yaml", content: .path(fixtures + "windows-1252.yaml"),
             french: ":2:14: erreur : l'octet 0xE9 n'est pas de l'UTF-8 — enregistrez le fichier en UTF-8 (il est probablement en Windows-1252 ou en Latin-1)",
             english: ":2:14: error: byte 0xE9 is not UTF-8 — save the file as UTF-8 (it is probably Windows-1252 or Latin-1)"),
        Case(name: "casse.yaml", content: .text("- tool: zoom\n  mode: [web\n"),
             french: ":3:1: erreur : YAML invalide : did not find expected ',' or ']' (while parsing a flow sequence) — une liste YAML est une suite d'usages, chacun commençant par « - tool: zoom »",
             english: ":3:1: error: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence) — a YAML list is a sequence of mappings: - tool: zoom"),
        Case(name: "duplicate-key.yaml", content: .path(fixtures + "duplicate-key.yaml"),
             french: ":2:3: erreur : la clé « mode » apparaît deux fois dans un même usage — gardez-en une seule : aucune ligne ne pourrait dire laquelle elle désigne",
             english: ":2:3: error: the key `mode` appears twice in one mapping — keep one of them: no row could say which one it means"),
        Case(name: "not-a-list.yaml", content: .path(fixtures + "not-a-list.yaml"),
             french: ":?: erreur : une suite d'usages était attendue, ou un tableau associatif avec une suite « uses » — une liste YAML est une suite d'usages",
             english: ":?: error: expected a sequence of uses, or a mapping with a `uses` sequence — a YAML list is a sequence of mappings: - tool: zoom"),
        Case(name: "scalaire.yaml", content: .text("- zoom\n"),
             french: ":1: erreur : l'usage n° 1 n'est pas un tableau associatif (des lignes « clé: valeur ») — chaque usage s'écrit « - tool: … » suivi de ses informations",
             english: ":1: error: use #1 is not a mapping — each use is `- tool: …` followed by its facts"),
    ]

    /// The path of the case's list, written in `folder` when it is not a given path.
    static func path(of testCase: Case, in folder: borrowing TemporaryFolder) throws -> String {
        switch testCase.content {
        case .text(let text):
            return try folder.write(testCase.name, text)
        case .directory:
            let url = folder.url.appendingPathComponent(testCase.name, isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url.path
        case .path(let path):
            return path
        }
    }

    static func lint(_ path: String, _ language: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(policy: ["lint", path, "--date", LintTests.date, "--lang", language] + extra)
    }

    @Test(arguments: cases)
    func theTextReportSaysItInTheLanguageOfTheRun(_ testCase: Case) throws {
        let folder = try TemporaryFolder()
        let path = try Self.path(of: testCase, in: folder)
        for (language, expected) in [("fr", testCase.french), ("en", testCase.english)] {
            let result = try Self.lint(path, language, testCase.extra)
            #expect(result.status == 65, "\(result)")
            let line = path + expected.replacingOccurrences(of: "PATH", with: path)
            #expect(result.stdout.contains(line), "expected `\(line)`:\n\(result)")
        }
        // French is the default.
        let byDefault = try CLI.run(policy: ["lint", path, "--date", LintTests.date] + testCase.extra)
        #expect(byDefault.stdout.contains(path + testCase.french.replacingOccurrences(of: "PATH", with: path)), "\(byDefault)")
    }

    /// The error of the two examples of the issue, in every other format: SARIF, GitLab
    /// and JUnit in the run's language, as their row problems are; the stderr line too;
    /// the JSON report in English, its contract.
    @Test(arguments: [
        (#"[{"tool":"zoom",]"#, "m.json", 1, 17,
         #"JSON invalide à la ligne 1, colonne 17 : caractère « ] » inattendu : une clé entre guillemets droits ("…") était attendue"#,
         "aucune ligne n'a été vérifiée : corrigez le JSON à cette ligne et cette colonne",
         "malformed JSON at line 1, column 17: unexpected `]`: expected a key in double quotes",
         "no row was checked: fix the JSON at that line and column"),
        ("tool,mode\nzoom,\"web\n", "q.csv", 2, nil,
         "la cellule entre guillemets commencée à la ligne 2 n'est jamais fermée",
         #"fermez le guillemet, ou doublez chaque guillemet qui fait partie du texte de la cellule (« "" »)"#,
         "quoted field starting on line 2 is never closed",
         #"a cell opened with " is never closed; close it, or double the quote inside it ("")"#),
    ] as [(String, String, Int, Int?, String, String, String, String)])
    func everyReportSaysItInItsLanguage(
        list: String, name: String, line: Int, column: Int?, french: String, frenchHint: String, english: String, englishHint: String
    ) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(name, list)
        let place = "\(line)" + (column.map { ":\($0)" } ?? "")
        for (language, message, hint, error) in [("fr", french, frenchHint, "erreur : "), ("en", english, englishHint, "error: ")] {
            let sarif = try Self.lint(path, language, ["--format", "sarif"])
            #expect(sarif.status == 65)
            let run = ((try JSONSerialization.jsonObject(with: sarif.stdoutData) as? [String: Any])?["runs"] as? [[String: Any]])?.first
            let result = (run?["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "unreadable-list" }
            #expect((result?["message"] as? [String: Any])?["text"] as? String == "\(message) (\(hint))", "\(sarif)")
            #expect(sarif.stderr.contains("\(path):\(place): \(error)\(message)"), "\(sarif)")

            let gitlab = try Self.lint(path, language, ["--format", "gitlab"])
            let issues = try JSONSerialization.jsonObject(with: gitlab.stdoutData) as? [[String: Any]] ?? []
            let issue = issues.first { $0["check_name"] as? String == "unreadable-list" }
            #expect(issue?["description"] as? String == "\(message) (\(hint))", "\(gitlab)")
            #expect(((issue?["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == line)

            #if canImport(FoundationXML)
            let junit = try Self.lint(path, language, ["--format", "junit"])
            let document = try XMLDocument(data: junit.stdoutData, options: [])
            let node = try #require(try document.nodes(forXPath: "//error[@type='unreadable-list']").first as? XMLElement)
            #expect(node.attribute(forName: "message")?.stringValue == message, "\(junit)")
            #expect(node.stringValue == "\(hint)\n\(language == "fr" ? "ligne" : "line") \(line)", "\(junit)")
            #endif

            let json = try Self.lint(path, language, ["--format", "json"])
            let report = try JSONDecoder.decode(LintReport.self, from: json)
            #expect(report.error?.message.hasPrefix(english) == true, "English in JSON whatever --lang: \(json)")
            #expect(report.error?.hint == englishHint)
            #expect(report.error?.line == line && report.error?.column == column)
            #expect(json.stderr.contains("\(path):\(place): \(error)\(message)"), "\(json)")
        }
    }
}
