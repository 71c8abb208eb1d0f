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
        let key = AnswerCache.Key(digest: loaded.digests, day: CivilDate.today().days, body: bytes)
        if let answer = services.answers.answer(for: key) {
            services.decisionLog?.record(answer.decision, requestID: context.id, route: "/v1/check")
            return JSONResponse.bytes(answer.json)
        }
        let body = try CheckRequestBody(json: bytes)
        let policy = try loaded.policy(named: body.profile)
        let decision = policy.decide(try body.request(in: policy))
        services.decisionLog?.record(decision, requestID: context.id, route: "/v1/check")
        let json = decision.jsonBytes
        services.answers.store(.init(decision: decision, json: json), for: key)
        return JSONResponse.bytes(json)
    }

    /// One request → the French reply to send to the requester, as text.
    @Sendable func reply(request: Request, context: Context) async throws -> Response {
        let (decision, body, policy) = try await decide(request, context: context, route: "/v1/reply")
        let letter = ReplyLetter(policy: policy, requester: body.requester, signature: body.signature)
        return JSONResponse.text(letter.render(decision))
    }

    private func decide(_ request: Request, context: Context, route: String) async throws -> (Decision, CheckRequestBody, Policy) {
        _ = try RequestBody.requireMediaType(of: request, in: [RequestBody.json])
        let bytes = try await RequestBody.bytes(of: request, limit: services.options.maxBodySize)
        let body = try CheckRequestBody(json: bytes)
        let policy = try services.policy().policy(named: body.profile)
        let decision = policy.decide(try body.request(in: policy))
        services.decisionLog?.record(decision, requestID: context.id, route: route)
        return (decision, body, policy)
    }

    /// A list of uses (JSON, or CSV with `Content-Type: text/csv`) → the lint document:
    /// every row's result, then the summary. A malformed row is reported in its place and
    /// does not hide the others; a body that cannot be read to its end is a 400 whose
    /// details hold the rows read before the break.
    @Sendable func lint(request: Request, context: Context) async throws -> Response {
        let type = try RequestBody.requireMediaType(of: request, in: [RequestBody.json, RequestBody.csv])
        let bytes = try await RequestBody.bytes(of: request, limit: services.options.maxBodySize)
        let today = try CheckRequestBody.day(request.uri.queryParameters["date"].map(String.init))
        let policy = try services.policy().policy(named: request.profileParameter)
        let name = request.uri.queryParameters["name"].map(String.init) ?? "-"
        let linter = UseListLinter(policy: policy, today: today, explainAllowed: true)
        var reporter = RecordingLintReporter(
            inner: JSONLintReporter(context: LintContext(policy: policy, path: name, language: .fr), to: .memory),
            log: services.decisionLog, requestID: context.id
        )
        let (summary, readError) = LintRun.run(linter, into: &reporter) { header, body throws(ListReadError) in
            if type == RequestBody.csv {
                try ListDecoding.csv(bytes, header: header, body: body)
            } else {
                try ListDecoding.json(bytes, header: header, body: body)
            }
        }
        let document = reporter.inner.output.take()
        if let readError {
            throw APIError.unreadableList(readError, format: type == RequestBody.csv ? "csv" : "json", report: document)
        }
        var response = JSONResponse.bytes(document)
        response.headers[.lintSummary] = "rows=\(summary.rows) allowed=\(summary.allowed) conditional=\(summary.conditional) denied=\(summary.denied) review=\(summary.review) malformed=\(summary.malformed)"
        return response
    }
}

/// The JSON lint reporter, recording each row's decision in the decision log on the way.
struct RecordingLintReporter: LintReporter, ~Copyable {
    var inner: JSONLintReporter
    let log: DecisionLog?
    let requestID: String

    mutating func begin(columnWarnings: [RowProblem]) { inner.begin(columnWarnings: columnWarnings) }

    mutating func report(_ result: LintResult) {
        if let log, let decision = result.decision { log.record(decision, requestID: requestID, route: "/v1/lint") }
        inner.report(result)
    }

    mutating func finish(summary: LintSummary, readError: ListReadError?) { inner.finish(summary: summary, readError: readError) }
}

extension APIError {
    /// 400 for a list that could not be read to its end, with the rows read before it.
    static func unreadableList(_ error: ListReadError, format: String, report: [UInt8]) -> APIError {
        var details: [String: JSONValue] = [:]
        if let line = error.line { details["line"] = .integer(line) }
        if let column = error.column { details["column"] = .integer(column) }
        if let hint = error.hint { details["hint"] = .string(hint) }
        if let node = try? JSONReader.read(report), let value = JSONValue(node) {
            details["report"] = value
        }
        return APIError(.badRequest, code: "malformed_\(format)", message: error.message, details: details)
    }
}

extension HTTPField.Name {
    /// `X-Lint-Summary: rows=… allowed=… …`, so a pipeline can read the counts from headers.
    static let lintSummary = HTTPField.Name("X-Lint-Summary")!
}
