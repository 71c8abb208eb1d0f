package import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
package import Logging
import Synchronization
package import ToolPolicy

/// The audit trail: one JSON line per decision appended to a file (`--decision-log`), with
/// the time, the request id, the route, the request's tool and facts, the verdict, the rules
/// that fired, the policy digest and the whole decision; one line per `/v1/lint` list
/// (``DecisionLogLine``). It records what was asked about a tool and a use, never who asked.
///
/// A line is written whole or not at all: a short or failed write (a full disk) is cut back
/// off under the log's lock, and when even that fails the next line starts with a newline.
/// Every failure is counted, logged on standard error and shown by ``health``; the log never
/// loses a line silently.
package final class DecisionLog: Sendable {
    private struct State {
        var descriptor: Int32
        var fragmentLeft = false
        var health: Health
    }

    /// How the log's writes went since the server started.
    package struct Health: Sendable, Equatable {
        /// The file appended to.
        package var path: String
        /// Lines written whole.
        package var written = 0
        /// Lines that could not be written (nothing of them is in the file).
        package var failed = 0
        /// Whether the last write failed: the log is failing now.
        package var failing = false
        /// The system's reason for the last failure, and when it happened.
        package var lastFailure: String?
        /// When the last failure happened.
        package var lastFailureAt: Date?
    }

    private let state: Mutex<State>
    private let calls: FileCalls
    private let logger: Logger?
    /// The file appended to.
    package let path: String

    /// Opens `path` for appending, creating it (mode 0640) if needed. `calls` are the system
    /// calls the writes make (tests inject faults there); failures are logged to `logger`.
    ///
    /// - Throws: ``OpenError`` when the file cannot be opened.
    package init(path: String, calls: FileCalls = .system, logger: Logger? = nil) throws(OpenError) {
        self.path = path
        self.calls = calls
        self.logger = logger
        state = Mutex(State(descriptor: try Self.open(path), health: Health(path: path)))
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
        state.withLock { state in
            close(state.descriptor)
            state.descriptor = fresh
            state.fragmentLeft = false
        }
    }

    deinit { state.withLock { _ = close($0.descriptor) } }

    /// Why the decision log could not be opened.
    package struct OpenError: Error, Sendable, CustomStringConvertible {
        /// The file.
        package let path: String
        /// The system's reason.
        package let reason: String
        /// `cannot open decision log FILE: reason`.
        package var description: String { "cannot open decision log \(path): \(reason)" }
    }

    /// How the writes went so far.
    package var health: Health { state.withLock { $0.health } }

    /// Appends one decision; `false` when the line could not be written.
    @discardableResult
    package func record(_ decision: Decision, requestID: String, route: String, at time: Date = Date()) -> Bool {
        append(DecisionLogLine.Prepared(decision).line(time: time.timestamp, requestId: requestID, route: route))
    }

    /// Appends one decision already encoded (a cached answer); `false` when it could not be written.
    @discardableResult
    func record(_ prepared: DecisionLogLine.Prepared, requestID: String, route: String, at time: Date = Date()) -> Bool {
        append(prepared.line(time: time.timestamp, requestId: requestID, route: route))
    }

    /// Appends one line as a whole or not at all; `false` when it could not be written.
    func append(_ line: [UInt8]) -> Bool {
        let (outcome, failures) = state.withLock { state -> (AppendOutcome, Int) in
            var bytes = line
            if state.fragmentLeft { bytes.insert(0x0A, at: 0) }
            let outcome = appendWholeLine(bytes, to: state.descriptor, calls: calls)
            switch outcome {
            case .written:
                state.fragmentLeft = false
                state.health.written += 1
                state.health.failing = false
            case .failed(let reason), .failedWithFragment(let reason):
                if case .failedWithFragment = outcome { state.fragmentLeft = true }
                state.health.failed += 1
                state.health.failing = true
                state.health.lastFailure = reason
                state.health.lastFailureAt = Date()
            }
            return (outcome, state.health.failed)
        }
        switch outcome {
        case .written:
            return true
        case .failed(let reason), .failedWithFragment(let reason):
            logger?.error("decision not logged", metadata: [
                "decision_log.path": .string(path), "error": .string(reason),
                "decision_log.failed": .stringConvertible(failures),
                "decision_log.fragment_left": .stringConvertible(outcome != .failed(reason: reason)),
            ])
            return false
        }
    }
}
