import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
@testable import ToolPolicyServer

/// Reloading: a policy that compiles replaces the old one; one that does not leaves the old
/// one serving and shows its diagnostics in `GET /v1/policy`.
@Suite struct ReloadTests {
    /// A copy of the shipped rules in a temporary folder, to edit.
    final class RulesCopy: Sendable {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("toolpolicy-reload-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: shippedRules), to: url)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func append(_ text: String, to file: String) throws {
            let path = url.appendingPathComponent(file)
            let handle = try FileHandle(forWritingTo: path)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
    }

    @Test func goodReloadSwapsTheDigest() throws {
        let rules = try RulesCopy()
        let store = PolicyStore(path: rules.url.path, profile: nil)
        #expect(store.reload().succeeded)
        let before = try #require(store.current?.policy.digest)
        try rules.append("\n# a comment changes the digest\n", to: "rennes.rules")
        let report = store.reload()
        #expect(report.succeeded)
        #expect(report.digest != before)
        #expect(store.current?.policy.digest == report.digest)
    }

    @Test func failedReloadKeepsTheOldPolicyAndReportsWhere() async throws {
        let rules = try RulesCopy()
        let services = makeServices(path: rules.url.path)
        let before = try #require(services.store.current?.policy.digest)
        try rules.append("\nrule broken:\n  forbid when use.nosuch = true\n", to: "rennes.rules")
        let report = services.store.reload()
        #expect(!report.succeeded)
        #expect(report.rendered.contains("rennes.rules:"))
        #expect(services.store.current?.policy.digest == before)

        try await withRouter(services) { client in
            try await client.execute(uri: "/v1/policy", method: .get) { response in
                #expect(response.status == .ok)
                let policy = jsonObject(response.body)
                #expect(policy["digest"] as? String == before)
                let last = policy["lastReload"] as? [String: Any] ?? [:]
                #expect(last["succeeded"] as? Bool == false)
                #expect((last["errors"] as? Int ?? 0) >= 1)
                let diagnostic = (last["diagnostics"] as? [[String: Any]])?.first ?? [:]
                #expect((diagnostic["code"] as? String)?.hasPrefix("TP") == true)
                #expect(diagnostic["range"] != nil)
            }
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(#"{"tool": "discord"}"#)) { response in
                #expect(response.status == .ok)
                let decision = try JSONDecoder().decode(DecisionDocument.self, from: Data(response.body.readableBytesView))
                #expect(decision.policy.digest == before)
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func requestsDuringReloadsAllGetAnAnswer() async throws {
        let rules = try RulesCopy()
        let services = makeServices(path: rules.url.path)
        let digests = Set([try #require(services.store.current?.policy.digest)])
        try await withRouter(services) { client in
            try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    for round in 0..<5 {
                        try rules.append("\n# round \(round)\n", to: "rennes.rules")
                        services.store.reload()
                    }
                    return "reloads"
                }
                for _ in 0..<50 {
                    group.addTask {
                        try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(#"{"tool": "zoom"}"#)) { response in
                            #expect(response.status == .ok)
                            return try JSONDecoder().decode(DecisionDocument.self, from: Data(response.body.readableBytesView)).policy.digest
                        }
                    }
                }
                var answered = 0
                for try await result in group where result != "reloads" {
                    answered += 1
                    #expect(result.hasPrefix("sha256:"))
                }
                #expect(answered == 50)
            }
        }
        #expect(!digests.contains(services.store.current?.policy.digest ?? ""))
    }
}
