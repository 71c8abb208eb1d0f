import Foundation
import Hummingbird
import HTTPTypes
import ToolPolicy
import ToolPolicyReports

/// `POST /v1/check`, `POST /v1/lint` and `POST /v1/reply`: decisions over HTTP, in the
/// same JSON as the CLI's `--format json`.
struct DecisionController<Context: RequestContext> {
    let services: ServerServices

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .post("check", use: check)
            .post("lint", use: lint)
            .post("reply", use: reply)
    }

    /// One request → one decision document. A body already answered under the same
    /// policy on the same day is answered from the cache.
    @Sendable func check(request: Request, context: Context) async throws -> Response {
        _ = try RequestBody.requireMediaType(of: request, in: [RequestBody.json])
        let bytes = try await RequestBody.bytes(of: request, limit: services.options.maxBodySize)
        let loaded = try services.policy()
        // The body may name its profile: the key holds every profile's digest.
        let key = AnswerCache.Key(digest: loaded.answerKeyDigest, day: CivilDate.today().days, body: bytes)
        let (cached, cachedBytes) = services.answers.answer(for: key)
        if let answer = cached {
            services.metrics.cacheLookup(hit: true, bytes: cachedBytes)
            services.metrics.decisions(answer.verdict, profile: answer.profile)
            try services.log { $0.record(answer.logLine, requestID: context.id, route: "/v1/check") }
            return JSONResponse.bytes(answer.json)
        }
        let (policy, useRequest) = try checkRequest(bytes, in: loaded)
        var decision = policy.decide(useRequest)
        decision.waysToComply = policy.remedies(for: useRequest)
        services.metrics.decisions(decision.verdict, profile: policy.profileName)
        let json = loaded.decisionFragments(of: policy).map(decision.jsonBytes(using:)) ?? decision.jsonBytes
        let line = services.decisionLog == nil ? DecisionLogLine.Prepared(answer: json) : DecisionLogLine.Prepared(decision, json: json)
        try services.log { $0.record(line, requestID: context.id, route: "/v1/check") }
        let held = services.answers.store(.init(logLine: line, verdict: decision.verdict, profile: policy.profileName), for: key)
        services.metrics.cacheLookup(hit: false, bytes: held)
        return JSONResponse.bytes(line.decision)
    }

    /// The policy and request of a check body: read straight into the request builder
    /// when the body is the usual one, else through ``CheckRequestBody``, whose errors
    /// are the answer.
    ///
    /// - Throws: ``APIError`` 400 `malformed_json`, or 422 as ``CheckRequestBody/request(in:of:)``.
    private func checkRequest(_ bytes: [UInt8], in loaded: LoadedPolicy) throws(APIError) -> (Policy, UseRequest) {
        let root: JSONNode
        do { root = try JSONReader.read(bytes) } catch { throw APIError.malformedJSON(error) }
        if let direct = CheckRequestBody.directRequest(root, in: loaded) { return direct }
        let body = try CheckRequestBody(json: root)
        let policy = try loaded.policy(named: body.profile)
        return (policy, try body.request(in: policy, of: loaded))
    }

    /// One request → the French reply to send to the requester, as text.
    @Sendable func reply(request: Request, context: Context) async throws -> Response {
        _ = try RequestBody.requireMediaType(of: request, in: [RequestBody.json])
        let bytes = try await RequestBody.bytes(of: request, limit: services.options.maxBodySize)
        let body = try CheckRequestBody(json: bytes)
        let loaded = try services.policy()
        let policy = try loaded.policy(named: body.profile)
        let templates = try loaded.requireTemplates()
        let useRequest = try body.request(in: policy, of: loaded)
        var decision = policy.decide(useRequest)
        decision.waysToComply = policy.remedies(for: useRequest)
        services.metrics.decisions(decision.verdict, profile: policy.profileName)
        try services.log { $0.record(decision, requestID: context.id, route: "/v1/reply") }
        let letter = ReplyLetter(policy: policy, templates: templates, requester: body.requester, signature: body.signature)
        return JSONResponse.text(letter.render(decision))
    }

    /// A list of uses (JSON, or CSV with `Content-Type: text/csv`) → the lint document:
    /// every row's result, then the summary. A malformed row is reported in its place and
    /// does not hide the others; a body that cannot be read to its end is a 400 whose
    /// details hold the rows read before the break; a list longer than `--max-lint-rows` is
    /// a 413. The rows are checked twice: once for the summary header and the decision-log
    /// line, written before the answer starts, then again as the document is streamed.
    @Sendable func lint(request: Request, context: Context) async throws -> Response {
        let type = try RequestBody.requireMediaType(of: request, in: [RequestBody.json, RequestBody.csv])
        let bytes = try await RequestBody.bytes(of: request, limit: services.options.maxBodySize)
        let today = try CheckRequestBody.day(request.uri.queryParameters["date"].map(String.init))
        let policy = try services.policy().policy(named: request.profileParameter)
        let name = request.uri.queryParameters["name"].map(String.init) ?? "-"
        let list = try LintList.read(bytes, csv: type == RequestBody.csv, limit: services.options.maxLintRows)
        let linter = UseListLinter(policy: policy, today: today, explain: try request.decisionsParameter)
        let lintContext = LintContext(policy: policy, path: name, language: .fr)

        var logReporter = LintLogReporter()
        let summary = list.lint(linter, into: &logReporter)
        for (verdict, count) in [(Verdict.allowed, summary.allowed), (.conditional, summary.conditional), (.denied, summary.denied), (.review, summary.review)] {
            services.metrics.decisions(verdict, profile: policy.profileName, count: count)
        }
        let entry = logReporter.entry(requestId: context.id, list: name, digest: policy.digest)
        try services.log { $0.append(entry.jsonBytes) }

        if let readError = list.readError {
            var reporter = JSONLintReporter(context: lintContext, to: .memory)
            _ = list.lint(linter, into: &reporter)
            throw APIError.unreadableList(readError, format: type == RequestBody.csv ? "csv" : "json", report: reporter.output.take())
        }
        var response = Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                                body: ResponseBody { writer in try await list.stream(linter, context: lintContext, to: &writer) })
        response.headers[.lintSummary] = "rows=\(summary.rows) allowed=\(summary.allowed) conditional=\(summary.conditional) denied=\(summary.denied) review=\(summary.review) malformed=\(summary.malformed)"
        return response
    }
}

extension APIError {
    /// 400 for a list that could not be read to its end, with the rows read before it;
    /// 422 `refused_list` for a list read but refused as a whole (two columns of one name).
    static func unreadableList(_ error: ListReadError, format: String, report: [UInt8]) -> APIError {
        var details: [String: JSONValue] = [:]
        if let line = error.line { details["line"] = .integer(line) }
        if let column = error.column { details["column"] = .integer(column) }
        if let hint = error.hint { details["hint"] = .string(hint) }
        if let node = try? JSONReader.read(report), let value = JSONValue(node) {
            details["report"] = value
        }
        if error.kind == .refused {
            return APIError(.unprocessableContent, code: "refused_list", message: error.message, details: details)
        }
        return APIError(.badRequest, code: "malformed_\(format)", message: error.message, details: details)
    }
}

extension HTTPField.Name {
    /// `X-Lint-Summary: rows=… allowed=… …`, so a pipeline can read the counts from headers.
    static let lintSummary = HTTPField.Name("X-Lint-Summary")!
}
