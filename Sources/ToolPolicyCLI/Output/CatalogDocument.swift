import ToolPolicy

/// The catalog as JSON: each tool with its class and every fact with its source.
struct CatalogDocument: Codable {
    struct Fact: Codable {
        var name: String
        var value: FactValue
        var source: Citation
        var layer: String
    }

    struct Tool: Codable {
        var id: String
        var name: String
        var aliases: [String]
        var category: String?
        var standing: ToolStanding
        var classCitations: [Citation]
        var facts: [Fact]
    }

    var profile: String
    var digest: String
    var tools: [Tool]

    /// The tool with this id, if any.
    func tool(_ id: String) -> Tool? { tools.first { $0.id == id } }

    init(policy: Policy) {
        profile = policy.profileName
        digest = policy.digest
        tools = policy.tools.map { tool in
            Tool(id: tool.id, name: tool.name, aliases: tool.aliases, category: tool.category, standing: tool.standing,
                 classCitations: tool.classification?.citations ?? [],
                 facts: tool.facts.map { Fact(name: $0.name, value: $0.value, source: $0.source, layer: $0.layer) })
        }
    }
}
