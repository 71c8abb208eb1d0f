import Foundation
import ToolPolicy

/// A school's tool list, written in the shapes schools keep it in: CSV as French Excel
/// exports it, CSV as UTF-8 with a BOM, JSON, YAML.
struct SchoolList: Sendable {
    /// One row: the cells of `SchoolList.columns`, and the verdict the shipped rules give
    /// (`nil`: the row is malformed).
    struct Row: Sendable {
        var cells: [String]
        var verdict: Verdict?

        var tool: String { cells[0] }
    }

    static let columns = ["tool", "mode", "computer", "accounts", "audience", "purpose", "recorded", "participants", "notes"]

    static let allowedZoom = Row(cells: ["Zoom", "web", "pedagogical", "none", "external", "external-meeting", "non", "", "réunion parents"], verdict: .allowed)
    static let deniedZoom = Row(cells: ["Zoom", "install", "administrative", "", "", "", "", "", "secrétariat"], verdict: .denied)
    static let deniedTeams = Row(cells: ["Teams", "web", "pedagogical", "pupils", "pupils|staff", "class", "non", "25", "cours d'été"], verdict: .denied)
    static let malformed = Row(cells: ["zoom", "instal", "pedagogical", "none", "staff", "staff-meeting", "non", "", "mal saisi"], verdict: nil)
    static let allowedBBB = Row(cells: ["BBB visio-agents", "install", "pedagogical", "none", "staff", "staff-meeting", "non", "12", "conseil péda"], verdict: .allowed)
    static let allowedCNED = Row(cells: ["Ma classe à la maison", "web", "personal", "staff", "pupils", "class", "non", "24", "élèves de 4e"], verdict: .allowed)
    static let reviewJitsi = Row(cells: ["Jitsi", "web", "pedagogical", "none", "staff", "staff-meeting", "", "", "à évaluer"], verdict: .review)
    static let conditionalZoom = Row(cells: ["Zoom", "", "", "", "", "", "", "", "à préciser"], verdict: .conditional)

    /// Every kind of row, with a malformed one in the middle.
    static let withMalformedRow = SchoolList(rows: [
        allowedZoom, deniedZoom, deniedTeams, malformed, allowedBBB, allowedCNED, reviewJitsi, conditionalZoom,
    ])
    /// The same list without the malformed row: some rows denied.
    static let denied = SchoolList(rows: withMalformedRow.rows.filter { $0.verdict != nil })
    /// No denied row, one for review.
    static let reviewOnly = SchoolList(rows: [allowedZoom, allowedBBB, reviewJitsi, conditionalZoom])
    /// Only allowed and conditional rows.
    static let clean = SchoolList(rows: [allowedZoom, allowedBBB, allowedCNED, conditionalZoom])

    var rows: [Row]

    var verdicts: [Verdict?] { rows.map(\.verdict) }

    /// The CSV line of each row when every record is one line and the header is line 1.
    var csvLines: [Int] { rows.indices.map { $0 + 2 } }

    /// As French Excel saves "CSV (séparateur : point-virgule)": Windows-1252, `;`, CRLF.
    func excelCSV() -> Data {
        let text = ([Self.columns] + rows.map(\.cells)).map { $0.joined(separator: ";") + "\r\n" }.joined()
        guard let data = text.data(using: .windowsCP1252) else { fatalError("not representable in Windows-1252: \(text)") }
        return data
    }

    /// As "CSV UTF-8": a BOM, `,`, LF; a multi-valued cell is quoted with commas inside.
    func utf8CSV() -> Data {
        func cell(_ text: String) -> String {
            let value = text.replacingOccurrences(of: "|", with: ",")
            return value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        let text = ([Self.columns] + rows.map(\.cells)).map { $0.map(cell).joined(separator: ",") + "\n" }.joined()
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// A typed value for JSON: sets as arrays, booleans, integers; `nil` for an empty cell.
    private static func jsonValue(column: String, _ text: String) -> Any? {
        guard !text.isEmpty else { return nil }
        switch column {
        case "accounts", "audience": return text.split(separator: "|").map(String.init)
        case "recorded": return text == "oui" || text == "true"
        case "participants": return Int(text) ?? text
        default: return text
        }
    }

    /// An array of objects; empty cells are left out.
    func json() throws -> Data {
        let objects: [[String: Any]] = rows.map { row in
            var object: [String: Any] = [:]
            for (column, text) in zip(Self.columns, row.cells) {
                if let value = Self.jsonValue(column: column, text) { object[column] = value }
            }
            return object
        }
        return try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
    }

    /// A YAML sequence of mappings (or, with `usesKey`, a mapping whose `uses` key holds
    /// it), and the 1-based line where each row's mapping starts.
    func yaml(usesKey: Bool) -> (text: String, lines: [Int]) {
        var lines: [String] = usesKey
            ? ["# Outils de visio-conférence de l'école", "school: École Jean Moulin", "uses:"]
            : ["# Outils de visio-conférence de l'école"]
        let indent = usesKey ? "  " : ""
        var starts: [Int] = []
        func quoted(_ text: String) -> String { "\"" + text + "\"" }
        for row in rows {
            starts.append(lines.count + 1)
            var first = true
            for (column, text) in zip(Self.columns, row.cells) where !text.isEmpty {
                let value: String
                switch column {
                case "accounts", "audience":
                    let values = text.split(separator: "|")
                    value = values.count > 1 ? "[" + values.joined(separator: ", ") + "]" : String(values[0])
                case "recorded": value = text == "oui" ? "true" : "false"
                case "tool", "notes": value = quoted(text)
                default: value = text
                }
                lines.append(indent + (first ? "- " : "  ") + "\(column): \(value)")
                first = false
            }
        }
        return (lines.joined(separator: "\n") + "\n", starts)
    }
}

/// `toolpolicy lint --format json`.
struct LintReport: Decodable {
    struct ReadError: Decodable {
        var message: String
        var line: Int?
        var column: Int?
        var hint: String?
    }

    /// One row: its findings name rules of ``LintReport/rules``; `decision` only with `--decisions`.
    struct Row: Decodable {
        var row: Int
        var line: Int?
        var tool: String
        var verdict: Verdict?
        var findings: [String: Decision.Finding.Status]
        var unknownFacts: [String]
        var problems: [RowProblem]
        var decision: DecisionDocument?

        private enum CodingKeys: String, CodingKey { case row, line, tool, verdict, findings, unknownFacts, problems, decision }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            row = try container.decode(Int.self, forKey: .row)
            line = try container.decodeIfPresent(Int.self, forKey: .line)
            tool = try container.decode(String.self, forKey: .tool)
            verdict = try container.decodeIfPresent(Verdict.self, forKey: .verdict)
            findings = try container.decodeIfPresent([String: Decision.Finding.Status].self, forKey: .findings) ?? [:]
            unknownFacts = try container.decodeIfPresent([String].self, forKey: .unknownFacts) ?? []
            problems = try container.decodeIfPresent([RowProblem].self, forKey: .problems) ?? []
            decision = try container.decodeIfPresent(DecisionDocument.self, forKey: .decision)
        }
    }

    /// A rule of the report's `rules` table.
    struct Rule: Decodable, Equatable {
        var effect: RuleEffect
        var layer: String
        var message: LocalizedText
        var remedy: LocalizedText?
        var citations: [Citation]
    }

    var list: String
    var policy: Decision.PolicyIdentity
    var warnings: [RowProblem]
    var results: [Row]
    var rules: [String: Rule]
    var summary: LintSummary
    var error: ReadError?
}
