import Foundation

/// A compiled policy: the base and one profile, type-checked and ready to evaluate many
/// requests. A value type, `Sendable`, immutable: share one between threads freely.
public struct Policy: Sendable {
    /// The base's name, e.g. `national`.
    public let name: String
    /// The profile applied on top of the base, e.g. `rennes`; `nil` for the base alone.
    public let profile: String?
    /// The profile's (or base's) title.
    public let title: String?
    /// `sha256:` of the normalised source of the files used (see `docs/language.md` §8).
    public let digest: String
    /// The files the policy was compiled from, sorted.
    public let files: [String]
    /// The source documents the rules cite, as declared (`document` statements), base first.
    public let documents: [SourceDocument]
    /// Other names a school's list may give its `tool` column (`column tool aka …`).
    public let toolColumnNames: [String]
    /// The declared tool facts, in slot order.
    public let toolFacts: [FactDeclaration]
    /// The declared use facts, in slot order.
    public let useFacts: [FactDeclaration]
    /// The catalog, in definition order.
    public let tools: [CatalogTool]
    /// The rules in force (overridden base rules removed), base first, in file order.
    public let rules: [Rule]
    /// The base rules the profile switched off, with its reasons.
    public let overrides: [RuleOverride]

    let program: Program
    let toolLookup: [String: Int]
    let strings: [String: Int64]
    let ruleIndices: RuleIndices
    /// Every tool's fact slots in one flat table, a row of ``toolFacts``.count slots per
    /// tool in catalog order, then one row of unknowns for an unlisted tool: evaluation
    /// reads it through one buffer, with no per-tool array to retain.
    let catalogSlots: [Int64]
    /// Each tool's standing as the program tests it, then `unlisted`.
    let standings: [Int64]
    /// The catalog's gaps: each listed tool's unknown tool fact that some rule reads
    /// and that would change what the rule does. An answer never puts these to the
    /// requester (the rule reads the gap as not acting); `validate` reports them.
    public let catalogGaps: [CatalogGap]

    /// The rules of each effect, as indices into ``rules``, and the nodes of their
    /// conditions, kept apart from the rules so evaluation touches no string.
    struct RuleIndices: Sendable {
        var forbid: [Int] = []
        var permit: [Int] = []
        var require: [Int] = []
        var review: [Int] = []
        var advise: [Int] = []
        /// Review, permit and advise rules: evaluated for the trace after forbids and requires.
        var others: [Int] = []
        /// Per tool row (catalog order, then unlisted) and rule, the condition node after
        /// the tool's constant facts were folded in: `row * rules.count + rule`.
        var foldedConditions: [Int32] = []
        /// The same for requirements; -1 where the rule has none.
        var foldedRequirements: [Int32] = []
    }

    /// The row of ``catalogSlots`` for a request's tool: its catalog index, or the unlisted row.
    func catalogRow(_ request: UseRequest) -> Int { request.toolIndex ?? tools.count }

    /// The indices of the rules of one effect, in rule order.
    func ruleIndices(_ effect: RuleEffect) -> [Int] {
        switch effect {
        case .forbid: ruleIndices.forbid
        case .permit: ruleIndices.permit
        case .require: ruleIndices.require
        case .advise: ruleIndices.advise
        case .review: ruleIndices.review
        }
    }

    /// The profile's name, or the base's when there is no profile.
    public var profileName: String { profile ?? name }

    /// The ids of the source documents, in declaration order.
    public var sourceDocuments: [String] { documents.map(\.id) }

    /// The declared document a citation names.
    public func document(id: String) -> SourceDocument? { documents.first { $0.id == id } }

    /// The catalog tool a name designates (id, display name or alias; case, accents,
    /// spaces, dashes and underscores ignored), or `nil` when the tool is not listed.
    public func tool(named query: String) -> CatalogTool? {
        toolIndex(named: query).map { tools[$0] }
    }

    /// The catalog tools a name that designates none may mean: a near miss (`zom`, `tems`,
    /// `Microsoft Team`: an id, display name or alias within a typing mistake or two), or
    /// the start of several names (`BigBlueButton`, `classe virtuelle`). The profile's
    /// preferred first (institutional, then tolerated, then the others), then the
    /// closest. Empty when the name resolves, or is near no tool: then it is an unlisted
    /// tool, for review.
    public func nearMisses(of query: String) -> [CatalogTool] {
        guard toolIndex(named: query) == nil else { return [] }
        let target = Array(ToolName.normalize(query))
        guard target.count >= 3 else { return [] }
        let limit = target.count <= 5 ? 1 : target.count <= 10 ? 2 : 3
        var best: [Int: Int] = [:]
        for (name, index) in toolLookup {
            let characters = Array(name)
            var distance = Suggestion.editDistance(target, characters)
            if characters.starts(with: target) { distance = min(distance, limit) }
            if distance <= limit, distance < (best[index] ?? Int.max) { best[index] = distance }
        }
        func preference(_ index: Int) -> Int {
            switch tools[index].standing {
            case .institutional: 0
            case .tolerated: 1
            case .unclassified, .unlisted: 2
            case .forbidden: 3
            }
        }
        return best.sorted { (preference($0.key), $0.value, $0.key) < (preference($1.key), $1.value, $1.key) }.map { tools[$0.key] }
    }

    func toolIndex(named query: String) -> Int? {
        if let index = toolLookup[query] { return index }
        return toolLookup[ToolName.normalize(query)]
    }

    /// The declaration of a fact, by `tool.name`, `use.name`, or a bare use-fact name.
    public func fact(named name: String) -> FactDeclaration? {
        let parts = name.split(separator: ".", maxSplits: 1)
        if parts.count == 2 {
            let facts = parts[0] == "tool" ? toolFacts : parts[0] == "use" ? useFacts : []
            return facts.first { $0.name == parts[1] }
        }
        return useFacts.first { $0.name == name }
    }

    /// A rule by id.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }
}

/// A tool fact the catalog does not know for a listed tool, and the rules that read it.
public struct CatalogGap: Sendable, Hashable {
    /// The tool's id.
    public let tool: String
    /// The tool fact's name, without `tool.`.
    public let fact: String
    /// The ids of the rules whose outcome would depend on it, in rule order.
    public internal(set) var rules: [String]
}

/// How tool names are compared: lowercase, accents folded, white space (non-breaking
/// included), dashes, underscores, dots and apostrophes (typographic included) removed.
enum ToolName {
    static func normalize(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace || "-_.'’‘`".unicodeScalars.contains(scalar) { continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
