/// Checks names and types across the base and a profile and builds a ``Policy``.
///
/// Like the parser, the compiler goes on after an error and reports every one it finds;
/// it returns a policy only when there is no error.
struct Compiler {
    var diagnostics: [Diagnostic] = []
    var program = Program()
    var facts: [FactOwner: [String: FactDeclaration]] = [.tool: [:], .use: [:]]
    var factOrder: [FactOwner: [FactDeclaration]] = [.tool: [], .use: []]
    var strings: [String: Int64] = [:]
    var tools: [ToolBuilder] = []
    var toolIDs: [String: Int] = [:]
    var toolLookup: [String: Int] = [:]
    /// Where each alias (normalised) was written, to report one written twice.
    var aliasRanges: [String: SourceRange] = [:]
    /// The facts the expression being compiled reads.
    var referenced: Set<String> = []
    /// Whether the expression being compiled is a classify condition.
    var inClassify = false
    /// The declared source documents, by id, and in declaration order.
    var documents: [String: SourceDocument] = [:]
    var documentOrder: [String] = []
    /// The shipped texts of declared documents, made searchable, by id.
    var documentTexts: [String: String] = [:]
    /// Other names of the tool column (`column tool aka …`).
    var toolColumnNames: [String] = []
    /// Where each column name (normalised) was claimed, to report one given twice.
    var columnNameRanges: [String: SourceRange] = [:]

    /// Compiles the base and, optionally, a profile on top of it.
    static func compile(
        base: Layer, profile: Layer?, digest: String, files: [String], documentTexts: [String: String] = [:]
    ) -> (policy: Policy?, diagnostics: [Diagnostic]) {
        var compiler = Compiler()
        let layers = [base] + (profile.map { [$0] } ?? [])
        for layer in layers { compiler.declareDocuments(layer, texts: documentTexts) }
        for layer in layers { compiler.declareFacts(layer) }
        for layer in layers { compiler.declareColumns(layer) }
        for layer in layers { compiler.defineTools(layer) }
        for layer in layers { compiler.stateToolFacts(layer) }
        let classifiers = layers.flatMap { compiler.compileClassifiers($0) }
        var rules: [Rule] = []
        var ruleRanges: [String: (range: SourceRange, layer: String)] = [:]
        for layer in layers { compiler.compileRules(layer, into: &rules, ranges: &ruleRanges, baseName: base.name) }
        var overrides: [RuleOverride] = []
        if let profile {
            overrides = compiler.compileOverrides(profile, rules: rules, baseName: base.name)
        }
        for file in base.files {
            for case .override(let override) in file.statements {
                compiler.diagnostics.append(.overrideInBase(at: override.target.range))
            }
        }
        guard !compiler.diagnostics.containsErrors else { return (nil, compiler.diagnostics) }

        let overridden = Set(overrides.map(\.ruleID))
        rules.removeAll { overridden.contains($0.id) }
        let catalog = compiler.classify(classifiers)
        var indices = Policy.RuleIndices()
        for (index, rule) in rules.enumerated() {
            switch rule.effect {
            case .forbid: indices.forbid.append(index)
            case .permit: indices.permit.append(index)
            case .require: indices.require.append(index)
            case .advise: indices.advise.append(index)
            case .review: indices.review.append(index)
            }
        }
        indices.others = rules.indices.filter { [.review, .permit, .advise].contains(rules[$0].effect) }
        let top = profile ?? base
        let toolFactCount = compiler.factOrder[.tool]!.count
        let catalogSlots = compiler.tools.flatMap(\.slots) + Array(repeating: Program.unknownSlot, count: toolFactCount)
        let standings = catalog.map { Program.Standing($0.standing).rawValue } + [Program.Standing.unlisted.rawValue]
        let folded = compiler.foldedNodes(rules: rules, catalogSlots: catalogSlots, standings: standings, width: toolFactCount)
        indices.foldedConditions = folded.conditions
        indices.foldedRequirements = folded.requirements
        var catalogGaps: [CatalogGap] = []
        for gap in folded.gaps {
            let tool = catalog[gap.row].id
            if let at = catalogGaps.firstIndex(where: { $0.tool == tool && $0.fact == gap.fact }) {
                if !catalogGaps[at].rules.contains(gap.rule) { catalogGaps[at].rules.append(gap.rule) }
            } else {
                catalogGaps.append(CatalogGap(tool: tool, fact: gap.fact, rules: [gap.rule]))
            }
        }
        let policy = Policy(storage: Policy.Storage(
            name: base.name, profile: profile?.name, title: top.title ?? base.title, digest: digest, files: files,
            documents: compiler.documentOrder.compactMap { compiler.documents[$0] }, toolColumnNames: compiler.toolColumnNames,
            toolFacts: compiler.factOrder[.tool]!,
            useFacts: compiler.factOrder[.use]!, tools: catalog, rules: rules, overrides: overrides,
            program: compiler.program, toolLookup: compiler.toolLookup, strings: compiler.strings, ruleIndices: indices,
            catalogSlots: catalogSlots, standings: standings, catalogGaps: catalogGaps
        ))
        return (policy, compiler.diagnostics)
    }

    // MARK: Facts

