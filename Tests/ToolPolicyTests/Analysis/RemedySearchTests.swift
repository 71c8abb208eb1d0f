import Foundation
import Testing
@testable import ToolPolicy

/// ``Policy/remedies(for:limit:)`` skips the choices of facts and the values that cannot
/// give a better verdict; it must give exactly what trying them all gives
/// (``ExhaustiveRemedies``): the same remedies, in the same order, under every limit, on
/// every shipped profile, the peers policy and generated policies past the inline storage.
@Suite struct RemedySearchTests {
    /// The policies compared, by name.
    static let policies = ["national", "orleans-tours", "poitiers", "rennes", "strasbourg", "peers", "large", "wide"]

    static func policy(_ name: String) throws -> Policy {
        switch name {
        case "national": try TestPolicies.shipped()
        case "peers":
            try TestPolicies.compile([(
                "peers.rules", String(decoding: try Data(contentsOf: TestPolicies.packageRoot.appendingPathComponent("Benchmarks/peers/peers.rules")), as: UTF8.self)
            )])
        case "large": try TestPolicies.compile(LargePolicyTests.source())
        case "wide": try TestPolicies.compile(wideSource())
        default: try TestPolicies.shipped(profile: name)
        }
    }

    /// 66 boolean use facts, the last one settled by the school, so that facts past slot 63
    /// share one bit of the search's masks: rules read facts on both sides of it.
    static func wideSource() -> String {
        var text = "policy \"wide\"\n\n"
        for fact in 0 ..< 66 { text += "use fact f\(fact): bool \"F\(fact)\"\n" + (fact == 65 ? "  settled by school\n" : "") }
        text += "\ntool alpha \"Alpha\"\n\n"
        let conditions = [
            "forbid when use.f64 and not use.f2", "forbid when use.f63 and use.f65", "forbid when use.f1 and use.f62",
            "permit when use.f0 or use.f64", "permit when use.f63 and not use.f3", "review when use.f4 and use.f5",
        ]
        for (index, condition) in conditions.enumerated() {
            text += "rule \"w\(index)\"\n  \(condition)\n  says fr \"W\(index)\"\n  cites \"doc.txt\" section \"S\"\n\n"
        }
        return text
    }

    /// `count` requests drawn from `seed`: any catalog tool or an unlisted one, and each use
    /// fact unknown (about a third), one of the values a remedy may give it, or another.
    static func requests(_ policy: Policy, count: Int, seed: UInt64) throws -> [UseRequest] {
        let cells = try #require(ExhaustiveRemedies.cells(policy))
        var random = SplitMix(seed: seed)
        func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let tools = policy.tools.map(\.id) + ["outil-inconnu"]
        var builder = policy.requestBuilder(today: TestPolicies.day)
        return (0 ..< count).map { _ in
            builder.reset()
            builder.tool(named: tools[draw(tools.count)])
            var request = builder.request
            for fact in policy.useFacts {
                let pick = draw(10)
                if pick < 3 { continue }
                if pick < 9, !cells[fact.slot].isEmpty {
                    request.slots[fact.slot] = cells[fact.slot][draw(cells[fact.slot].count)]
                    continue
                }
                request.slots[fact.slot] = switch fact.type {
                case .bool: Int64(draw(2))
                case .oneOf(let values): Int64(draw(values.count))
                case .setOf(let values): Int64(1 + draw((1 << values.count) - 1))
                case .integer, .date: Int64(draw(400)) - 20
                case .string: Policy.foreignStringCode("autre \(draw(5))")
                }
            }
            return request
        }
    }

    @Test(arguments: policies)
    func theSearchGivesWhatTryingEveryValueGives(_ name: String) throws {
        let policy = try Self.policy(name)
        let count = name == "wide" ? 12 : 160
        var searched = 0
        var remedies = 0
        for (index, request) in try Self.requests(policy, count: count, seed: 20_261_201).enumerated() {
            let verdict = policy.decide(request).verdict
            if request.toolIndex != nil, verdict == .denied || verdict == .conditional { searched += 1 }
            for limit in index % 5 == 0 ? [1, 2, 3, 5] : [3] {
                let fast = policy.remedies(for: request, limit: limit)
                remedies += fast.count
                #expect(fast == ExhaustiveRemedies.remedies(policy, for: request, limit: limit),
                        "request \(index) (\(request.toolQuery), \(policy.givenFacts(of: request).map { "\($0.name)=\($0.value.spelling)" })), limit \(limit)")
            }
        }
        // The draw covers the search: many requests are searched, and remedies are found.
        #expect(searched >= count / 5, "\(searched) of \(count) requests searched")
        #expect(remedies > 0)
    }
}
