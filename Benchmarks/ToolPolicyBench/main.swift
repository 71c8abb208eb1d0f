// ToolPolicyBench: the in-process benchmark of the toolpolicy engine.
//
//   swift build -c release --product ToolPolicyBench
//   .build/release/ToolPolicyBench [PEERS_RULES] [--quick] [--repeats N] [--golden FILE]
//                                  [--shipped DIR] [--profile NAME] [--no-shipped] [--out FILE]
//
// 1. Agreement: the bench/peers five-rule policy (Benchmarks/peers/peers.rules) must give the
//    harness's 384 golden answers, verdict and rules fired, before anything is timed.
// 2. The mix: 100,000 requests drawn with SplitMix64 (seed 20261123), checked against golden.json.
// 3. Setup (load + compile, median of 20) and the first decision.
// 4. Throughput rows, warm-up then round-robin timed repeats, on the peers policy and on the
//    shipped policy (Rules/). See docs/performance.md.

import Foundation
import ToolPolicy

struct Options {
    var rulesPath = "Benchmarks/peers/peers.rules"
    var goldenPath: String?
    var shippedPath = "Rules"
    var shippedProfile: String?
    var shipped = true
    var quick = false
    var repeats: Int?
    var outPath = "bench-out/results.json"
    var only: [String] = []
    var diagnostic = false
    var verify = false

    static let usage = """
    usage: ToolPolicyBench [PEERS_RULES] [--quick] [--repeats N] [--golden FILE] [--shipped DIR]
                           [--profile NAME] [--no-shipped] [--only KEYS] [--diagnostic] [--out FILE]
           ToolPolicyBench --verify [--repeats N]
      PEERS_RULES   the peers policy (default Benchmarks/peers/peers.rules)
      --golden      the golden answers (default: golden.json beside PEERS_RULES)
      --shipped     the shipped policy folder (default Rules); --profile its profile (default: rennes)
      --quick       20,000 timed requests x 3 repeats, setup x 5 (a smoke run, not for quoting)
      --repeats N   timed repeats per row (default 7; at least 5 for quoted figures)
      --only KEYS   time only the rows whose key contains one of these comma-separated
                    strings (keys: peers.A..peers.D, shipped.A, shipped.B), e.g. for profiling
      --diagnostic  also time two variants of peers row A (requests cache-warm, one request
                    repeated) that split its cost into memory, branches and instructions
      --out FILE    where to write the results (default bench-out/results.json)
      --verify      only time `verify` on a generated 40-fact, 200-rule policy (median of N, default 7)
    Exit 0 ok, 1 disagreement with golden.json or a failed check, 64 usage, 65 policy does not load.
    """

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        func value(_ flag: String) -> String {
            guard let value = iterator.next() else { fail(usage: "\(flag) needs a value") }
            return value
        }
        while let argument = iterator.next() {
            switch argument {
            case "--quick": options.quick = true
            case "--repeats":
                guard let n = Int(value(argument)), n >= 1 else { fail(usage: "--repeats needs a positive number") }
                options.repeats = n
            case "--golden": options.goldenPath = value(argument)
            case "--shipped": options.shippedPath = value(argument)
            case "--profile": options.shippedProfile = value(argument)
            case "--no-shipped": options.shipped = false
            case "--out": options.outPath = value(argument)
            case "--diagnostic": options.diagnostic = true
            case "--verify": options.verify = true
            case "--only": options.only = value(argument).split(separator: ",").map(String.init)
            case "-h", "--help": print(usage); exit(0)
            default:
                if argument.hasPrefix("-") { fail(usage: "unknown option \(argument)") }
                options.rulesPath = argument
            }
        }
        return options
    }

    static func fail(usage message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n\(usage)\n".utf8))
        exit(64)
    }
}

func log(_ text: String) { print(text); fflush(nil) }

func failLoad(_ result: PolicyLoadResult, path: String) -> Never {
    let rendered = DiagnosticRenderer(sources: result.sources).render(result.diagnostics)
    FileHandle.standardError.write(Data("error: the policy at \(path) does not load\n\(rendered)".utf8))
    exit(65)
}

