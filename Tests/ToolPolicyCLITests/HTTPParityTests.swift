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
        let fromCLI = try JSONDecoder().decode(Decision.self, from: cli.stdoutData)

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
                let fromHTTP = try JSONDecoder().decode(Decision.self, from: Data(response.body.readableBytesView))
                #expect(fromHTTP == fromCLI)
                #expect(fromHTTP.verdict == domainCase.verdict)
            }
        }
    }
}
