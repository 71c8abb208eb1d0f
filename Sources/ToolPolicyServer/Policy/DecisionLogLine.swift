import Foundation
import ToolPolicy
import ToolPolicyReports

/// The JSON lines of the decision log, written by hand with sorted keys like the decision
/// they hold; a test checks them against `JSONEncoder`'s sorted-keys output.
enum DecisionLogLine {
    /// A decision's line, all but the time, the request id and the route, encoded once, so
    /// that a cached answer logs its decision without keeping the `Decision` itself.
    struct Prepared: Sendable {
        /// The decision's JSON, the same bytes as the `/v1/check` answer.
        var decision: [UInt8]
        /// `,"digest":…,"request":{…}`.
        var asked: [UInt8]
        /// `,"rulesFired":[…]`.
        var rulesFired: [UInt8]
        /// `,"verdict":"…"}`.
        var verdict: [UInt8]

        /// The parts of `decision`'s line.
        init(_ decision: Decision) {
            self.init(decision, json: decision.jsonBytes)
        }

        /// The parts of `decision`'s line, with its JSON already written.
        init(_ decision: Decision, json: [UInt8]) {
            self.init(decisionJSON: json, digest: decision.policy.digest,
                      request: .init(tool: decision.tool.query, use: decision.use, date: decision.date),
                      rulesFired: decision.rulesFired, verdict: decision.verdict)
        }

        /// The answer alone, for a server that keeps no decision log: the line's other
        /// parts are left empty, since no line is ever written.
        init(answer json: [UInt8]) {
            decision = json
            asked = []
            rulesFired = []
            verdict = []
        }

        /// The parts of a line from its fields.
        init(decisionJSON: [UInt8], digest: String, request: Entry.Asked, rulesFired: [String], verdict: Verdict) {
            decision = decisionJSON
            var json = JSONWriter(capacity: 256)
            json.raw(","); json.key("digest"); json.string(digest)
            json.raw(","); json.key("request")
            json.raw("{"); json.key("date"); json.string(request.date)
            json.raw(","); json.key("tool"); json.string(request.tool)
            json.raw(","); json.key("use"); json.facts(request.use); json.raw("}")
            asked = json.bytes
            json = JSONWriter(capacity: 128)
            json.raw(","); json.key("rulesFired"); json.array(rulesFired) { $0.string($1) }
            self.rulesFired = json.bytes
            json = JSONWriter(capacity: 32)
            json.raw(","); json.key("verdict"); json.string(verdict.rawValue); json.raw("}")
            self.verdict = json.bytes
        }

        /// The bytes this line's parts hold.
        var byteCount: Int { decision.count + asked.count + rulesFired.count + verdict.count }

        /// The whole line.
        func line(time: String, requestId: String, route: String) -> [UInt8] {
            var head = JSONWriter(capacity: 16)
            head.raw("{"); head.key("decision")
            var ids = JSONWriter(capacity: 128)
            ids.raw(","); ids.key("requestId"); ids.string(requestId)
            ids.raw(","); ids.key("route"); ids.string(route)
            var when = JSONWriter(capacity: 48)
            when.raw(","); when.key("time"); when.string(time)
            return head.bytes + decision + asked + ids.bytes + rulesFired + when.bytes + verdict
        }
    }

    /// One decision line, as a value `JSONEncoder` can encode for the test.
    struct Entry: Encodable {
        var time: String
        var requestId: String
        var route: String
        var request: Asked
        var verdict: Verdict
        var rulesFired: [String]
        var digest: String
        var decision: Decision

        struct Asked: Encodable {
            var tool: String
            var use: [String: FactValue]
            var date: String
        }

        /// The line's JSON: compact, keys sorted.
        var jsonBytes: [UInt8] {
            Prepared(decisionJSON: decision.jsonBytes, digest: digest, request: request, rulesFired: rulesFired, verdict: verdict)
                .line(time: time, requestId: requestId, route: route)
        }
    }

    /// The one line a `/v1/lint` list leaves, whatever its length: the list's name, the
    /// summary, and its decisions grouped by tool, verdict and rules fired, each group with
    /// its count and its first ``LintEntry/rowsKept`` row numbers. It holds no whole
    /// decision, so a list of one row repeated 50,000 times leaves one short line.
    struct LintEntry: Encodable {
        /// How many row numbers a group keeps.
        static let rowsKept = 10

        struct Group: Encodable {
            var tool: String
            var verdict: Verdict
            var rulesFired: [String]
            var count: Int
            var rows: [Int]
        }

        var time: String
        var requestId: String
        var route = "/v1/lint"
        var list: String
        var digest: String
        var summary: LintSummary
        var decisions: [Group]

        /// The line's JSON: compact, keys sorted.
        var jsonBytes: [UInt8] {
            Array((try? JSONOutput.encoder(pretty: false).encode(self)) ?? Data())
        }
    }
}

extension DecisionDocument {
    /// The rules whose condition held for this request: the reasons, the conditions met
    /// or violated, and the advice given, without duplicates, in that order.
    var rulesFired: [String] {
        var seen = Set<String>()
        return (reasons + conditions + advice)
            .filter { $0.status != .unknown && seen.insert($0.rule).inserted }
            .map(\.rule)
    }
}
