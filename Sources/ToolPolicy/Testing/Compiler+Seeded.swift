extension Compiler {
    /// A compiler that knows a compiled policy's facts, strings, tool ids and documents, so
    /// that a test case's values and citations and a rule's single tests can be checked and
    /// compiled again, with the same diagnostics and slot encoding as the policy's own rules.
    /// `documentTexts` are the shipped texts of the documents, by file name.
    static func seeded(from policy: Policy, documentTexts: [String: String] = [:]) -> Compiler {
        var compiler = Compiler()
        for declaration in policy.toolFacts + policy.useFacts {
            compiler.facts[declaration.owner]![declaration.name] = declaration
            compiler.factOrder[declaration.owner]!.append(declaration)
        }
        compiler.strings = policy.strings
        for (index, tool) in policy.tools.enumerated() { compiler.toolIDs[tool.id] = index }
        compiler.toolLookup = policy.toolLookup
        for document in policy.documents {
            compiler.documents[document.id] = document
            compiler.documentOrder.append(document.id)
            if let text = documentTexts[document.id] { compiler.documentTexts[document.id] = searchable(text) }
        }
        return compiler
    }
}
