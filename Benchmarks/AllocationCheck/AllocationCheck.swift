import Foundation
import MallocInterposerSwift
import ToolPolicy

/// The allocation check of the evaluator path (docs/performance.md, "Allocations"): counts
/// the heap allocations of each path in one pass over its request space, with
/// ordo-one/malloc-interposer, and compares them with `ceilings.json`.
///
///     swift build -c release --product AllocationCheck && .build/release/AllocationCheck [CEILINGS]
///
/// Exit 0 when no path is above its ceiling (a path below it is noted: lower the figure),
/// 1 when one is, 2 when the count cannot be made (the interposer not loaded, a request
/// that does not build, an unreadable ceilings file). The interposer counts only when it
/// is loaded before `main`; the check loads it itself (`LD_PRELOAD`, then re-executes).
@main struct AllocationCheck {
    /// How many passes are counted after one warm-up pass; the report gives the largest.
    static let passes = 5

    static func main() {
        Interposer.ensureLoaded()
        let path = CommandLine.arguments.dropFirst().first ?? Ceilings.defaultPath
        let ceilings: Ceilings
        switch Ceilings.load(from: path) {
        case .success(let loaded): ceilings = loaded
        case .failure(let error): fail("\(error.path) \(error.reason)", hint: "see Benchmarks/AllocationCheck/ceilings.json for the format")
        }

        var above: [String] = []
        var below: [String] = []
        var measured = Set<String>()
        print("path".padding(toLength: 42, withPad: " ", startingAt: 0) + "per pass   per decision   ceiling")
        for space in [Policies.shipped(), Policies.peers()] {
            for allocationPath in AllocationPath.all {
                let key = "\(allocationPath.name).\(space.label)"
                let count = count(allocationPath, on: space)
                measured.insert(key)
                let ceiling = ceilings.ceilings[key]
                let perDecision = Double(count) / Double(space.count)
                let ceilingText = ceiling.map { "\($0)" } ?? "(none: for comparison)"
                print(key.padding(toLength: 42, withPad: " ", startingAt: 0)
                    + "\(count)".padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(format: "%-15.3f", perDecision) + ceilingText)
                if let ceiling, count > ceiling { above.append("\(key): \(count) > \(ceiling)") }
                if let ceiling, count < ceiling { below.append("\(key): \(count) < \(ceiling)") }
            }
        }
        let unknown = Set(ceilings.ceilings.keys).subtracting(measured).sorted()
        if !unknown.isEmpty {
            fail("\(path) names paths that are not measured: \(unknown.joined(separator: ", "))", hint: "a key is <path>.<space>, e.g. decide.shipped")
        }
        if !above.isEmpty {
            FileHandle.standardError.write(Data("error: allocations above their ceiling:\n  \(above.joined(separator: "\n  "))\n".utf8))
            FileHandle.standardError.write(Data("hint: see the allocation sites, by count, with: valgrind --tool=dhat .build/release/AllocationCheck\n".utf8))
            exit(1)
        }
        if below.isEmpty {
            print("allocations: every thresholded path is at or under its ceiling (\(path))")
        } else {
            print("note: below their ceiling, lower the figure in \(path):\n  \(below.joined(separator: "\n  "))")
        }
    }

    /// The largest count of `passes` passes, after one warm-up pass (which fills the policy's
    /// once-computed caches).
    static func count(_ allocationPath: AllocationPath, on space: RequestSpace) -> Int {
        var largest = 0
        for pass in 0 ... passes {
            MallocInterposerSwift.reset()
            MallocInterposerSwift.hook()
            let problem = allocationPath.pass(space)
            MallocInterposerSwift.unhook()
            if let problem { fail("\(allocationPath.name).\(space.label): \(problem)", hint: "the request spaces hold only valid requests: Benchmarks/AllocationCheck/Policies.swift") }
            if pass > 0 { largest = max(largest, MallocInterposerSwift.getStatistics().mallocCount) }
        }
        return largest
    }

    /// Prints the error and its hint, and exits 2.
    static func fail(_ message: String, hint: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\nhint: \(hint)\n".utf8))
        exit(2)
    }
}