    private mutating func declareFacts(_ layer: Layer) {
        for case .fact(let syntax) in layer.statements {
            if let existing = facts[syntax.owner]![syntax.name.value] {
                diagnostics.append(.duplicate("fact `\(existing.qualifiedName)`", at: syntax.name.range, first: existing.range))
                continue
            }
            let type: FactType
            switch syntax.type {
            case .bool: type = .bool
            case .integer: type = .integer
            case .date: type = .date
            case .string: type = .string
            case .oneOf(let values), .setOf(let values):
                var seen: [String: SourceRange] = [:]
                for value in values {
                    if let first = seen[value.value] {
                        diagnostics.append(.duplicate("value `\(value.value)`", at: value.range, first: first))
                    }
                    seen[value.value] = value.range
                }
                if values.count > 63 { diagnostics.append(.setTooLarge(syntax.name.value, at: syntax.name.range)) }
                let names = values.map(\.value)
                if case .oneOf = syntax.type { type = .oneOf(names) } else { type = .setOf(names) }
            }
            if syntax.owner == .use { claimColumnName(syntax.name) }
            let declaration = worded(FactDeclaration(
                owner: syntax.owner, name: syntax.name.value, type: type, description: syntax.description,
                range: syntax.name.range, slot: factOrder[syntax.owner]!.count
            ), syntax)
            facts[syntax.owner]![syntax.name.value] = declaration
            factOrder[syntax.owner]!.append(declaration)
        }
    }

    // MARK: Rules

    private mutating func compileRules(
        _ layer: Layer, into rules: inout [Rule], ranges: inout [String: (range: SourceRange, layer: String)], baseName: String
    ) {
        for case .rule(let syntax) in layer.statements {
            let id = syntax.id.value
            if let first = ranges[id] {
                if first.layer == baseName, layer.name != baseName {
                    diagnostics.append(.profileRedefinesBaseRule(id, at: syntax.id.range, base: first.range))
                } else {
                    diagnostics.append(.duplicate("rule `\(id)`", at: syntax.id.range, first: first.range))
                }
                continue
            }
            ranges[id] = (syntax.id.range, layer.name)
            referenced = []
            let effect: RuleEffect
            var condition: Int32?
            var requirement: Int32 = -1
            switch syntax.effect {
            case .forbid(let e): effect = .forbid; condition = compileCondition(e)
            case .permit(let e): effect = .permit; condition = compileCondition(e)
            case .advise(let e): effect = .advise; condition = compileCondition(e)
            case .review(let e): effect = .review; condition = compileCondition(e)
            case .require(let required, let when):
                effect = .require
                condition = when.map { compileCondition($0) } ?? -1
                requirement = compileCondition(required) ?? -1
            }
            guard let texts = checkClauses(syntax.clauses, subject: "rule `\(id)`", at: syntax.id.range),
                  let condition else { continue }
            rules.append(Rule(
                id: id, effect: effect, message: texts.message, remedy: texts.remedy,
                citations: checked(syntax.clauses.citations), layer: layer.name, range: syntax.id.range,
                facts: referenced.sorted(), factSlots: referenced.sorted().map(factSlot), condition: condition, requirement: requirement
            ))
        }
    }

    /// The slot of a referenced fact (`tool.x` / `use.x`).
    private func factSlot(_ qualifiedName: String) -> FactSlot {
        let parts = qualifiedName.split(separator: ".", maxSplits: 1).map(String.init)
        let owner: FactOwner = parts[0] == "tool" ? .tool : .use
        return FactSlot(owner: owner, slot: facts[owner]![parts[1]]!.slot)
    }

    /// Checks the `says`/`remedy`/`cites` clauses and returns the texts.
    private mutating func checkClauses(
        _ clauses: Syntax.Clauses, subject: String, at range: SourceRange
    ) -> (message: LocalizedText, remedy: LocalizedText?)? {
        var ok = true
        func texts(_ entries: [(language: Syntax.Located<String>, text: String)], clause: String) -> [Language: String] {
            var result: [Language: String] = [:]
            var ranges: [Language: SourceRange] = [:]
            for (language, text) in entries {
                guard let known = Language(rawValue: language.value) else {
                    diagnostics.append(.unknownLanguage(language.value, at: language.range))
                    ok = false
                    continue
                }
                if let first = ranges[known] {
                    diagnostics.append(.duplicate("`\(clause) \(known.rawValue)` of \(subject)", at: language.range, first: first))
                    ok = false
                    continue
                }
                ranges[known] = language.range
                result[known] = text
            }
            return result
        }
        let messages = texts(clauses.messages, clause: "says")
        let remedies = texts(clauses.remedies, clause: "remedy")
        if messages[.fr] == nil {
            diagnostics.append(.missingFrenchMessage(subject, at: range))
            ok = false
        }
        if clauses.citations.isEmpty {
            diagnostics.append(.missingCitation(subject, at: range))
            ok = false
        }
        if !remedies.isEmpty, remedies[.fr] == nil {
            diagnostics.append(.missingFrenchMessage("the remedy of \(subject)", at: range))
            ok = false
        }
        guard ok, let fr = messages[.fr] else { return nil }
        let remedy = remedies[.fr].map { LocalizedText(fr: $0, en: remedies[.en]) }
        return (LocalizedText(fr: fr, en: messages[.en]), remedy)
    }

    private mutating func compileOverrides(_ profile: Layer, rules: [Rule], baseName: String) -> [RuleOverride] {
        var overrides: [RuleOverride] = []
        let baseRules = rules.filter { $0.layer == baseName }
        for case .override(let syntax) in profile.statements {
            let id = syntax.target.value
            guard baseRules.contains(where: { $0.id == id }) else {
                diagnostics.append(.unknownOverrideTarget(id, known: baseRules.map(\.id), at: syntax.target.range))
                continue
            }
            guard let texts = checkClauses(syntax.clauses, subject: "the override of `\(id)`", at: syntax.target.range) else { continue }
            overrides.append(RuleOverride(ruleID: id, message: texts.message, citations: checked(syntax.clauses.citations), layer: profile.name))
        }
        return overrides
    }
}
