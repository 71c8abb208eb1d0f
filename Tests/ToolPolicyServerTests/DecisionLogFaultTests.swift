import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import ToolPolicy
@testable import ToolPolicyServer

/// The decision log never lies: a line is in the file whole or not at all, a failure is
/// counted, shown by `/v1/policy` and `/readyz`, and with `--decision-log-required` the
/// request gets 503 instead of an unlogged 200.
@Suite(.serialized) struct DecisionLogFaultTests {
    /// A disk that fills up: writes succeed while `room` bytes are left, then one short
    /// write, then ENOSPC. Truncating gives the room back, or fails when `truncateFails`.
    final class FillingDisk: Sendable {
        private struct State { var room: Int; var truncateFails: Bool }
        private let state: Mutex<State>

        init(room: Int, truncateFails: Bool = false) { state = Mutex(State(room: room, truncateFails: truncateFails)) }

        func free(_ bytes: Int) { state.withLock { $0.room += bytes } }

        var calls: FileCalls {
            FileCalls(
                write: { descriptor, bytes in
                    let allowed = self.state.withLock { state -> Int in
                        let allowed = min(state.room, bytes.count)
                        state.room -= allowed
                        return allowed
                    }
                    guard allowed > 0 else { errno = ENOSPC; return -1 }
                    return FileCalls.system.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<allowed]))
                },
                truncate: { descriptor, length in
                    let fails = self.state.withLock { $0.truncateFails }
                    if fails { errno = EIO; return -1 }
                    let before = FileCalls.system.size(descriptor)
                    let result = FileCalls.system.truncate(descriptor, length)
                    if result == 0 { self.free(Int(before - length)) }
                    return result
                },
                size: FileCalls.system.size
            )
        }
    }

    private func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("faults-\(UUID().uuidString).jsonl").path
    }

    private func decision() throws -> Decision {
        let policy = try #require(makeServices().store.current?.policy)
        return policy.decide(try policy.request(tool: "zoom", today: .today()))
    }

    /// Every line of the file parses as JSON, and the request ids are `expected`.
    private func expectWholeLines(_ path: String, ids expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the file does not end with a newline", sourceLocation: sourceLocation)
        let ids = try lines.dropLast().map { line in
            let object = try #require(try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a whole line: \(line.prefix(80))…")
            return object["requestId"] as? String ?? ""
        }
        #expect(ids == expected, sourceLocation: sourceLocation)
    }

    @Test func aShortWriteIsCutBackOffAndCounted() throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let decision = try decision()
        let lineSize = DecisionLogLine.Prepared(decision).line(time: Date().timestamp, requestId: "r0", route: "/v1/check").count + 1
        let disk = FillingDisk(room: 2 * lineSize + lineSize / 2)
        let log = try DecisionLog(path: path, calls: disk.calls)
        let written = (0..<5).map { log.record(decision, requestID: "r\($0)", route: "/v1/check") }
        #expect(written == [true, true, false, false, false])
        try expectWholeLines(path, ids: ["r0", "r1"])
        #expect(log.health.failed == 3 && log.health.failing && log.health.written == 2)
        #expect(log.health.lastFailure == String(cString: strerror(ENOSPC)))

        disk.free(10 * lineSize)
        #expect(log.record(decision, requestID: "r5", route: "/v1/check"))
        try expectWholeLines(path, ids: ["r0", "r1", "r5"])
        #expect(!log.health.failing && log.health.failed == 3)
    }

    @Test func whenTheCutFailsTooTheNextLineStartsOnItsOwnLine() throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let decision = try decision()
        let disk = FillingDisk(room: 100, truncateFails: true)
        let log = try DecisionLog(path: path, calls: disk.calls)
        #expect(!log.record(decision, requestID: "lost", route: "/v1/check"))
        disk.free(1 << 20)
        #expect(log.record(decision, requestID: "kept", route: "/v1/check"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].utf8.count == 100, "the fragment left behind")
        let kept = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(kept?["requestId"] as? String == "kept")
    }

    @Test func aFailingLogShowsInReadyzAndPolicyAndAnswersStillGoOut() async throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try DecisionLog(path: path, calls: FillingDisk(room: 0).calls)
        let services = makeServices(decisionLog: log)
        try await withRouter(services) { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(#"{"tool": "zoom"}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)["status"] as? String == "degraded")
                #expect(jsonObject(response.body)["decisionLogFailures"] as? Int == 1)
            }
            try await client.execute(uri: "/v1/policy", method: .get) { response in
                let state = jsonObject(response.body)["decisionLog"] as? [String: Any] ?? [:]
                #expect(state["failed"] as? Int == 1 && state["failing"] as? Bool == true && state["required"] as? Bool == false)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(String(buffer: response.body).contains("toolpolicy_decision_log_write_failures_total 1"))
            }
        }
    }

    @Test(arguments: [
        ("/v1/check", "application/json", #"{"tool": "zoom"}"#),
        ("/v1/reply", "application/json", #"{"tool": "zoom"}"#),
        ("/v1/lint", "text/csv", "tool\nzoom\n"),
        ("/", "application/x-www-form-urlencoded", "tool=zoom"),
    ])
    func whenTheLogIsRequiredAnUnloggedDecisionIs503(uri: String, type: String, body: String) async throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disk = FillingDisk(room: 0)
        let services = makeServices(decisionLog: try DecisionLog(path: path, calls: disk.calls)) { $0.decisionLogRequired = true }
        try await withRouter(services) { client in
            try await client.execute(uri: uri, method: .post, headers: [.contentType: type], body: ByteBuffer(string: body)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(apiError(response.body).code == "decision_not_logged")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
            }
            disk.free(1 << 20)
            try await client.execute(uri: uri, method: .post, headers: [.contentType: type], body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
    }

    /// The attacker's test on a real full file system: a 64 KiB tmpfs. Needs root (mount);
    /// skipped with a message otherwise.
    @Test func onARealFullFileSystemEveryLineIsWholeAndEveryLossCounted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) else {
            print("skipped onARealFullFileSystemEveryLineIsWholeAndEveryLossCounted: cannot mount a tmpfs here (needs root)")
            return
        }
        defer { _ = Self.run("/bin/umount", [folder.path]) }
        let path = folder.appendingPathComponent("decisions.jsonl").path
        let log = try DecisionLog(path: path)
        let services = makeServices(decisionLog: log) { $0.answerCacheBytes = 0 }
        try await withRouter(services) { client in
            for index in 0..<30 {
                let body = #"{"tool": "zoom", "use": {"participants": \#(index)}}"#
                try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body)) { response in
                    #expect(response.status == .ok, "an unlogged decision is still answered by default")
                }
            }
        }
        let health = log.health
        #expect(health.failed > 0, "64 KiB did not fill up; the test proves nothing")
        #expect(health.written + health.failed == 30)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(text.hasSuffix("\n"))
        #expect(lines.count == health.written)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    private static func run(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
