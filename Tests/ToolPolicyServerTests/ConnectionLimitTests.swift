import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ToolPolicyServer

/// `--header-timeout`, `--idle-timeout` and `--max-connections` on a real socket: a client
/// that sends its head slowly or nothing at all loses its connection, and connections past
/// the cap wait until one closes.
@Suite struct ConnectionLimitTests {
    private static let get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"

    @Test func aHeadNotFinishedInTimeIsClosedAndAWholeOneIsAnswered() async throws {
        let services = makeServices { $0.headerTimeout = 1; $0.idleTimeout = 60 }
        try await withLiveServer(services) { port in
            let slow = try RawConnection(port: port)
            slow.send("GET /healthz HTTP/1.1\r\nHost: x\r\n")
            let cut = await slow.read(waiting: 10)
            #expect(cut.closed && cut.text.isEmpty, "a half-sent head kept its connection: \(cut)")

            let whole = try RawConnection(port: port)
            whole.send(Self.get)
            let answer = await whole.read(waiting: 5)
            #expect(answer.text.hasPrefix("HTTP/1.1 200 OK"))
            #expect(answer.closed, "the kept-alive connection was not closed after the header timeout")
        }
    }

    @Test func aConnectionThatSendsNothingIsClosedByTheIdleTimeout() async throws {
        let services = makeServices { $0.headerTimeout = 60; $0.idleTimeout = 1 }
        try await withLiveServer(services) { port in
            let silent = try RawConnection(port: port)
            let outcome = await silent.read(waiting: 10)
            #expect(outcome.closed && outcome.text.isEmpty)
        }
    }

    @Test func connectionsPastTheCapWaitUntilOneCloses() async throws {
        let services = makeServices { $0.maxConnections = 2; $0.headerTimeout = 60; $0.idleTimeout = 60 }
        try await withLiveServer(services) { port in
            var holders = [try RawConnection(port: port), try RawConnection(port: port)]
            holders[0].send(Self.get)
            #expect(await holders[0].read(waiting: 5).text.hasPrefix("HTTP/1.1 200 OK"))
            let third = try RawConnection(port: port)
            third.send(Self.get)
            #expect(await third.read(waiting: 2).text.isEmpty, "a third connection was served past a cap of 2")
            holders.removeAll()
            #expect(await third.read(waiting: 5).text.hasPrefix("HTTP/1.1 200 OK"))
        }
    }
}
