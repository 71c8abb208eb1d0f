import ToolPolicy
import ToolPolicyReports

/// `verify --format sarif`: SARIF 2.1.0, one result per finding at its rule's or tool's
/// line; the SARIF rules are the kinds of finding, the witness goes in the properties.
struct SARIFVerifyReport: Encodable {
    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        let tool: Tool
        let columnKind = "unicodeCodePoints"
        let results: [Result]
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name = "toolpolicy"
        let version: String
        let informationUri = "https://example.invalid/toolpolicy"
        let rules: [Descriptor]
    }

    struct Descriptor: Encodable {
        let id: String
        let shortDescription: Message
    }

    struct Message: Encodable { let text: String }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let properties: Properties
    }

    struct Properties: Encodable {
        let profile: String
        let rule: String?
        let tools: [String]
        let witness: Witness?
        let conditions: [String]
    }

    struct Location: Encodable { let physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable { let uri: String }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    static let descriptions: [VerifyFinding.Kind: String] = [
        .deadRule: "No tool and no use makes the rule's condition true.",
        .shadowedPermit: "The permit holds only where a forbid, a violated requirement or a review decides.",
        .shadowedAdvice: "The advice is given only with a denial.",
        .inertRequirement: "The requirement applies only to uses denied or reviewed anyway.",
        .contradiction: "The requirement is attached only to uses a forbid always denies.",
        .gap: "Uses of a tool that no rule decides.",
        .catalogHole: "A tool fact the catalog does not know changes an answer.",
    ]

    static func render(_ reports: [VerifyReport], version: String) throws -> String {
        let kinds = VerifyFinding.Kind.allCases
        let rules = kinds.map { Descriptor(id: $0.rawValue, shortDescription: Message(text: descriptions[$0] ?? $0.rawValue)) }
        let results = reports.flatMap { report in
            report.findings.map { finding in
                Result(
                    ruleId: finding.kind.rawValue, ruleIndex: kinds.firstIndex(of: finding.kind) ?? 0,
                    level: finding.kind.isError ? "error" : "warning",
                    message: Message(text: "profile \(report.profile): \(finding.message)"
                        + (finding.witness.map { " — witness: \($0.text)" } ?? "")),
                    locations: [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: finding.range.start.file),
                        region: Region(startLine: max(1, finding.range.start.line), startColumn: max(1, finding.range.start.column))
                    ))],
                    properties: Properties(profile: report.profile, rule: finding.rule, tools: finding.tools,
                                           witness: finding.witness, conditions: finding.conditions)
                )
            }
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: version, rules: rules)), results: results)])
        return try JSONOutput.string(log)
    }
}
