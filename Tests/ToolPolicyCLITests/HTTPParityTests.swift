import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
@testable import ToolPolicyCLI
import ToolPolicyServer

/// Every case of the domain table gives the same decision over HTTP as through the CLI:
/// the CLI's own parser turns the case's arguments into the HTTP request body, the built
/// binary answers one side, the server's router the other, and the two decisions must be
/// equal field for field.
@Suite struct HTTPParityTests {
    static let services: ServerServices = {
        var options = ServerOptions()
        options.policyPath = CLI.rules
        let store = PolicyStore(path: CLI.rules, profile: nil)
        store.reload()
        return ServerServices(options: options, store: store, decisionLog: nil)
    }()

    @Test("HTTP and CLI agree", arguments: domainCases)
    func sameDecision(_ domainCase: DomainCase) async throws {
        let arguments = domainCase.arguments + ["--date", CheckTests.date]
        let cli = try CLI.run(policy: ["check"] + arguments + ["--format", "json"])
        #expect(cli.status == domainCase.exitCode, "\(cli)")
        let fromCLI = try JSONDecoder().decode(DecisionDocument.self, from: cli.stdoutData)

        let check = try ToolPolicyCommand.Check.parse(arguments)
        let body: [String: Any] = [
            "tool": check.tool,
            "use": try check.useFacts().compactMapValues { value -> Any? in
                guard case .string(let text)? = value else { return nil }
                return text
            },
            "date": CheckTests.date,
        ]
        let data = try JSONSerialization.data(withJSONObject: body)
        let app = Application(router: buildRouter(services: Self.services))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(bytes: data)) { response in
                #expect(response.status == .ok)
                let fromHTTP = try JSONDecoder().decode(DecisionDocument.self, from: Data(response.body.readableBytesView))
                #expect(fromHTTP == fromCLI)
                #expect(fromHTTP.verdict == domainCase.verdict)
            }
        }
    }

    /// Issue 9, pattern 9: one service for several academies. The same request, named
    /// with its profile, gets the same decision from the CLI (`--profile`) and from
    /// `/v1/check` (`"profile"`), whatever the server's default.
    @Test("HTTP with a profile field and CLI --profile agree",
          arguments: ["orleans-tours", "poitiers", "rennes", "strasbourg"])
    func sameDecisionPerProfile(_ profile: String) async throws {
        let requests: [(tool: String, use: [String: String], arguments: [String])] = [
            ("zoom", ["mode": "web", "computer": "pedagogical", "accounts": "none", "audience": "pupils", "purpose": "class", "recorded": "false"],
             ["--mode", "web", "--computer", "pedagogical", "--accounts", "none", "--audience", "pupils", "--purpose", "class", "--no-recorded"]),
            ("jitsi", ["mode": "install", "computer": "pedagogical"], ["--mode", "install", "--computer", "pedagogical"]),
            ("via", ["audience": "pupils,staff", "purpose": "council"], ["--audience", "pupils,staff", "--purpose", "council"]),
        ]
        let app = Application(router: buildRouter(services: Self.services))
        for request in requests {
            let cli = try CLI.run(policy: ["check", request.tool] + request.arguments + ["--profile", profile, "--date", CheckTests.date, "--format", "json"])
            let fromCLI = try JSONDecoder().decode(DecisionDocument.self, from: cli.stdoutData)
            #expect(fromCLI.policy.profile == profile)
            let body: [String: Any] = ["tool": request.tool, "use": request.use, "date": CheckTests.date, "profile": profile]
            let data = try JSONSerialization.data(withJSONObject: body)
            try await app.test(.router) { client in
                try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(bytes: data)) { response in
                    #expect(response.status == .ok)
                    let fromHTTP = try JSONDecoder().decode(DecisionDocument.self, from: Data(response.body.readableBytesView))
                    #expect(fromHTTP == fromCLI, "\(profile) \(request.tool)")
                }
            }
        }
    }

    /// A near miss is a 422 with the candidates over HTTP, as the CLI exits 64.
    @Test func aNearMissIsA422WithTheCandidates() async throws {
        let app = Application(router: buildRouter(services: Self.services))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"tool": "zom", "profile": "strasbourg"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(text.contains("unknown_tool") && text.contains("\"id\":\"zoom\""), "\(text)")
            }
            try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"tool": "zoom", "profile": "lyon"}"#)) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    /// `GET /v1/tools?profile=` gives that profile's classes.
    @Test func theCatalogTakesAProfile() async throws {
        let app = Application(router: buildRouter(services: Self.services))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/tools/bbb-ent?profile=orleans-tours", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(decoding: response.body.readableBytesView, as: UTF8.self).contains("institutional"))
            }
            try await client.execute(uri: "/v1/tools/bbb-ent", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(decoding: response.body.readableBytesView, as: UTF8.self).contains("unclassified"))
            }
            try await client.execute(uri: "/v1/tools?profile=lyon", method: .get) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }
}
