import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicyServer

/// The CLI and `POST /v1/lint` read lists with the same code: a bad CSV list gets the same
/// answer from both — refused as a whole (exit 65, HTTP 422), or one malformed row among
/// checked ones (exit 65, HTTP 200 with the row's problems).
@Suite struct BadListParityTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: CLI.fixtures.appendingPathComponent("bad-input").appendingPathComponent(name))
    }

    /// The HTTP status and JSON body of `POST /v1/lint` with a CSV body.
    static func post(_ body: Data) async throws -> (HTTPResponse.Status, [String: Any]) {
        let app = Application(router: buildRouter(services: HTTPParityTests.services))
        let (status, data) = try await app.test(.router) { client in
            try await client.execute(uri: "/v1/lint?date=2026-03-02", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(bytes: body)) { response in
                (response.status, Data(response.body.readableBytesView))
            }
        }
        return (status, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
    }

    @Test func aColumnNamedTwiceIsRefusedByBoth() async throws {
        // The HTTP error's message is English (the API's contract); the CLI says it in English with `--lang en`,
        // in French by default.
        let cli = try CLI.run(policy: ["lint", "Tests/ToolPolicyCLITests/Fixtures/bad-input/duplicate-column.csv", "--date", "2026-03-02", "--lang", "en"])
        #expect(cli.status == 65)
        let french = try CLI.run(policy: ["lint", "Tests/ToolPolicyCLITests/Fixtures/bad-input/duplicate-column.csv", "--date", "2026-03-02"])
        #expect(french.status == 65)
        #expect(french.stdout.contains(":1: erreur : les colonnes 2 « mode » et 3 « mode » désignent la même colonne — "), "\(french)")
        let (status, body) = try await Self.post(try Self.fixture("duplicate-column.csv"))
        #expect(status == .unprocessableContent)
        let error = body["error"] as? [String: Any]
        #expect(error?["code"] as? String == "refused_list")
        let message = try #require(error?["message"] as? String)
        #expect(message == "columns 2 `mode` and 3 `mode` name the same column")
        #expect(cli.stdout.contains(message), "\(cli)")
    }

    @Test(arguments: ["extra-cells.csv", "utf16le-no-bom.csv", "huge-cell.csv"])
    func rowsReadTheSameByBoth(_ fixture: String) async throws {
        let cli = try CLI.run(policy: ["lint", "Tests/ToolPolicyCLITests/Fixtures/bad-input/\(fixture)", "--date", "2026-03-02", "--format", "json"])
        let fromCLI = try #require(try JSONSerialization.jsonObject(with: cli.stdoutData) as? [String: Any])
        let (status, fromHTTP) = try await Self.post(try Self.fixture(fixture))
        #expect(status == .ok)
        #expect(NSDictionary(dictionary: fromHTTP["summary"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: fromCLI["summary"] as? [String: Any] ?? [:]))
        let problems = { (report: [String: Any]) in (report["results"] as? [[String: Any]] ?? []).map { ($0["problems"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String } } }
        #expect(problems(fromHTTP) == problems(fromCLI))
        #expect((fromCLI["results"] as? [Any])?.isEmpty == false)
    }
}
