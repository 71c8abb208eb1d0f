package import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
package import ToolPolicy
import ToolPolicyReports

/// The audit trail: one JSON line per decision appended to a file (`--decision-log`), with
/// the time, the request id, the route, the request's tool and facts, the verdict, the rules
/// that fired, the policy digest and the whole decision. It records what was asked about
/// a tool and a use, never who asked (no requester name, address or header).
package final class DecisionLog: Sendable {
    private let descriptor: Mutex<Int32>
    /// The file appended to.
    package let path: String

    /// Opens `path` for appending, creating it (mode 0640) if needed.
    ///
    /// - Throws: ``OpenError`` when the file cannot be opened.
    package init(path: String) throws(OpenError) {
        self.path = path
        descriptor = Mutex(try Self.open(path))
    }

    private static func open(_ path: String) throws(OpenError) -> Int32 {
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
        return fd
    }

    /// Opens the path again (on SIGHUP), so that a log moved away by logrotate is followed
    /// by a new file. If the path cannot be opened, the current file is kept.
    ///
    /// - Throws: ``OpenError`` when the path cannot be opened.
    package func reopen() throws(OpenError) {
        let fresh = try Self.open(path)
        descriptor.withLock { fd in
            close(fd)
            fd = fresh
        }
    }

    deinit { descriptor.withLock { _ = close($0) } }

    /// Why the decision log could not be opened.
    package struct OpenError: Error, Sendable, CustomStringConvertible {
        /// The file.
        package let path: String
        /// The system's reason.
        package let reason: String
        /// `cannot open decision log FILE: reason`.
        package var description: String { "cannot open decision log \(path): \(reason)" }
    }

    /// One line of the log. Its JSON is written by hand (``jsonBytes``), like the decision
    /// it holds; a test checks it against `JSONEncoder`'s sorted-keys output.
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
            var json = JSONWriter()
            json.raw("{"); json.key("decision"); decision.write(to: &json)
            json.raw(","); json.key("digest"); json.string(digest)
            json.raw(","); json.key("request")
            json.raw("{"); json.key("date"); json.string(request.date)
            json.raw(","); json.key("tool"); json.string(request.tool)
            json.raw(","); json.key("use"); json.facts(request.use); json.raw("}")
            json.raw(","); json.key("requestId"); json.string(requestId)
            json.raw(","); json.key("route"); json.string(route)
            json.raw(","); json.key("rulesFired"); json.array(rulesFired) { $0.string($1) }
            json.raw(","); json.key("time"); json.string(time)
            json.raw(","); json.key("verdict"); json.string(verdict.rawValue)
            json.raw("}")
            return json.bytes
        }
    }

    /// Appends one decision. A line is written with one `write(2)` on an `O_APPEND` file, so
    /// lines from concurrent requests and replicas never interleave.
    package func record(_ decision: Decision, requestID: String, route: String, at time: Date = Date()) {
        let entry = Entry(
            time: time.timestamp,
            requestId: requestID, route: route,
            request: .init(tool: decision.tool.query, use: decision.use, date: decision.date),
            verdict: decision.verdict, rulesFired: decision.rulesFired, digest: decision.policy.digest, decision: decision
        )
        let line = entry.jsonBytes
        descriptor.withLock { writeLine(line, to: $0) }
    }
}

extension Decision {
    /// The rules whose condition held for this request: the reasons, the conditions met
    /// or violated, and the advice given, without duplicates, in that order.
    var rulesFired: [String] {
        var seen = Set<String>()
        return (reasons + conditions + advice)
            .filter { $0.status != .unknown && seen.insert($0.rule).inserted }
            .map(\.rule)
    }
}
