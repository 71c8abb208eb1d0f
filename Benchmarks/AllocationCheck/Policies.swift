import ToolPolicy

/// The two policies the allocation check decides with, loaded from the repository
/// (this file sits two folders below its root).
enum Policies {
    static let repositoryRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func load(_ relativePath: String, profile: String?) -> Policy {
        let result = PolicyLoader.load(at: repositoryRoot + "/" + relativePath, profile: profile)
        guard let policy = result.policy else {
            let errors = result.diagnostics.map { "\($0.code): \($0.message)" }
            fatalError("\(relativePath) does not load:\n" + errors.joined(separator: "\n"))
        }
        return policy
    }

    /// `Rules/` with the rennes profile, crossed with 576 uses, some facts unknown, plus
    /// one unlisted tool: 9,216 requests, the space of `ToolPolicyBench`'s shipped rows.
    static func shipped() -> RequestSpace {
        let modes: [FactValue?] = [.enumeration("install"), .enumeration("web"), nil]
        let computers: [FactValue?] = [.enumeration("administrative"), .enumeration("pedagogical"), .enumeration("personal"), nil]
        let accounts: [FactValue?] = [.set(["none"]), .set(["staff"]), .set(["pupils"]), nil]
        let audiences: [FactValue?] = [.set(["pupils"]), .set(["staff"]), .set(["staff", "external"]), nil]
        let recorded: [FactValue?] = [.bool(false), .bool(true), nil]
        var uses: [[String: FactValue?]] = []
        for mode in modes {
            for computer in computers {
                for account in accounts {
                    for audience in audiences {
                        for record in recorded {
                            var use: [String: FactValue?] = [:]
                            if let mode { use["mode"] = mode }
                            if let computer { use["computer"] = computer }
                            if let account { use["accounts"] = account }
                            if let audience { use["audience"] = audience }
                            if let record { use["recorded"] = record }
                            uses.append(use)
                        }
                    }
                }
            }
        }
        return RequestSpace(
            label: "shipped", policy: load("Rules", profile: "rennes"),
            today: CivilDate(year: 2026, month: 11, day: 23)!, uses: uses, extraTools: ["outil-inconnu"]
        )
    }

    /// `Benchmarks/peers/peers.rules` (32 tools) crossed with its 12 uses: the 384
    /// cases of the peers harness.
    static func peers() -> RequestSpace {
        var uses: [[String: FactValue?]] = []
        for mode in ["install", "web"] {
            for computer in ["administrative", "pedagogical", "personal"] {
                for createsAccounts in [false, true] {
                    uses.append(["mode": .enumeration(mode), "computer": .enumeration(computer), "creates_accounts": .bool(createsAccounts)])
                }
            }
        }
        return RequestSpace(label: "peers", policy: load("Benchmarks/peers/peers.rules", profile: nil), today: CivilDate(days: 0), uses: uses)
    }
}
