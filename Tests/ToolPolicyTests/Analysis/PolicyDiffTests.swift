import Testing
@testable import ToolPolicy

/// `diff` between the shipped rules and a copy without Rennes' account-contract rule
/// (003, « 1. Vie Privée »: « il est obligatoire que le chef d'établissement établisse un
/// contrat de sous-traitance de données avec le fournisseur »), checked against a brute
/// force over every tool and a grid of uses.
@Suite struct PolicyDiffTests {
    static let removed = "rennes-privacy-contract"

    /// The shipped sources with one rule's statement (up to the next statement) cut out.
    static func withoutRule(_ id: String) -> [SourceFile] {
        var files: [SourceFile] = []
        for file in PolicyLoader.load(at: TestPolicies.rulesFolder, profile: nil).sources {
            var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            if let start = lines.firstIndex(where: { $0.hasPrefix("rule \"\(id)\"") }) {
                let end = lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") } ?? lines.endIndex
                lines.removeSubrange(start ..< end)
            }
            files.append(SourceFile(path: file.path, text: lines.joined(separator: "\n")))
        }
        return files
    }

    /// Every subset of a set fact's values, comma-separated.
    static func subsets(_ values: [String]) -> [String] {
        (0 ..< 1 << values.count).map { mask in values.indices.filter { mask >> $0 & 1 == 1 }.map { values[$0] }.joined(separator: ",") }
    }

    @Test func removingTheAccountContractRuleChangesExactlyTheUsesABruteForceFinds() throws {
        let old = try TestPolicies.shipped(profile: "rennes")
        let new = try #require(PolicyLoader.load(sources: Self.withoutRule(Self.removed), profile: "rennes").policy)
        #expect(old.rule(id: Self.removed) != nil && new.rule(id: Self.removed) == nil)
        let diff = try PolicyDiff(old: old, new: new, today: TestPolicies.day)

        // The brute force: every tool, and every complete use of a grid that varies every
        // fact the rule reads over all its values.
        var changed: Set<String> = []
        var oldTrace = EvaluationTrace(for: old)
        var newTrace = EvaluationTrace(for: new)
        for tool in old.tools.map(\.id) {
            for mode in ["install", "web"] {
                for computer in ["administrative", "pedagogical", "personal"] {
                    for accounts in Self.subsets(["none", "staff", "pupils", "external"]) {
                        for audience in ["pupils", "staff", "pupils,external"] {
                            for recorded in ["true", "false"] {
                                for dpa in ["true", "false"] {
                                    let facts: [String: FactValue?] = [
                                        "mode": .string(mode), "computer": .string(computer), "accounts": .string(accounts),
                                        "audience": .string(audience), "purpose": .string("class"), "recorded": .string(recorded),
                                        "participants": .string("20"), "dpa_signed": .string(dpa), "waiting_room": .string("true"),
                                    ]
                                    let before = old.verdict(for: try old.request(tool: tool, facts: facts, today: TestPolicies.day), trace: &oldTrace)
                                    let after = new.verdict(for: try new.request(tool: tool, facts: facts, today: TestPolicies.day), trace: &newTrace)
                                    if before != after { changed.insert("\(tool): \(before.rawValue) → \(after.rawValue)") }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(!changed.isEmpty)
        let listed = Set(diff.changes.map { "\($0.tool): \($0.before.rawValue) → \($0.after.rawValue)" })
        #expect(listed == changed)
        for change in diff.changes {
            #expect(change.rules.contains(PolicyDiff.RuleChange(how: "removed", rule: Self.removed)), "\(change.rules)")
            let request = try #require(new.request(for: change.example, today: TestPolicies.day))
            #expect(old.decide(try #require(old.request(for: change.example, today: TestPolicies.day))).verdict == change.before)
            #expect(new.decide(request).verdict == change.after)
            #expect(change.uses.allSatisfy { $0 == "…" || ($0.contains("use.accounts") && $0.contains("not use.dpa_signed")) }, "\(change.uses)")
        }
    }

    @Test func aPolicyComparedWithItselfHasNoChange() throws {
        let policy = try TestPolicies.shipped(profile: "poitiers")
        #expect(try PolicyDiff(old: policy, new: policy, today: TestPolicies.day).changes.isEmpty)
    }
}
