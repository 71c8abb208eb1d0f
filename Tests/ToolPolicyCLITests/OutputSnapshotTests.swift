import Foundation
import SnapshotTesting
import Testing

/// Every output format, for the domain cases, in French and in English, as snapshots
/// (`__Snapshots__/OutputSnapshotTests/`): a change of wording, of content or of layout
/// shows as a diff to review. Temporary paths, GitLab fingerprints (which hash the path) and
/// the policy digest are replaced by fixed words, so editing a rule's text changes only the snapshots that show it.
@Suite(.snapshots(record: .missing)) struct OutputSnapshotTests {
    static func normalised(_ text: String, folder: String? = nil) -> String {
        var out = text
        if let folder { out = out.replacingOccurrences(of: folder, with: "LIST") }
        out = out.replacing(#/sha256:[0-9a-f]{12,64}/#, with: "sha256:DIGEST")
        // A GitLab fingerprint hashes the list's path, which is temporary here.
        out = out.replacing(#/"fingerprint":"[0-9a-f]{32}"/#, with: #""fingerprint":"FINGERPRINT""#)
        return out
    }

    static let cases: [(name: String, request: [String])] = [
        ("zoom-web", ["zoom", "--mode", "web"]),
        ("zoom-install-pedagogical", ["zoom", "--mode", "install", "--computer", "pedagogical"]),
        ("teams-pupil-accounts", ["teams", "--mode", "web", "--accounts", "pupils", "--audience", "pupils"]),
        ("cned-class", ["cned", "--mode", "web", "--audience", "pupils", "--purpose", "class"]),
        ("discord-pupils", ["discord", "--mode", "web", "--audience", "pupils"]),
        ("jitsi-unlisted", ["jitsi"]),
        ("bbb-staff-meeting", ["bbb-visio-agents", "--mode", "install", "--audience", "staff", "--purpose", "staff-meeting"]),
    ]

    @Test(arguments: ["fr", "en"])
    func checkInEveryFormat(_ lang: String) throws {
        for (name, request) in Self.cases {
            for format in ["text", "json"] {
                let result = try CLI.run(policy: ["check"] + request + ["--date", "2026-03-15", "--lang", lang, "--format", format])
                assertSnapshot(of: Self.normalised(result.stdout), as: .lines, named: "check-\(name)-\(format)-\(lang)")
            }
        }
    }

    @Test func everyReplyLetter() throws {
        for (name, request) in Self.cases {
            let result = try CLI.run(policy: ["check"] + request + ["--date", "2026-03-15", "--format", "letter", "--requester", "Mme Martin"])
            assertSnapshot(of: result.stdout, as: .lines, named: "letter-\(name)")
        }
    }

    @Test(arguments: ["fr", "en"])
    func lintInEveryFormat(_ lang: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("outils.csv", SchoolList.withMalformedRow.excelCSV())
        for format in ["text", "json", "sarif", "junit", "gitlab"] {
            let result = try LintTests.lint(path, ["--all", "--lang", lang, "--format", format])
            assertSnapshot(of: Self.normalised(result.stdout, folder: folder.url.path), as: .lines, named: "lint-\(format)-\(lang)")
        }
    }
}
