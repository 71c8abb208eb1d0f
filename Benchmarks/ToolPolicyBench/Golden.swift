import Foundation

/// `Benchmarks/peers/golden.json`: the peers harness's 384 expected answers and its mix summary
/// (written by `bench/peers/run.sh --golden`).
struct Golden: Decodable {
    let policy: String
    let factSpaceOrder: String
    let cases: [Case]
    let mix: Mix

    struct Case: Decodable {
        let index: Int
        let facts: Facts
        let allow: Bool
        let forbids: [String]
        let permits: [String]
    }

    struct Facts: Decodable {
        let tool: ToolFacts
        let usage: Usage
    }

    struct ToolFacts: Decodable {
        let institutional: Bool
        let dpaSigned: Bool
        let accountRequired: Bool
        let dataMonetised: Bool
        let webInterface: Bool

        /// The catalog tool of peers.rules with these facts: `tNN`, NN the facts read as binary
        /// digits, institutional the most significant (fact_space_order).
        var toolNumber: Int {
            [institutional, dpaSigned, accountRequired, dataMonetised, webInterface]
                .reduce(0) { $0 * 2 + ($1 ? 1 : 0) }
        }

        var toolID: String {
            let n = toolNumber
            return n < 10 ? "t0\(n)" : "t\(n)"
        }
    }

    struct Usage: Decodable {
        let mode: String
        let computer: String
        let createsAccounts: Bool
    }

    struct Mix: Decodable {
        let generator: String
        let seed: UInt64
        let n: Int
        let firstIndices: [Int]
        let indexSum: Int
        let allowed: Int
    }

    static func load(at path: String) throws -> Golden {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Golden.self, from: data)
    }
}

extension Golden.Case {
    /// The position this case must have in fact_space_order: the six booleans (five tool
    /// facts, then creates_accounts) last fastest, then mode (install, web), then computer.
    var expectedIndex: Int {
        let bools = facts.tool.toolNumber * 2 + (facts.usage.createsAccounts ? 1 : 0)
        let mode = ["install", "web"].firstIndex(of: facts.usage.mode) ?? -1000
        let computer = ["administrative", "pedagogical", "personal"].firstIndex(of: facts.usage.computer) ?? -1000
        return (bools * 2 + mode) * 3 + computer
    }
}
