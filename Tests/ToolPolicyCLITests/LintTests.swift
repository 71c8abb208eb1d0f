import Foundation
import Testing
import ToolPolicy

@Suite("toolpolicy lint")
struct LintTests {
    static let date = "2026-03-02"

    static func lint(_ path: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(policy: ["lint", path, "--date", date] + extra)
    }

    static func report(_ path: String, _ extra: [String] = []) throws -> (CLI.Result, LintReport) {
        let result = try lint(path, ["--format", "json"] + extra)
        return (result, try JSONDecoder.decode(LintReport.self, from: result))
    }

    static func frenchWord(_ verdict: Verdict) -> String {
        switch verdict {
        case .allowed: "AUTORISÉ"
        case .conditional: "AUTORISÉ SOUS CONDITIONS"
        case .denied: "REFUSÉ"
        case .review: "À EXAMINER"
        }
    }

    @Test func excelFixtureIsReallyWindows1252() throws {
        let data = SchoolList.withMalformedRow.excelCSV()
        #expect(data.contains(0xE9), "é as one byte")
        #expect(String(data: data, encoding: .utf8) == nil, "not valid UTF-8")
        #expect(data.starts(with: Data("tool;mode;".utf8)))
        #expect(String(decoding: data, as: UTF8.self).contains("\r\n"))
    }

