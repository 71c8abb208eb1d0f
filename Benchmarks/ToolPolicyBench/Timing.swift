import Foundation
import ToolPolicy
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a timed pass returns, so the optimizer cannot drop the work and so every repeat can
/// be checked against the untimed warm-up pass.
struct Tally: Equatable {
    /// Requests answered `allowed`.
    var allowed = 0
    /// Rules counted as fired (row-specific: true conditions in the trace, or findings).
    var fired = 0
    /// An order-dependent hash of the verdicts.
    var hash: UInt64 = 0
    /// Requests that could not be built (must stay 0).
    var errors = 0

    @inline(__always)
    mutating func add(_ verdict: Verdict, fired count: Int) {
        let code: UInt64
        switch verdict {
        case .allowed: code = 1; allowed += 1
        case .conditional: code = 2
        case .denied: code = 3
        case .review: code = 4
        }
        hash = hash &* 31 &+ code
        fired += count
    }
}

/// One row of the throughput table: a closure that runs the whole prepared workload once.
struct TimedRow {
    let key: String
    let name: String
    let policy: String
    let explains: String
    let covers: String
    let decisions: Int
    /// The allowed count every pass must give, when known in advance.
    let expectedAllowed: Int?
    let run: () -> Tally
}

/// The measurements of one row.
struct RowResult {
    let row: TimedRow
    var wallNs: [Double] = []
    var cpuNs: [Double] = []
    var reference: Tally?
    var failures: [String] = []

    var perDecisionNs: [Double] { wallNs.map { $0 / Double(row.decisions) } }
    var medianNs: Double { Stats.median(perDecisionNs) }
    var minNs: Double { perDecisionNs.min() ?? .nan }
    /// The median CPU time per decision: on a loaded machine, what the row cost while it ran.
    var cpuMedianNs: Double { Stats.median(cpuNs.map { $0 / Double(row.decisions) }) }
    var decisionsPerSecond: Double { 1e9 / medianNs }
    var cpuOverWall: Double { cpuNs.reduce(0, +) / max(wallNs.reduce(0, +), 1) }
}

enum Stats {
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

enum Clock {
    static let clock = ContinuousClock()

    static func nanoseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }

    /// CPU time of the whole process, in nanoseconds.
    static func processCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1e9 + Double(spec.tv_nsec)
    }

    /// Wall and CPU time of one call of `body`.
    @inline(never)
    static func measure<T>(_ body: () throws -> T) rethrows -> (wallNs: Double, cpuNs: Double, value: T) {
        let cpu0 = processCPU()
        let start = clock.now
        let value = try body()
        let wall = nanoseconds(start.duration(to: clock.now))
        return (wall, processCPU() - cpu0, value)
    }
}

/// Runs every row once untimed (warm-up), then `repeats` timed rounds, each round running
/// every row once in turn (round-robin, as the peers harness does), so that a noisy period
/// hits all rows alike. Every pass is checked against the warm-up's tally.
func runRoundRobin(_ rows: [TimedRow], repeats: Int, progress: (String) -> Void) -> [RowResult] {
    var results = rows.map { RowResult(row: $0) }
    for index in results.indices {
        let tally = results[index].row.run()
        results[index].reference = tally
        if let expected = results[index].row.expectedAllowed, tally.allowed != expected {
            results[index].failures.append("warm-up: \(tally.allowed) allowed, expected \(expected)")
        }
        if tally.errors != 0 { results[index].failures.append("warm-up: \(tally.errors) requests failed") }
    }
    for round in 1...repeats {
        for index in results.indices {
            let (wall, cpu, tally) = Clock.measure(results[index].row.run)
            results[index].wallNs.append(wall)
            results[index].cpuNs.append(cpu)
            if tally != results[index].reference {
                results[index].failures.append("repeat \(round): tally \(tally) differs from warm-up \(results[index].reference!)")
            }
        }
        progress("round \(round)/\(repeats) done")
    }
    return results
}
