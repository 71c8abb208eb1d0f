import ToolPolicy

/// `diff`'s text and Markdown: per profile, a summary line, then one line per tool and
/// verdict change with the uses concerned, the rules responsible and an example.
enum DiffText {
    static func render(_ diffs: [PolicyDiff], old: String, new: String) -> String {
        var out = ""
        for diff in diffs {
            out += "profile \(diff.profile): \(old) → \(new): \(summary(diff))\n"
            for change in diff.changes {
                out += "  \(change.name) (\(change.tool)): \(change.before.rawValue) → \(change.after.rawValue)\(because(change))\n"
                for use in change.uses { out += "      when \(use)\n" }
                out += "      e.g. \(change.example.text)\n"
            }
        }
        return out
    }

    static func markdown(_ diffs: [PolicyDiff], old: String, new: String) -> String {
        var out = ""
        for diff in diffs {
            out += "### Profile `\(diff.profile)`: `\(old)` → `\(new)`\n\n\(summary(diff))\n\n"
            guard !diff.changes.isEmpty else { continue }
            out += "| Tool | Verdict | Uses | Because | Example |\n|---|---|---|---|---|\n"
            for change in diff.changes {
                let uses = change.uses.map { "`\($0)`" }.joined(separator: "<br>")
                let rules = change.rules.map { "`\($0.rule)` \($0.how)" }.joined(separator: ", ")
                out += "| \(change.name) | \(change.before.rawValue) → \(change.after.rawValue) | \(uses) | \(rules) | `\(change.example.factsText)` |\n"
            }
            out += "\n"
        }
        return out
    }

    private static func summary(_ diff: PolicyDiff) -> String {
        guard !diff.changes.isEmpty else { return "no verdict changes" }
        let tools = Set(diff.changes.map(\.tool)).count
        var counts: [String: Int] = [:]
        for change in diff.changes { counts["\(change.before.rawValue) → \(change.after.rawValue)", default: 0] += 1 }
        let kinds = counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
        var text = "\(diff.changes.count) verdict change(s) for \(tools) tool(s) (\(kinds))"
        if !diff.addedTools.isEmpty { text += "; tools added: \(diff.addedTools.joined(separator: ", "))" }
        if !diff.removedTools.isEmpty { text += "; tools removed: \(diff.removedTools.joined(separator: ", "))" }
        return text
    }

    private static func because(_ change: PolicyDiff.Change) -> String {
        change.rules.isEmpty ? "" : ", because " + change.rules.map { "\($0.rule) \($0.how)" }.joined(separator: ", ")
    }
}
