import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
@testable import ToolPolicyServer

/// The helpdesk page: language choice, escaping, errors, and no external asset.
@Suite struct HelpdeskTests {
    private static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    private func page(_ uri: String, headers: HTTPFields = [:], _ check: @escaping @Sendable (TestResponse, String) throws -> Void) async throws {
        try await withRouter { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                try check(response, String(buffer: response.body))
            }
        }
    }

    @Test func englishWithLangQuery() async throws {
        try await page("/?lang=en") { response, page in
            #expect(response.status == .ok)
            #expect(page.contains(#"<html lang="en">"#))
            #expect(page.contains(#"<label for="tool">Tool</label>"#))
            #expect(page.contains(#"<input type="hidden" name="lang" value="en">"#))
        }
    }

    @Test(arguments: [("en-GB,en;q=0.9,fr;q=0.5", "en"), ("fr-FR,fr;q=0.9,en;q=0.8", "fr"), ("de-DE,en;q=0.7", "en"), ("de-DE", "fr"), ("en;q=0.2,fr;q=0.8", "fr")])
    func languageFromAcceptLanguage(_ header: String, _ language: String) async throws {
        try await page("/", headers: [.acceptLanguage: header]) { _, page in
            #expect(page.contains(#"<html lang="\#(language)">"#))
        }
    }

    @Test func langQueryWinsOverAcceptLanguage() async throws {
        try await page("/?lang=fr", headers: [.acceptLanguage: "en"]) { _, page in
            #expect(page.contains(#"<html lang="fr">"#))
        }
    }

    /// Each use fact gets exactly one control, and no id is used twice (a template section
    /// that found a name in an enclosing context once rendered a second input per field).
    @Test func everyFieldHasOneControlAndIdsAreUnique() async throws {
        try await page("/") { _, page in
            let ids = page.matches(of: /\bid="([^"]+)"/).map { String($0.output.1) }
            #expect(Set(ids).count == ids.count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
            for fact in ["mode", "computer", "purpose", "recorded", "participants", "dpa_signed", "waiting_room"] {
                let controls = page.components(separatedBy: "name=\"use.\(fact)\"").count - 1
                #expect(controls == 1, "use.\(fact) has \(controls) controls")
            }
            #expect(page.matches(of: /name="use\.accounts"/).count == 4, "one checkbox per value of use.accounts")
        }
    }

    @Test func pageHasNoScriptAndNoExternalAsset() async throws {
        try await page("/") { response, page in
            #expect(!page.lowercased().contains("<script"))
            // No asset from elsewhere: the only addresses are links (the helpdesk's), never a source.
            #expect(!page.contains("src=") && !page.lowercased().contains("<link") && !page.contains("url("))
            let addresses = page.matches(of: /https?:\/\/[^"<\s]+/).count
            let links = page.matches(of: /<a href="https?:\/\/[^"]+">https?:\/\/[^"<]+<\/a>/).count
            #expect(addresses == 2 * links, "an address outside a link: \(page)")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test func everyInputHasALabel() async throws {
        try await page("/") { _, page in
            let ids = page.matches(of: /<(?:input|select|textarea) id="([^"]+)"/).map { String($0.output.1) }
            #expect(ids.count >= 8)
            for id in ids where !id.contains("-0") && !id.contains("-1") && !id.contains("-2") && !id.contains("-3") {
                #expect(page.contains(#"<label for="\#(id)">"#), "\(id) has no label")
            }
            let boxes = page.matches(of: /<label class="check"><input type="checkbox"/).count
            #expect(boxes == 7)
        }
    }

    @Test func everythingFromTheRequestIsEscaped() async throws {
        try await withRouter { client in
            let hostile = "<script>alert(1)</script>\"'&"
            let encoded = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let body = "tool=\(encoded)&requester=\(encoded)&signature=\(encoded)&lang=fr"
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(!page.contains("<script>"))
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
                #expect(page.contains("À EXAMINER"))
            }
        }
    }

    @Test func invalidFormAnswers422WithTheProblemsAndKeepsTheValues() async throws {
        try await withRouter { client in
            let body = "tool=zoom&use.participants=-x&use.mode=install&lang=en"
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .unprocessableContent)
                let page = String(buffer: response.body)
                #expect(page.contains(#"role="alert""#))
                #expect(page.contains("use.participants"))
                #expect(page.contains(#"value="zoom""#))
                #expect(page.contains(#"<option value="install" selected>"#))
            }
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: ByteBuffer(string: "tool=&lang=en")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("Give the tool asked for."))
            }
        }
    }

    @Test func formFieldsDecodePlusPercentAndRepeatedNames() {
        let fields = FormFields(encoded: "tool=Zoom+web&use.accounts=pupils&use.accounts=staff&r=%C3%A9l%C3%A8ve&empty=&=x")
        #expect(fields.value("tool") == "Zoom web")
        #expect(fields.values("use.accounts") == ["pupils", "staff"])
        #expect(fields.value("r") == "élève")
        #expect(fields.value("empty") == nil)
        #expect(fields.value("missing") == nil)
    }

    @Test func htmlEscapeCoversTheFiveCharacters() {
        #expect(HTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("Réunion élèves") == "Réunion élèves")
    }
}
