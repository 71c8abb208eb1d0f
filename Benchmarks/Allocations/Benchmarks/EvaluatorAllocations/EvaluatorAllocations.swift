import Benchmark
import ToolPolicy

// Heap allocations per decision on the evaluator path (docs/performance.md, "Allocations").
//
// One iteration decides every request of a space once (9,216 for the shipped policy, 384
// for the peers policy), each built before the measurement starts, so that one allocation
// on any request shows in every iteration. `mallocCountTotal` of an iteration divided by
// the size of the space is the count per decision. `Thresholds/` holds the ceiling of each
// thresholded benchmark: `swift package benchmark thresholds check` fails when an
// iteration allocates more.

/// A thresholded path: any allocation above the figure in `Thresholds/` fails the check.
func thresholded() -> Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(1),
        maxIterations: 20,
        thresholds: [.mallocCountTotal: BenchmarkThresholds(absolute: [.p90: 0])]
    )
}

/// A path that still allocates: a ceiling at its figure in `Thresholds/`, give or take
/// 1 %. It becomes `thresholded()`, with 0 in its file, when the path stops allocating.
func ceiling() -> Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(1),
        maxIterations: 20,
        thresholds: [.mallocCountTotal: BenchmarkThresholds(relative: [.p90: 1.0])]
    )
}

/// A path measured for comparison only: it has no file in `Thresholds/`.
func informational() -> Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(1),
        maxIterations: 20
    )
}

let benchmarks: @Sendable () -> Void = {
    // The shipped policy's requests still allocate while being built: the tool's name is
    // normalised into new strings (`Policy.toolIndex(named:)`), and a typed set value
    // (`.set(["staff"])`) goes through the text parser. The peers' requests do not.
    for (label, space, building) in [("shipped", Policies.shipped, ceiling()), ("peers", Policies.peers, thresholded())] {
        // verdict(for:trace:) with one trace reused: the allocation-free fast path.
        Benchmark("verdict-trace.\(label)", configuration: thresholded()) { benchmark, space in
            let policy = space.policy
            var trace = EvaluationTrace(for: policy)
            benchmark.startMeasurement()
            for request in space.requests {
                blackHole(policy.verdict(for: request, trace: &trace))
            }
        } setup: { space() }

        // decide(_:): the lazy Decision value (verdict, trace bits, the policy and the
        // request), read for its verdict only: findings are worded when read.
        Benchmark("decide.\(label)", configuration: thresholded()) { benchmark, space in
            let policy = space.policy
            benchmark.startMeasurement()
            for request in space.requests {
                blackHole(policy.decide(request).verdict)
            }
        } setup: { space() }

        // A request built from fact handles resolved once, with typed values
        // (.enumeration("web"), .bool(true), .set(["staff"])), then verdict(for:trace:).
        Benchmark("builder-typed-verdict.\(label)", configuration: building) { benchmark, space in
            let policy = space.policy
            var trace = EvaluationTrace(for: policy)
            var builder = policy.requestBuilder(today: space.today)
            benchmark.startMeasurement()
            for (tool, facts) in zip(space.tools, space.typedFacts) {
                builder.reset()
                builder.tool(named: tool)
                for (fact, value) in facts {
                    do throws(RequestError) { try builder.set(fact, value) } catch {
                        benchmark.error("\(tool): \(error.message)")
                        return
                    }
                }
                blackHole(policy.verdict(for: builder.request, trace: &trace))
            }
        } setup: { space() }

        // The same from text values ("web", "true", "staff,external"), as a school's list
        // or a form gives them.
        Benchmark("builder-text-verdict.\(label)", configuration: building) { benchmark, space in
            let policy = space.policy
            var trace = EvaluationTrace(for: policy)
            var builder = policy.requestBuilder(today: space.today)
            benchmark.startMeasurement()
            for (tool, facts) in zip(space.tools, space.textFacts) {
                builder.reset()
                builder.tool(named: tool)
                for (fact, text) in facts {
                    do throws(RequestError) { try builder.set(fact, text: text) } catch {
                        benchmark.error("\(tool): \(error.message)")
                        return
                    }
                }
                blackHole(policy.verdict(for: builder.request, trace: &trace))
            }
        } setup: { space() }

        // For comparison: policy.request(tool:facts:today:) from a [String: FactValue?]
        // of typed values, then verdict(for:trace:).
        Benchmark("dictionary-request-verdict.\(label)", configuration: informational()) { benchmark, space in
            let policy = space.policy
            var trace = EvaluationTrace(for: policy)
            benchmark.startMeasurement()
            for (tool, facts) in zip(space.tools, space.facts) {
                guard let request = try? policy.request(tool: tool, facts: facts, today: space.today) else {
                    benchmark.error("\(tool) \(facts): the request does not build")
                    return
                }
                blackHole(policy.verdict(for: request, trace: &trace))
            }
        } setup: { space() }
    }
}
