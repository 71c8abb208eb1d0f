import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
@testable import ToolPolicyServer

/// Each route answers its nominal request with the right status, type and content.
@Suite struct RouteTests {
    @Test func healthzSaysOK() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)["status"] as? String == "ok")
                #expect(response.headers[.init("X-Request-Id")!]?.isEmpty == false)
            }
        }
    }

    @Test func readyzGivesTheDigestOfTheLoadedPolicy() async throws {
        let services = makeServices()
        let digest = try #require(services.store.current?.policy.digest)
        try await withRouter(services) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)["digest"] as? String == digest)
            }
        }
    }

    @Test func openAPIIsServedAsYAML() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
                #expect(String(buffer: response.body).hasPrefix("openapi: 3.1"))
            }
        }
    }

    @Test func policyTellsNameProfileDigestRulesAndSources() async throws {
        try await withRouter(makeServices(profile: "poitiers")) { client in
            try await client.execute(uri: "/v1/policy", method: .get) { response in
                #expect(response.status == .ok)
                let policy = jsonObject(response.body)
                #expect(policy["name"] as? String == "national")
                #expect(policy["profile"] as? String == "poitiers")
                #expect((policy["digest"] as? String)?.hasPrefix("sha256:") == true)
                #expect((policy["rules"] as? Int ?? 0) > 10)
                #expect((policy["loadMilliseconds"] as? Double ?? -1) >= 0)
                #expect((policy["loadedAt"] as? String)?.hasSuffix("Z") == true)
                let sources = policy["sources"] as? [String] ?? []
                #expect(sources.contains { $0.hasSuffix("poitiers.rules") })
                #expect(!sources.contains { $0.hasSuffix("rennes.rules") })
                let last = policy["lastReload"] as? [String: Any] ?? [:]
                #expect(last["succeeded"] as? Bool == true)
                #expect((last["diagnostics"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test func toolsListTheCatalogWithClassesAndSources() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/tools", method: .get) { response in
                #expect(response.status == .ok)
                let catalog = jsonObject(response.body)
                let tools = catalog["tools"] as? [[String: Any]] ?? []
                #expect(tools.count == 15)
                let zoom = try #require(tools.first { $0["id"] as? String == "zoom" })
                #expect(zoom["standing"] as? String == "tolerated")
                let facts = zoom["facts"] as? [[String: Any]] ?? []
                #expect(!facts.isEmpty)
                #expect(facts.allSatisfy { ($0["source"] as? [String: Any])?["document"] is String })
            }
        }
    }

    @Test(arguments: [("zoom", "zoom"), ("Zoom", "zoom"), ("discord", "discord")])
    func oneToolByIdOrName(_ asked: String, _ id: String) async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/tools/\(asked)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)["id"] as? String == id)
            }
        }
    }

    @Test func checkAnswersADecision() async throws {
        try await withRouter { client in
            let body = #"{"tool": "zoom", "use": {"mode": "install", "computer": "administrative"}, "date": "2026-03-02"}"#
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .ok)
                let decision = try JSONDecoder().decode(DecisionDocument.self, from: Data(response.body.readableBytesView))
                #expect(decision.verdict == .denied)
                #expect(decision.date == "2026-03-02")
                #expect(decision.use["mode"] == .string("install"))
                #expect(decision.reasons.contains { $0.citations.contains { $0.document == "003_1529c0f0d921ea53.txt" } })
            }
        }
    }

    @Test func checkTakesTypedJSONValuesAndNulls() async throws {
        try await withRouter { client in
            let body = #"{"tool": "cned", "use": {"audience": ["pupils"], "recorded": false, "participants": 12, "computer": null}}"#
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .ok)
                let decision = try JSONDecoder().decode(DecisionDocument.self, from: Data(response.body.readableBytesView))
                #expect(decision.use["participants"] == .integer(12))
                #expect(decision.use["recorded"] == .bool(false))
                #expect(decision.use["computer"] == nil)
            }
        }
    }

    @Test func lintReadsJSONAndAnswersTheSameDocumentAsTheCLI() async throws {
        let body = #"[{"tool": "zoom", "mode": "install", "computer": "administrative"}, {"tool": "nosuch"},"# + "\n\n" + #"{"tool": "bbb-ent", "mode": "flying"}]"#
        try await withRouter { client in
            try await client.execute(uri: "/v1/lint?name=list.json&date=2026-03-02", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.init("X-Lint-Summary")!] == "rows=3 allowed=0 conditional=0 denied=1 review=1 malformed=1")
                let report = jsonObject(response.body)
                #expect(report["list"] as? String == "list.json")
                let results = report["results"] as? [[String: Any]] ?? []
                #expect(results.map { $0["verdict"] as? String } == ["denied", "review", nil])
                #expect(results.map { $0["line"] as? Int } == [1, 1, 3])
                let problems = results[2]["problems"] as? [[String: Any]] ?? []
                #expect(problems.first?["column"] as? String == "mode")
                let summary = report["summary"] as? [String: Any] ?? [:]
                #expect(summary["rows"] as? Int == 3)
            }
        }
    }

    @Test func lintReadsFrenchExcelCSV() async throws {
        // Windows-1252, `;`-separated, CRLF: "réunion" is written with the single byte 0xE9.
        let csv = Array("tool;mode;computer;notes\r\nZoom;install;administrative;r".utf8) + [0xE9]
            + Array("union\r\nDiscord;web;pedagogical;\r\n".utf8)
        try await withRouter { client in
            try await client.execute(uri: "/v1/lint", method: .post, headers: [.contentType: "text/csv; charset=windows-1252"],
                                     body: ByteBuffer(bytes: csv)) { response in
                #expect(response.status == .ok)
                let report = jsonObject(response.body)
                let warnings = report["warnings"] as? [[String: Any]] ?? []
                #expect(warnings.first?["column"] as? String == "notes")
                let results = report["results"] as? [[String: Any]] ?? []
                #expect(results.map { $0["verdict"] as? String } == ["denied", "denied"])
                #expect(results.map { $0["line"] as? Int } == [2, 3])
            }
        }
    }

    @Test func replyIsAFrenchLetterForTheRequester() async throws {
        try await withRouter { client in
            let body = #"{"tool": "Jitsi perso", "use": {"audience": ["pupils"]}, "requester": "Mme Martin", "signature": "L'équipe DANE"}"#
            try await client.execute(uri: "/v1/reply", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                let letter = String(buffer: response.body)
                #expect(letter.hasPrefix("Objet : Votre demande d'utilisation de « Jitsi perso » : transmise pour examen"))
                #expect(letter.contains("Bonjour Mme Martin,"))
                // The review answer says the request is registered, and names the source by its title.
                #expect(letter.contains("Votre demande est donc enregistrée pour examen"))
                #expect(letter.contains("Plateforme d'assistance AMIGO : https://assistance.ac-rennes.fr"))
                #expect(letter.contains("Cadre de référence de la visio-conférence (académie de Rennes)"))
                #expect(!letter.contains("003_1529c0f0d921ea53.txt"))
                #expect(letter.contains("l'offre institutionnelle vous permet d'utiliser"))
                #expect(letter.contains("L'équipe DANE"))
            }
        }
    }

    @Test func helpdeskPageIsAFrenchFormByDefault() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains(#"<html lang="fr">"#))
                #expect(page.contains(#"<form method="post" action="/#resultat">"#))
                #expect(page.contains(#"<label for="tool">Outil</label>"#))
            }
        }
    }

    @Test func helpdeskFormPostAnswersWithVerdictAndReply() async throws {
        try await withRouter { client in
            let form = "tool=Zoom&use.mode=install&use.computer=administrative&use.accounts=pupils&use.accounts=staff&requester=M.+Durand&lang=fr"
            try await client.execute(uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form)) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<strong>REFUSÉ</strong>"))
                #expect(page.contains("Cadre de référence de la visio-conférence (académie de Rennes)"))
                #expect(!page.contains("003_1529c0f0d921ea53.txt"))
                #expect(page.contains("Bonjour M. Durand,"))
                #expect(page.contains(#"value="pupils" checked"#))
                #expect(page.contains(#"value="staff" checked"#))
                #expect(page.contains(#"<option value="install" selected>"#))
            }
        }
    }
}