func failChecks(_ what: String, _ problems: [String]) -> Never {
    var text = "FAIL \(what): \(problems.count) problem(s)\n"
    for problem in problems.prefix(30) { text += "  \(problem)\n" }
    if problems.count > 30 { text += "  … \(problems.count - 30) more\n" }
    FileHandle.standardError.write(Data(text.utf8))
    exit(1)
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let repeats = options.repeats ?? (options.quick ? 3 : 7)
if options.verify {
    VerifyBench.run(repeats: repeats)
    exit(0)
}
let setupRuns = options.quick ? 5 : 20
var machine = Machine.current()
log("ToolPolicyBench: \(machine.build) build, \(machine.cpu), nproc \(machine.nproc), loadavg \(machine.loadavgStart)")
if machine.build == "debug" { log("warning: debug build; build with -c release for figures worth quoting") }

// --- The peers policy: load (the first, cold load of the process), then agreement. ----------
let goldenPath = options.goldenPath
    ?? URL(fileURLWithPath: options.rulesPath).deletingLastPathComponent().appendingPathComponent("golden.json").path
let golden: Golden
do { golden = try Golden.load(at: goldenPath) } catch {
    FileHandle.standardError.write(Data("error: cannot read \(goldenPath): \(error)\n".utf8))
    exit(65)
}
let peersFirst: (Policy) -> FirstRequest = { _ in
    (golden.cases[0].facts.tool.toolID, PeersBench.typedFacts(golden.cases[0].facts.usage), PeersBench.today)
}
let cold = SetupBench.coldLoad(path: options.rulesPath, profile: nil, label: "peers", first: peersFirst)
guard let peersPolicy = cold.policy else { failLoad(cold.result, path: options.rulesPath) }
var peersSetup = cold.setup
let peers = PeersBench(policy: peersPolicy, golden: golden)

let disagreements = peers.agreement()
if !disagreements.isEmpty { failChecks("agreement with \(goldenPath)", disagreements) }
log("agreement: 384/384 cases match golden.json (verdict; trace forbids and permits; Decision reasons)")

let mix = SplitMix64.indices(seed: golden.mix.seed, count: golden.cases.count, n: golden.mix.n)
let mixProblems = peers.checkMix(mix)
if !mixProblems.isEmpty { failChecks("mix", mixProblems) }
var mixAllowed = 0
do {
    var trace = EvaluationTrace(for: peersPolicy)
    for index in mix where peersPolicy.verdict(for: try peers.request(for: golden.cases[index]), trace: &trace) == .allowed {
        mixAllowed += 1
    }
} catch {
    failChecks("mix", ["request failed: \(error.message)"])
}
if mixAllowed != golden.mix.allowed { failChecks("mix", ["engine allows \(mixAllowed) of the mix, golden \(golden.mix.allowed)"]) }
log("mix: SplitMix64 seed \(golden.mix.seed), n \(mix.count), index sum \(mix.reduce(0, +)), allowed \(mixAllowed): match golden.json")

let timed = options.quick ? 20_000 : mix.count
let timedMix = Array(mix.prefix(timed))
let timedAllowed = timedMix.filter { golden.cases[$0].allow }.count
var rows: [TimedRow]
do { rows = try peers.rows(timedMix, expectedAllowed: timedAllowed, diagnostic: options.diagnostic) } catch {
    failChecks("peers rows", ["request failed: \(error.message)"])
}

// --- The shipped policy. ------------------------------------------------------------------
var shippedSetup: SetupResult?
var shippedInfo: [String: String] = [:]
var shippedFirst: (Policy) -> FirstRequest = { policy in
    (policy.tools.first?.id ?? "zoom", ["mode": .enumeration("web"), "computer": .enumeration("personal")], ShippedBench.today)
}
if options.shipped {
    let loaded = SetupBench.coldLoad(path: options.shippedPath, profile: options.shippedProfile, label: "shipped", first: shippedFirst)
    guard let policy = loaded.policy else { failLoad(loaded.result, path: options.shippedPath) }
    shippedSetup = loaded.setup
    let shipped = ShippedBench(policy: policy)
    let indices = SplitMix64.indices(seed: golden.mix.seed, count: shipped.spaceSize, n: golden.mix.n)
    let requests: [UseRequest]
    do { requests = try shipped.requests(indices) } catch {
        failChecks("shipped mix", ["request failed: \(error.fact): \(error.message)"])
    }
    let (problems, verdicts) = shipped.consistency(requests)
    if !problems.isEmpty { failChecks("shipped: verdict(for:trace:) against decide(_:).verdict", problems) }
    let counts = Verdict.allCases.map { "\($0.rawValue) \(verdicts[$0, default: 0])" }.joined(separator: ", ")
    log("shipped: \(policy.profileName) on \(policy.name), \(policy.tools.count) tools + 1 unlisted × \(ShippedBench.usesPerTool) uses = \(shipped.spaceSize) requests; mix of \(requests.count): \(counts); verdict(for:trace:) = decide().verdict on all")
    shippedInfo = [
        "path": options.shippedPath, "profile": policy.profileName, "digest": policy.digest,
        "rules": String(policy.rules.count), "tools": String(policy.tools.count),
        "space": String(shipped.spaceSize), "mix_verdicts": counts,
    ]
    let timedRequests = Array(requests.prefix(timed))
    var trace = EvaluationTrace(for: policy)
    let allowed = timedRequests.filter { policy.verdict(for: $0, trace: &trace) == .allowed }.count
    rows += shipped.rows(timedRequests, expectedAllowed: allowed)
    rows += RemedyBench.rows(policy, requests)
}

if !options.only.isEmpty {
    rows = rows.filter { row in options.only.contains { row.key.contains($0) } }
    if rows.isEmpty { Options.fail(usage: "--only \(options.only.joined(separator: ",")) selects no row") }
}

// --- Setup: median of 20 loads, each followed by its first decision. ------------------------
SetupBench.measure(&peersSetup, path: options.rulesPath, profile: nil, runs: setupRuns, first: peersFirst)
if options.shipped, var setup = shippedSetup {
    SetupBench.measure(&setup, path: options.shippedPath, profile: options.shippedProfile, runs: setupRuns, first: shippedFirst)
    shippedSetup = setup
}

// --- Throughput. ------------------------------------------------------------------------------
log("timing \(rows.count) rows × \(repeats) repeats of \(timed) decisions, round-robin, after one untimed warm-up pass each")
let results = runRoundRobin(rows, repeats: repeats) { log("  \($0)") }
machine.loadavgEnd = Machine.loadavg()
let failures = results.flatMap { result in result.failures.map { "\(result.row.key): \($0)" } }

// --- Report. ----------------------------------------------------------------------------------
let setups = [peersSetup] + (shippedSetup.map { [$0] } ?? [])
print("")
print(Format.table(
    header: ["policy", "setup ms (median)", "setup ms (min)", "from memory ms (median)", "1st decision µs (median)", "cold load ms", "cold 1st decision µs", "runs"],
    rightAligned: [1, 2, 3, 4, 5, 6, 7],
    rows: setups.map { s in
        [s.label, Format.fixed(Stats.median(s.loadNs) / 1e6, 2), Format.fixed((s.loadNs.min() ?? .nan) / 1e6, 2),
         Format.fixed(Stats.median(s.memoryLoadNs) / 1e6, 2),
         Format.fixed(Stats.median(s.firstDecisionNs) / 1e3, 1), Format.fixed(s.coldLoadNs / 1e6, 2),
         Format.fixed(s.coldFirstDecisionNs / 1e3, 1), String(s.loadNs.count)]
    }
))
print("")
print(Format.table(
    header: ["policy", "row", "explains", "ns/decision median", "ns/decision min", "cpu ns/decision median", "decisions/s (median)", "cpu/wall"],
    rightAligned: [3, 4, 5, 6, 7],
    rows: results.map { r in
        [r.row.policy, r.row.name, r.row.explains, Format.fixed(r.medianNs, 1), Format.fixed(r.minNs, 1),
         Format.fixed(r.cpuMedianNs, 1), Format.grouped(r.decisionsPerSecond), Format.fixed(r.cpuOverWall, 2)]
    }
))
print("")
print("\(timed) decisions per repeat, \(repeats) repeats, \(machine.build) build; loadavg start \(machine.loadavgStart), end \(machine.loadavgEnd)")

let output = Results(
    machine: machine,
    peers: [
        "rules": options.rulesPath, "golden": goldenPath, "digest": peersPolicy.digest,
        "agreement": "384/384", "mix_seed": String(golden.mix.seed), "mix_n": String(mix.count),
        "mix_index_sum": String(mix.reduce(0, +)), "mix_allowed": String(mixAllowed), "timed_n": String(timed),
    ],
    shipped: shippedInfo,
    setup: setups.map { s in
        Results.Setup(
            policy: s.label, runs: s.loadNs.count, loadMsMedian: Stats.median(s.loadNs) / 1e6,
            loadMsMin: (s.loadNs.min() ?? .nan) / 1e6, memoryLoadMsMedian: Stats.median(s.memoryLoadNs) / 1e6,
            firstDecisionUsMedian: Stats.median(s.firstDecisionNs) / 1e3,
            coldLoadMs: s.coldLoadNs / 1e6, coldFirstDecisionUs: s.coldFirstDecisionNs / 1e3
        )
    },
    rows: results.map { r in
        Results.Row(
            key: r.row.key, name: r.row.name, policy: r.row.policy, explains: r.row.explains, covers: r.row.covers,
            decisions: r.row.decisions, repeats: r.wallNs.count, nsPerDecisionMedian: r.medianNs, nsPerDecisionMin: r.minNs,
            cpuNsPerDecisionMedian: r.cpuMedianNs, decisionsPerSecondMedian: r.decisionsPerSecond, cpuOverWall: r.cpuOverWall, wallNs: r.wallNs,
            allowed: r.reference?.allowed ?? -1, failures: r.failures
        )
    },
    ok: failures.isEmpty
)
do {
    try output.write(to: options.outPath)
    print("wrote \(options.outPath)")
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(options.outPath): \(error)\n".utf8))
}
if !failures.isEmpty { failChecks("timed passes", failures) }
