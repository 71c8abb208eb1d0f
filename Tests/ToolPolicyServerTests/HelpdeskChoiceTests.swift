import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
import ToolPolicyReports
@testable import ToolPolicyServer

/// Issue 9 on the helpdesk page: the academy is chosen in a select, and a near miss of a
/// listed name (`zom`) offers the candidates as buttons instead of an unlisted review.
@Suite struct HelpdeskChoiceTests {
    private static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    private func post(_ body: String, _ check: @escaping @Sendable (TestResponse, String) throws -> Void) async throws {
        try await withRouter { client in
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: ByteBuffer(string: body)) { response in
                try check(response, String(buffer: response.body))
            }
        }
    }

    @Test func theFormOffersEveryShippedProfileWithTheDefaultSelected() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"<select id="profile" name="profile">"#))
                #expect(page.contains(#"<option value="rennes" selected>rennes</option>"#))
                for profile in ["orleans-tours", "poitiers", "strasbourg"] {
                    #expect(page.contains(#"<option value="\#(profile)">\#(profile)</option>"#), "\(profile)")
                }
            }
        }
    }

    @Test func aNearMissOffersTheCandidatesAndKeepsTheRequest() async throws {
        try await post("tool=zom&use.mode=web&profile=poitiers&requester=Mme+Martin") { response, page in
            #expect(response.status == .unprocessableContent)
            #expect(page.contains("« zom » n&#39;est pas dans le catalogue. Vouliez-vous dire :"))
            #expect(page.contains(#"<button type="submit" name="tool" value="zoom">Zoom</button>"#))
            #expect(page.contains(#"<input type="hidden" name="use.mode" value="web">"#))
            #expect(page.contains(#"<input type="hidden" name="profile" value="poitiers">"#))
            #expect(page.contains(#"<input type="hidden" name="requester" value="Mme Martin">"#))
            #expect(!page.contains("AMIGO"), "a near miss is not an unlisted tool to review")
        }
    }

    @Test func theChosenProfileDecides() async throws {
        // 004 (Poitiers), « Visio conférence et classe virtuelle »: the CNED's virtual class is
        // « Réservé à l'utilisation avec les élèves »; Rennes has no such restriction.
        let body = "tool=cned&use.audience=staff&use.purpose=staff-meeting&use.mode=web"
        try await post(body + "&profile=poitiers") { response, page in
            #expect(response.status == .ok)
            #expect(page.contains(#"<option value="poitiers" selected>poitiers</option>"#))
            #expect(page.contains("poitiers-cned-pupils-only"), "\(page.prefix(2000))")
        }
        try await post(body + "&profile=rennes") { _, page in
            #expect(!page.contains("poitiers-cned-pupils-only"))
        }
    }

    @Test func anUnknownProfileIsAProblemOnThePage() async throws {
        try await post("tool=zoom&profile=lyon") { response, page in
            #expect(response.status == .unprocessableContent)
            #expect(page.contains("unknown profile `lyon`"))
        }
    }
}

/// Issue 9: `/v1/policy` takes the profile too, and lists the profiles served.
@Suite struct PolicyProfileTests {
    @Test func thePolicyDocumentAnswersForTheProfileAsked() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/v1/policy?profile=poitiers", method: .get) { response in
                #expect(response.status == .ok)
                let policy = jsonObject(response.body)
                #expect(policy["profile"] as? String == "poitiers")
                #expect(policy["profiles"] as? [String] == ["orleans-tours", "poitiers", "rennes", "strasbourg"])
            }
            try await client.execute(uri: "/v1/policy", method: .get) { response in
                #expect(jsonObject(response.body)["profile"] as? String == "rennes")
            }
            try await client.execute(uri: "/v1/policy?profile=lyon", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                #expect(apiError(response.body).code == "unknown_profile")
            }
        }
    }
}

/// Issue 9, "same verdict for the same request through the CLI, `/v1/check` with a
/// `profile` field, and the page": `/v1/check` and the page agree in every profile (the
/// CLI's agreement with `/v1/check` is `HTTPParityTests`'s).
@Suite struct PageParityTests {
    static let requests: [(tool: String, use: [(String, String)])] = [
        ("cned", [("audience", "staff"), ("purpose", "staff-meeting"), ("mode", "web")]),
        ("zoom", [("mode", "install"), ("computer", "pedagogical")]),
        ("bbb-visio-agents", [("audience", "pupils"), ("purpose", "class")]),
        ("jitsi", [("mode", "web")]),
        ("via", [("purpose", "council"), ("audience", "staff")]),
    ]

    @Test(arguments: ["rennes", "poitiers", "orleans-tours", "strasbourg"])
    func thePageAndTheAPIGiveTheSameVerdict(profile: String) async throws {
        try await withRouter { client in
            for request in Self.requests {
                let use = request.use.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", ")
                let body = #"{"tool": "\#(request.tool)", "profile": "\#(profile)", "use": {\#(use)}}"#
                let verdict = try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                    try #require(Verdict(rawValue: jsonObject(response.body)["verdict"] as? String ?? ""))
                }
                let form = (["tool=\(request.tool)", "profile=\(profile)"] + request.use.map { "use.\($0.0)=\($0.1)" }).joined(separator: "&")
                try await client.execute(uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: form)) { response in
                    let page = String(buffer: response.body)
                    #expect(page.contains("<title>\(Labels(language: .fr).verdict(verdict)) — "), "\(profile) \(request.tool): \(verdict)")
                }
            }
        }
    }
}
