import Foundation
import ToolPolicy

/// `--verify`: the time `verify` takes on a generated policy of 40 boolean use facts and
/// 200 rules (docs/performance.md). The policy is drawn with SplitMix64 from a fixed seed:
/// each rule is a conjunction of two to four literals, or a disjunction of two such
/// conjunctions; 55% permits, 25% forbids, 10% requires, 10% advice; four catalog tools.
enum VerifyBench {
    static let facts = 40
    static let rules = 200
    static let seed: UInt64 = 20_261_130

    /// The generated policy's text.
    static func policyText() -> String {
        var random = SplitMix64(seed: seed)
        func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        func conjunction() -> String {
            let count = 2 + draw(3)
            var chosen: [Int] = []
            while chosen.count < count {
                let fact = draw(facts)
                if !chosen.contains(fact) { chosen.append(fact) }
            }
            return chosen.map { (draw(2) == 0 ? "not " : "") + "use.f\($0)" }.joined(separator: " and ")
        }
        func condition() -> String {
            draw(4) == 0 ? "(\(conjunction())) or (\(conjunction()))" : conjunction()
        }
        var text = "policy \"generated\"\n\n"
        for fact in 0 ..< facts { text += "use fact f\(fact): bool \"Fait \(fact)\"\n" }
        text += "\n"
        for tool in 0 ..< 4 { text += "tool t\(tool) \"Outil \(tool)\"\n" }
        for rule in 0 ..< rules {
            let kind = draw(20)
            let effect = kind < 11 ? "permit when \(condition())"
                : kind < 16 ? "forbid when \(condition())"
                : kind < 18 ? "require \(conjunction()) when \(conjunction())"
                : "advise when \(condition())"
            text += "\nrule \"r\(rule)\"\n  \(effect)\n  says fr \"Règle \(rule).\"\n  cites \"generated.txt\" section \"\(rule)\"\n"
        }
        return text
    }

    /// Compiles the policy, verifies it `repeats` times and prints the median and the minimum
    /// of the wall-clock and of the process's CPU time (the machine may be shared).
    static func run(repeats: Int) {
        let source = SourceFile(path: "generated.rules", text: policyText())
        let result = PolicyLoader.load(sources: [source], profile: nil)
        guard let policy = result.policy else { failLoad(result, path: "generated.rules") }
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        var times: [Double] = []
        var cpu: [Double] = []
        var findings: [VerifyFinding] = []
        for _ in 0 ..< repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            let startCPU = clock()
            do { findings = try policy.verify(today: today) } catch { failChecks("verify", ["\(error)"]) }
            cpu.append(Double(clock() - startCPU) * 1000 / Double(CLOCKS_PER_SEC))
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        cpu.sort()
        var kinds: [String: Int] = [:]
        for finding in findings { kinds[finding.kind.rawValue, default: 0] += 1 }
        let summary = kinds.keys.sorted().map { "\(kinds[$0]!) \($0)" }.joined(separator: ", ")
        log("verify: generated policy, \(facts) boolean use facts, \(policy.rules.count) rules, \(policy.tools.count) tools: "
            + "wall median \(String(format: "%.1f", times[times.count / 2])) ms, min \(String(format: "%.1f", times[0])) ms; "
            + "CPU median \(String(format: "%.1f", cpu[cpu.count / 2])) ms, min \(String(format: "%.1f", cpu[0])) ms; \(repeats) runs; findings: \(summary)")
    }
}
