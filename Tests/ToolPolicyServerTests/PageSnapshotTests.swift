import Foundation
import Hummingbird
import HummingbirdTesting
import SnapshotTesting
import Testing
@testable import ToolPolicyServer

/// The helpdesk page as the policy folder's `page` template renders it, in French and in
/// English: the blank form, a decision with its reply, a request with problems and a near
/// miss (`__Snapshots__/PageSnapshotTests/`). The digest is replaced by a fixed word.
@Suite(.snapshots(record: .missing)) struct PageSnapshotTests {
    private static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static let submissions: [(name: String, body: String)] = [
        ("denied", "tool=Zoom&use.mode=install&use.computer=pedagogical&use.accounts=pupils&requester=M.+Durand&date=2026-03-15"),
        ("conditional", "tool=Zoom&use.mode=web&date=2026-03-15"),
        ("review", "tool=Jitsi&use.audience=staff&date=2026-03-15"),
        ("problems", "tool=Zoom&use.mode=instal&date=2026-03-15"),
        ("near-miss", "tool=zom&use.mode=web&date=2026-03-15"),
    ]

    static func normalised(_ page: String) -> String {
        page.replacing(#/sha256:[0-9a-f]{12,64}/#, with: "sha256:DIGEST")
    }

    @Test(arguments: ["fr", "en"])
    func theBlankFormAndEverySubmission(_ lang: String) async throws {
        try await withRouter { client in
            try await client.execute(uri: "/?lang=\(lang)", method: .get) { response in
                assertSnapshot(of: Self.normalised(String(buffer: response.body)), as: .lines, named: "form-\(lang)")
            }
            for (name, body) in Self.submissions {
                try await client.execute(uri: "/", method: .post, headers: Self.form, body: ByteBuffer(string: body + "&lang=\(lang)")) { response in
                    assertSnapshot(of: Self.normalised(String(buffer: response.body)), as: .lines, named: "\(name)-\(lang)")
                }
            }
        }
    }
}
