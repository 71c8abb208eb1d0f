package import ToolPolicy

/// The catalog as JSON: each tool with its class and every fact with its source.
package struct CatalogDocument: Codable, Sendable {
    /// A fact of a tool, with the source that states it and the layer that set it.
    package struct Fact: Codable, Sendable {
        package var name: String
        package var value: FactValue
        package var source: Citation
        package var layer: String
    }

    /// A catalog tool with its class under the profile.
    package struct Tool: Codable, Sendable {
        package var id: String
        package var name: String
        package var aliases: [String]
        package var category: String?
        package var standing: ToolStanding
        package var classCitations: [Citation]
        package var facts: [Fact]
    }

    /// Which policy the catalog comes from (as in a decision or a lint report).
    package var policy: Decision.PolicyIdentity
    /// The profile the classes are given under.
    package var profile: String
    /// The policy digest.
    package var digest: String
    /// The tools, in catalog order.
    package var tools: [Tool]

    /// The tool with this id, if any.
    package func tool(_ id: String) -> Tool? { tools.first { $0.id == id } }

    /// The catalog of a compiled policy.
    package init(policy: Policy) {
        self.policy = policy.identity
        profile = policy.profileName
        digest = policy.digest
        tools = policy.tools.map { tool in
            Tool(id: tool.id, name: tool.name, aliases: tool.aliases, category: tool.category, standing: tool.standing,
                 classCitations: tool.classification?.citations ?? [],
                 facts: tool.facts.map { Fact(name: $0.name, value: $0.value, source: $0.source, layer: $0.layer) })
        }
    }
}
