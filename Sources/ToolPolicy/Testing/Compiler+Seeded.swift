extension Compiler {
    /// A compiler that knows a compiled policy's facts, strings and tool ids, so that a
    /// test case's values and a rule's single tests can be typed and compiled again,
    /// with the same diagnostics and the same slot encoding as the policy's own rules.
    static func seeded(from policy: Policy) -> Compiler {
        var compiler = Compiler()
        for declaration in policy.toolFacts + policy.useFacts {
            compiler.facts[declaration.owner]![declaration.name] = declaration
            compiler.factOrder[declaration.owner]!.append(declaration)
        }
        compiler.strings = policy.strings
        for (index, tool) in policy.tools.enumerated() { compiler.toolIDs[tool.id] = index }
        compiler.toolLookup = policy.toolLookup
        return compiler
    }
}
