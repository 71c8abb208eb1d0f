import Foundation
import Hummingbird
import HTTPTypes
import ToolPolicy
import ToolPolicyReports

/// `GET /` and `POST /`: the helpdesk page, in French, or English with `?lang=en` or
/// `Accept-Language`. The form posts back to `/` and works without JavaScript.
struct HelpdeskController<Context: RequestContext> {
    let services: ServerServices

    func add(to router: Router<Context>) {
        router.get("/", use: show)
        router.post("/", use: submit)
    }

    /// The empty form.
    @Sendable func show(request: Request, context: Context) async throws -> Response {
        let language = Self.language(of: request, form: nil)
        let loaded = try services.policy()
        let page = HelpdeskPage(policy: loaded.policy, profiles: Self.profiles(of: loaded), language: language, form: FormFields(encoded: ""), outcome: nil)
        return Self.html(page.render(with: try loaded.requireTemplates()), status: .ok)
    }

    /// The form submitted: the decision and the reply, or what is wrong with the request.
    @Sendable func submit(request: Request, context: Context) async throws -> Response {
        _ = try RequestBody.requireMediaType(of: request, in: [RequestBody.form])
        let bytes = try await RequestBody.bytes(of: request, limit: services.options.maxBodySize)
        let form = FormFields(encoded: String(decoding: bytes, as: UTF8.self))
        let language = Self.language(of: request, form: form)
        let loaded = try services.policy()
        let templates = try loaded.requireTemplates()
        let page: HelpdeskPage
        do {
            let policy = try loaded.policy(named: form.value("profile"))
            let outcome = try decide(form, policy: policy, templates: templates, language: language, requestID: context.id)
            page = HelpdeskPage(policy: policy, profiles: Self.profiles(of: loaded), language: language, form: form, outcome: outcome)
        } catch let error where error.code == "unknown_profile" {
            page = HelpdeskPage(policy: loaded.policy, profiles: Self.profiles(of: loaded), language: language, form: form,
                                outcome: .problems([error.message]))
        }
        switch page.outcome {
        case .problems?, .nearMiss?: return Self.html(page.render(with: templates), status: .unprocessableContent)
        default: return Self.html(page.render(with: templates), status: .ok)
        }
    }

    /// The profiles a request may name: the default first, then the others in order.
    static func profiles(of loaded: LoadedPolicy) -> [String] {
        [loaded.policy.profileName] + loaded.profiles.keys.sorted().filter { $0 != loaded.policy.profileName }
    }

    private func decide(
        _ form: FormFields, policy: Policy, templates: PolicyTemplates, language: Language, requestID: String
    ) throws(APIError) -> HelpdeskPage.Outcome {
        guard let tool = form.value("tool") else { return .problems([PageWords(language: language).toolRequired]) }
        // A near miss of listed tools is a typing mistake: offer the candidates.
        let candidates = policy.nearMisses(of: tool)
        if !candidates.isEmpty { return .nearMiss(tool, candidates) }
        var facts: [String: FactValue?] = [:]
        for fact in policy.useFacts {
            let name = "use." + fact.name
            let given = if case .setOf = fact.type { form.values(name).joined(separator: ",") } else { form.value(name) ?? "" }
            if !given.isEmpty { facts[fact.name] = .string(given) }
        }
        let today: CivilDate
        if let asked = form.value("date") {
            guard let day = CivilDate(parsing: asked) else { return .problems([PageWords(language: language).notADate(asked)]) }
            today = day
        } else {
            today = .today()
        }
        let (request, errors) = policy.collectingRequest(tool: tool, facts: facts, today: today)
        guard errors.isEmpty else {
            return .problems(errors.map { error in
                error.text.text(in: language) + (error.hintText.map { " — " + $0.text(in: language) } ?? "")
            })
        }
        var decision = policy.decide(request)
        decision.waysToComply = policy.remedies(for: request)
        services.metrics.decisions(decision.verdict, profile: policy.profileName)
        try services.log { $0.record(decision, requestID: requestID, route: "/") }
        let letter = ReplyLetter(policy: policy, templates: templates, requester: form.value("requester"), signature: form.value("signature"))
        return .decision(decision, reply: letter.render(decision))
    }

    /// `?lang=`, then the form's `lang`, then the first of fr/en in `Accept-Language`; French by default.
    static func language(of request: Request, form: FormFields?) -> Language {
        if let asked = request.uri.queryParameters["lang"].map(String.init) ?? form?.value("lang"), let language = Language(rawValue: asked) {
            return language
        }
        let accepted = (request.headers[.acceptLanguage] ?? "").split(separator: ",").compactMap { item -> (String, Double)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased().split(separator: "-").first.map(String.init) else { return nil }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, quality)
        }
        let best = accepted.filter { $0.0 == "fr" || $0.0 == "en" }.max { $0.1 < $1.1 }
        return best.flatMap { Language(rawValue: $0.0) } ?? .fr
    }

    /// An HTML response with a policy that allows nothing external: no script, no remote
    /// font or style, forms only to this server.
    static func html(_ page: String, status: HTTPResponse.Status) -> Response {
        var response = JSONResponse.text(page, type: "text/html; charset=utf-8")
        response.status = status
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

extension HTTPField.Name {
    /// `X-Content-Type-Options`.
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
