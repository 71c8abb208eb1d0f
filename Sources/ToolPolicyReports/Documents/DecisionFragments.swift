package import ToolPolicy

/// The parts of a decision document that depend on the policy alone, rendered once per
/// compiled policy: each rule's finding up to its status, each rule's remedy, each catalog
/// tool's `tool` object around the query, the `policy` object.
/// ``Decision/jsonBytes(using:)`` writes a decision from its explanation by copying these
/// bytes and writing only what the request gave (the query, the use, the date) and the
/// computed ways to comply: the same bytes as ``Decision/jsonBytes``. The built-in findings
/// (`no-permit`, `unlisted-tool`) and an unlisted tool are written field by field.
///
/// A server builds the table when a policy loads and keeps it with that policy, so a
/// reload brings a new table and a failed reload keeps the old one with the old policy.
package struct DecisionFragments: Sendable {
    /// `{"digest":…,"name":…,"profile":…}`.
    let policy: [UInt8]
    /// The policy identity the table was built for: a decision of another policy is
    /// written field by field.
    let identity: Decision.PolicyIdentity
    /// Per rule (indexed like `Policy.rules`), its finding up to `"status":` (the last
    /// key): the status and `}` follow.
    let findings: [[UInt8]]
    /// Per rule, its remedy as a `remedies` item (`{"en":…,"fr":…}`), `nil` for a rule
    /// that says none.
    let remedies: [[UInt8]?]
    /// Per catalog tool, `{"classCitations":[…],"id":…,"name":…,"query":` and
    /// `,"standing":"…"}`; the query goes between.
    let tools: [(head: [UInt8], tail: [UInt8])]
    /// The index of each tool by id.
    let toolIndex: [String: Int]

    /// The fragments of `policy`'s decisions.
    package init(policy: Policy) {
        identity = policy.identity
        var json = JSONWriter(capacity: 256)
        json.raw("{"); json.key("digest"); json.string(identity.digest)
        json.raw(","); json.key("name"); json.string(identity.name)
        json.raw(","); json.key("profile"); json.string(identity.profile); json.raw("}")
        self.policy = json.bytes
        findings = policy.rules.map { rule in
            var json = JSONWriter(capacity: 512)
            json.findingHead(rule: rule.id, effect: rule.effect, message: rule.message, remedy: rule.remedy,
                             citations: rule.citations, layer: rule.layer)
            return json.bytes
        }
        remedies = policy.rules.map { rule in
            rule.remedy.map { remedy in
                var json = JSONWriter(capacity: 256)
                json.text(remedy)
                return json.bytes
            }
        }
        tools = policy.tools.map { tool in
            var head = JSONWriter(capacity: 256)
            head.raw("{"); head.key("classCitations"); head.array(tool.classification?.citations ?? []) { $0.citation($1) }
            head.raw(","); head.key("id"); head.string(tool.id)
            head.raw(","); head.key("name"); head.string(tool.name)
            head.raw(","); head.key("query")
            var tail = JSONWriter(capacity: 32)
            tail.raw(","); tail.key("standing"); tail.string(tool.standing.rawValue); tail.raw("}")
            return (head.bytes, tail.bytes)
        }
        var toolsByID: [String: Int] = [:]
        for (index, tool) in policy.tools.enumerated() { toolsByID[tool.id] = index }
        toolIndex = toolsByID
    }
}
