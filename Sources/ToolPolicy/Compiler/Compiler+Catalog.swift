/// A catalog entry while the compiler collects its facts from the base and the profile.
struct ToolBuilder {
    var id: String
    var name: String
    var aliases: [String]
    var category: String?
    var range: SourceRange
    var facts: [CatalogTool.StatedFact] = []
    var factRanges: [String: (range: SourceRange, layer: String)] = [:]
    var slots: [Int64]
}

/// A compiled classify statement.
struct Classifier {
    var toolClass: ToolClass
    var condition: Int32
    var citations: [Citation]
    var layer: String
    var range: SourceRange
}

extension Compiler {
    mutating func defineTools(_ layer: Layer) {
        for case .tool(let syntax) in layer.statements where !syntax.isExtension {
            let id = syntax.id.value
            if let existing = toolIDs[id] {
                diagnostics.append(.duplicate("tool `\(id)`", at: syntax.id.range, first: tools[existing].range))
                continue
            }
            let index = tools.count
            tools.append(ToolBuilder(
                id: id, name: syntax.name ?? id, aliases: [], category: syntax.category?.value, range: syntax.id.range,
                slots: Array(repeating: Program.unknownSlot, count: factOrder[.tool]!.count)
            ))
            toolIDs[id] = index
            register(name: id, for: index, at: syntax.id.range)
            register(name: syntax.name ?? id, for: index, at: syntax.id.range)
        }
    }

    mutating func stateToolFacts(_ layer: Layer) {
        for case .tool(let syntax) in layer.statements {
            guard let index = toolIDs[syntax.id.value] else {
                diagnostics.append(.extendsUnknownTool(syntax.id.value, known: tools.map(\.id), at: syntax.id.range))
                continue
            }
            if syntax.isExtension, let category = syntax.category, tools[index].category == nil {
                tools[index].category = category.value
            }
            for alias in syntax.aliases {
                let key = ToolName.normalize(alias.value)
                if let first = aliasRanges[key], toolLookup[key] == index {
                    diagnostics.append(.duplicate("alias \"\(alias.value)\" of tool `\(tools[index].id)`", at: alias.range, first: first))
                    continue
                }
                aliasRanges[key] = alias.range
                tools[index].aliases.append(alias.value)
                register(name: alias.value, for: index, at: alias.range)
            }
            for fact in syntax.facts { state(fact, of: index, layer: layer.name) }
        }
    }

    private mutating func state(_ fact: Syntax.ToolFact, of index: Int, layer: String) {
        let name = fact.name.value
        let toolID = tools[index].id
        guard let declaration = facts[.tool]![name] else {
            if facts[.use]![name] != nil {
                diagnostics.append(.useFactOnTool(name, at: fact.name.range))
            } else {
                diagnostics.append(.unknownFact(.tool, name, known: factOrder[.tool]!.map(\.name), at: fact.name.range, otherOwner: false))
            }
            return
        }
        if let first = tools[index].factRanges[name] {
            if first.layer != layer {
                diagnostics.append(.profileChangesBaseFact(name, tool: toolID, at: fact.name.range, base: first.range))
            } else {
                diagnostics.append(.duplicate("fact `\(name)` of tool `\(toolID)`", at: fact.name.range, first: first.range))
            }
            return
        }
        guard let source = fact.source else {
            diagnostics.append(.missingFactSource(name, tool: toolID, at: fact.name.range))
            return
        }
        guard let (value, slot) = constant(fact.value, as: declaration.type, subject: "`tool.\(name)`") else { return }
        tools[index].factRanges[name] = (fact.name.range, layer)
        tools[index].slots[declaration.slot] = slot
        tools[index].facts.append(CatalogTool.StatedFact(name: name, value: value, source: checked(source), layer: layer))
    }

    private mutating func register(name: String, for index: Int, at range: SourceRange) {
        let key = ToolName.normalize(name)
        if let other = toolLookup[key] {
            if other != index {
                diagnostics.append(.toolNameClash(name, tool: tools[index].id, other: tools[other].id, at: range))
            }
            return
        }
        toolLookup[key] = index
    }

    mutating func compileClassifiers(_ layer: Layer) -> [Classifier] {
        var classifiers: [Classifier] = []
        for case .classify(let syntax) in layer.statements {
            inClassify = true
            defer { inClassify = false }
            guard let condition = compileCondition(syntax.condition) else { continue }
            if syntax.citations.isEmpty {
                diagnostics.append(.missingCitation("classify \(syntax.toolClass.rawValue)", at: syntax.range))
                continue
            }
            classifiers.append(Classifier(
                toolClass: syntax.toolClass, condition: condition, citations: checked(syntax.citations),
                layer: layer.name, range: syntax.range
            ))
        }
        return classifiers
    }

    /// Gives each tool the class of the first classify statement that holds for it.
    func classify(_ classifiers: [Classifier]) -> [CatalogTool] {
        let noUseFacts = [Int64](repeating: Program.unknownSlot, count: factOrder[.use]!.count)
        return program.nodes.withUnsafeBufferPointer { nodes in
            noUseFacts.withUnsafeBufferPointer { useFacts in
                tools.enumerated().map { index, tool in
                    let classifier = tool.slots.withUnsafeBufferPointer { toolFacts in
                        let env = Environment(
                            toolFacts: toolFacts, useFacts: useFacts, toolIndex: Int64(index),
                            standing: Program.Standing.unclassified.rawValue, today: 0
                        )
                        return classifiers.first { Program.evaluate($0.condition, nodes, env) == .true }
                    }
                    return CatalogTool(
                        id: tool.id, name: tool.name, aliases: tool.aliases, category: tool.category, facts: tool.facts,
                        toolClass: classifier?.toolClass,
                        classification: classifier.map {
                            CatalogTool.Classification(toolClass: $0.toolClass, citations: $0.citations, layer: $0.layer, range: $0.range)
                        },
                        range: tool.range
                    )
                }
            }
        }
    }
}
