import HummingbirdCore

/// Caps the connections open at once (`--max-connections`) and reports their number to the
/// metrics. At the cap the server stops accepting: new connections wait in the kernel's
/// listen backlog until one closes, so file descriptors and memory stay bounded.
struct ConnectionCounter: AvailableConnectionsDelegate {
    /// The most connections open at once.
    let maximum: Int
    /// Where the count goes.
    let metrics: ServerMetrics
    private var open = 0

    /// A counter admitting at most `maximum` connections.
    init(maximum: Int, metrics: ServerMetrics) {
        self.maximum = maximum
        self.metrics = metrics
    }

    mutating func connectionOpened() {
        open += 1
        metrics.connections(open)
    }

    mutating func connectionClosed() {
        open -= 1
        metrics.connections(open)
    }

    func isAcceptingNewConnections() -> Bool { open < maximum }
}