    @Test func malformedRowDoesNotStopTheOthers() throws {
        let folder = try TemporaryFolder()
        let list = SchoolList.withMalformedRow
        let path = try folder.write("outils.csv", list.excelCSV())
        let result = try Self.lint(path, ["--all"])
        #expect(result.status == 65, "malformed wins over denied and review: \(result)")
        let out = result.stdoutLines
        #expect(out.first?.hasPrefix("\(path) · profil rennes · sha256:") == true, "\(result)")
        #expect(out.contains { $0.hasPrefix("\(path):1: attention : colonne inconnue « notes »") }, "\(result)")
        for (index, row) in list.rows.enumerated() {
            let place = "\(path):\(list.csvLines[index]) (n° \(index + 1)) : "
            if let verdict = row.verdict {
                #expect(out.contains { $0.hasPrefix(place + Self.frenchWord(verdict) + " — " + row.tool) }, "row \(index + 1) missing:\n\(result)")
            } else {
                #expect(out.contains { $0.hasPrefix(place + "erreur : « instal » n'est pas une valeur possible pour « Mode d'utilisation »") && $0.contains("vouliez-vous dire « installé » ?") },
                        "malformed row not reported at its row and line:\n\(result)")
            }
        }
        #expect(out.contains("8 lignes : 3 autorisées, 1 sous conditions, 2 refusées, 1 à examiner, 1 invalide"), "\(result)")
    }

    @Test func textOmitsAllowedRowsUnlessAll() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", SchoolList.denied.excelCSV())
        let result = try Self.lint(path)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("AUTORISÉ — "), "\(result)")
        #expect(result.stdout.contains("REFUSÉ — Teams"), "\(result)")
        #expect(result.stdout.contains("AUTORISÉ SOUS CONDITIONS — Zoom"), "\(result)")
        let english = try Self.lint(path, ["--lang", "en"])
        #expect(english.stdout.contains("DENIED — Teams"), "\(english)")
        #expect(english.stdout.contains("7 rows: 3 allowed, 1 conditional, 2 denied, 1 review, 0 malformed"), "\(english)")
    }

    @Test func jsonReportHasOneResultPerRow() throws {
        let folder = try TemporaryFolder()
        let list = SchoolList.withMalformedRow
        let path = try folder.write("outils.csv", list.excelCSV())
        let (result, report) = try Self.report(path, ["--decisions"])
        #expect(result.status == 65)
        #expect(report.list == path)
        #expect(report.policy.profile == "rennes")
        #expect(report.results.count == list.rows.count)
        #expect(report.results.map(\.row) == Array(1...list.rows.count))
        #expect(report.results.map(\.line) == list.csvLines.map(Optional.some))
        #expect(report.results.map(\.verdict) == list.verdicts)
        #expect(report.results.map(\.tool) == list.rows.map(\.tool), "Windows-1252 names decode (Ma classe à la maison)")
        #expect(report.warnings.map(\.column) == ["notes"])
        #expect(report.error == nil)
        #expect(report.summary.rows == 8 && report.summary.malformed == 1 && report.summary.denied == 2)
        #expect(report.summary.review == 1 && report.summary.allowed == 3 && report.summary.conditional == 1)

        let bad = try #require(report.results.first { $0.verdict == nil })
        #expect(bad.row == 4 && bad.line == 5)
        #expect(bad.decision == nil)
        #expect(bad.problems.map(\.column) == ["mode"])
        #expect(bad.problems.first?.allowed == ["install", "web"])
        #expect(bad.problems.first?.hint?.contains("install") == true)
        // With --decisions, JSON explains every row, allowed ones included; the row's
        // findings are what its decision shows, and its unknown facts the decision's.
        for result in report.results where result.verdict != nil {
            let decision = try #require(result.decision)
            #expect(decision.verdict == result.verdict)
            #expect(result.unknownFacts == decision.unknownFacts)
            let shown: [Decision.Finding] = switch decision.verdict {
            case .denied, .review: decision.reasons
            case .conditional: decision.conditions.filter { $0.status == .unknown && $0.effect != .forbid }
            case .allowed: []
            }
            #expect(result.findings == Dictionary(uniqueKeysWithValues: shown.map { ($0.rule, $0.status) }))
            for finding in shown {
                #expect(report.rules[finding.rule] == LintReport.Rule(effect: finding.effect, layer: finding.layer, message: finding.message,
                                                                      remedy: finding.remedy, citations: finding.citations))
            }
        }
        let cned = try #require(report.results.first { $0.tool == "Ma classe à la maison" })
        #expect(cned.decision?.tool.id == "cned")
        let teams = try #require(report.results.first { $0.tool == "Teams" })
        #expect(teams.decision?.use["audience"] == .set(["pupils", "staff"]))
        #expect(teams.decision?.use["participants"] == .integer(25))
    }

    struct ExitCase: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int32
        var testDescription: String { name }
        var list: SchoolList {
            switch name {
            case "malformed": SchoolList.withMalformedRow
            case "denied": SchoolList.denied
            case "review": SchoolList.reviewOnly
            default: SchoolList.clean
            }
        }
    }

    @Test(arguments: [
        ExitCase(name: "malformed", status: 65), ExitCase(name: "denied", status: 1),
        ExitCase(name: "review", status: 2), ExitCase(name: "clean", status: 0),
    ])
    func exitCodeFollowsTheWorstRow(_ exit: ExitCase) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", exit.list.excelCSV())
        for format in ["text", "json", "sarif", "junit"] {
            let result = try Self.lint(path, ["--format", format])
            #expect(result.status == exit.status, "\(format): \(result)")
        }
    }

    @Test func utf8WithBOMAndCommasGivesTheSameResults() throws {
        let folder = try TemporaryFolder()
        let list = SchoolList.withMalformedRow
        let excel = try folder.write("excel.csv", list.excelCSV())
        let utf8 = try folder.write("utf8.csv", list.utf8CSV())
        let (a, first) = try Self.report(excel, ["--decisions"])
        let (b, second) = try Self.report(utf8, ["--decisions"])
        #expect(a.status == b.status)
        #expect(first.results.map(\.verdict) == second.results.map(\.verdict))
        #expect(first.results.map(\.tool) == second.results.map(\.tool))
        #expect(first.results.map(\.line) == second.results.map(\.line))
        #expect(first.results.map { $0.decision?.reasons.map(\.rule) } == second.results.map { $0.decision?.reasons.map(\.rule) })
        #expect(first.results.map { $0.decision?.use } == second.results.map { $0.decision?.use })
        #expect(second.warnings.map(\.column) == ["notes"])
    }

    @Test func jsonAndYAMLListsGiveTheSameVerdicts() throws {
        let folder = try TemporaryFolder()
        let list = SchoolList.withMalformedRow
        let (_, csv) = try Self.report(try folder.write("outils.csv", list.excelCSV()))
        let sequence = list.yaml(usesKey: false)
        let mapping = list.yaml(usesKey: true)
        let inputs: [(String, [Int]?)] = [
            (try folder.write("outils.json", try list.json()), nil),
            (try folder.write("outils.yaml", sequence.text), sequence.lines),
            (try folder.write("outils-uses.yml", mapping.text), mapping.lines),
        ]
        for (path, lines) in inputs {
            let (result, report) = try Self.report(path)
            #expect(result.status == 65, "\(result)")
            #expect(report.results.map(\.verdict) == list.verdicts, "\(path)")
            #expect(report.results.map(\.row) == Array(1...list.rows.count), "\(path)")
            #expect(report.results.map(\.findings) == csv.results.map(\.findings), "\(path)")
            #expect(report.warnings.map(\.column) == ["notes"], "\(path)")
            if let lines {
                #expect(report.results.map(\.line) == lines.map(Optional.some), "YAML rows carry their lines: \(path)\n\(sequence.text)")
            }
        }
    }

    @Test func yamlLinesInTextOutput() throws {
        let folder = try TemporaryFolder()
        let yaml = SchoolList.denied.yaml(usesKey: true)
        let path = try folder.write("outils.yaml", yaml.text)
        let result = try Self.lint(path, ["--all"])
        #expect(result.status == 1)
        for (index, line) in yaml.lines.enumerated() {
            #expect(result.stdout.contains("\(path):\(line) (n° \(index + 1)) : "), "row \(index + 1) at line \(line):\n\(result)")
        }
    }

    @Test func inputFormatOverridesTheExtension() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.txt", SchoolList.clean.yaml(usesKey: false).text)
        let (result, report) = try Self.report(path, ["--input-format", "yaml"])
        #expect(result.status == 0, "\(result)")
        #expect(report.results.map(\.verdict) == SchoolList.clean.verdicts)
    }

    @Test func jsonRowsCarryTheirLines() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.json", "[\n  {\"tool\": \"zoom\", \"mode\": \"web\"},\n\n  {\"tool\":\n    \"discord\"}\n]\n")
        let (result, report) = try Self.report(path)
        #expect(report.results.map(\.line) == [2, 4], "\(result)")
        let text = try Self.lint(path)
        #expect(text.stdout.contains("\(path):4 (n° 2) : "), "\(text)")
    }

    @Test func malformedJSONIsReportedAtItsLineAndColumnInEveryFormat() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("casse.json", "[{\"tool\": \"zoom\"},\n {\"tool\": \"équipe\",}]")
        let text = try Self.lint(path)
        #expect(text.status == 65)
        #expect(text.stdout.contains("\(path):2:20: erreur : JSON invalide à la ligne 2, colonne 20 : une virgule avant « } »"), "\(text)")

        let (json, report) = try Self.report(path)
        #expect(json.status == 65)
        #expect(report.results.isEmpty)
        #expect(report.error?.line == 2 && report.error?.column == 20, "\(json)")
        #expect(json.stderr.contains("\(path):2:20: erreur : JSON invalide à la ligne 2, colonne 20 : "), "\(json)")
        #expect(report.error?.message.hasPrefix("malformed JSON at line 2, column 20: a comma before `}`") == true, "English in JSON: \(json)")

        let sarif = try Self.lint(path, ["--format", "sarif"])
        let run = ((try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first
        let region = (((run?["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(run?["columnKind"] as? String == "unicodeCodePoints")
        #expect(region?["startLine"] as? Int == 2 && region?["startColumn"] as? Int == 20, "\(sarif)")
    }

    @Test func unterminatedQuoteAtTheLastRow() throws {
        let folder = try TemporaryFolder()
        let list = SchoolList.denied
        var data = list.excelCSV()
        let lastLine = list.rows.count + 2
        data += "\"Zoom;web;pedagogical;none;external;external-meeting;non;;jamais fermé\r\n".data(using: .windowsCP1252)!
        let path = try folder.write("outils.csv", data)

        let text = try Self.lint(path, ["--all"])
        #expect(text.status == 65, "\(text)")
        for index in list.rows.indices {
            #expect(text.stdout.contains("\(path):\(list.csvLines[index]) (n° \(index + 1)) : "), "earlier row \(index + 1) missing:\n\(text)")
        }
        #expect(text.stdout.contains("\(path):\(lastLine): erreur : "), "\(text)")
        #expect(text.stdout.contains("la cellule entre guillemets commencée à la ligne \(lastLine) n'est jamais fermée"), "\(text)")

        let (json, report) = try Self.report(path)
        #expect(json.status == 65)
        #expect(report.results.count == list.rows.count)
        #expect(report.results.map(\.verdict) == list.verdicts)
        #expect(report.error?.line == lastLine)
        #expect(report.error?.hint != nil)
        #expect(json.stderr.contains("\(path):\(lastLine): erreur : "), "\(json)")
    }

    @Test func unreadableListsExit65() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.appendingPathComponent("absent.csv").path
        #expect(try Self.lint(missing).status == 65)
        let empty = try folder.write("vide.csv", Data())
        let result = try Self.lint(empty)
        #expect(result.status == 65)
        #expect(result.stdout.contains("la liste est vide"), "\(result)")
        let notAList = try folder.write("liste.json", "{\"tool\": \"zoom\"}")
        let (json, report) = try Self.report(notAList)
        #expect(json.status == 65)
        #expect(report.error != nil)
        let badYAML = try folder.write("liste.yaml", "- tool: zoom\n  mode: [web\n")
        #expect(try Self.lint(badYAML).status == 65)
    }

    @Test func rowWithoutAToolIsMalformed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", "tool;mode\nzoom;web\n;web\n")
        let (result, report) = try Self.report(path)
        #expect(result.status == 65)
        #expect(report.results.count == 2)
        #expect(report.results[0].verdict == .conditional)
        #expect(report.results[1].verdict == nil)
        #expect(report.results[1].problems.map(\.column) == ["tool"])
    }

    @Test func quotedMultilineCellKeepsLineNumbers() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", "tool;mode;notes\r\nZoom;web;\"ligne 1\r\nligne 2\"\r\nTeams;install;x\r\n")
        let (result, report) = try Self.report(path)
        // Teams installed, computer not said: a personal computer is outside 003's ban.
        #expect(result.status == 0, "\(result)")
        #expect(report.results.map(\.line) == [2, 4])
        #expect(report.results.map(\.verdict) == [.conditional, .conditional])
    }

    /// French Excel turns `'` into `’` as you type: "Scaleway pour l’Éducation" is the
    /// catalog's "Scaleway pour l'Éducation".
    @Test func typographicApostropheResolves() throws {
        let folder = try TemporaryFolder()
        let csv = "tool;mode\r\nScaleway pour l’Éducation;web\r\n".data(using: .windowsCP1252)!
        #expect(csv.contains(0x92))
        let path = try folder.write("outils.csv", csv)
        let (_, report) = try Self.report(path, ["--decisions"])
        let row = try #require(report.results.first)
        #expect(row.tool == "Scaleway pour l’Éducation", "0x92 decodes as U+2019")
        #expect(row.decision?.tool.id == "scaleway-education")
    }
}
