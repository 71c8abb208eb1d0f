import Foundation

/// A compiled policy: the base and one profile, type-checked and ready to evaluate many
/// requests. A value type, `Sendable`, immutable: share one between threads freely.
public struct Policy: Sendable {
    /// Everything the policy holds, behind one reference: a copy of a policy, a request
    /// builder and a decision each retain one object, not one per table.
    let storage: Storage

    /// The base's name, e.g. `national`.
    public var name: String { storage.name }
    /// The profile applied on top of the base, e.g. `rennes`; `nil` for the base alone.
    public var profile: String? { storage.profile }
    /// The profile's (or base's) title.
    public var title: String? { storage.title }
    /// `sha256:` of the normalised source of the files used (see `docs/language.md` §8).
    public var digest: String { storage.digest }
    /// The files the policy was compiled from, sorted.
    package var files: [String] { storage.files }
    /// The source documents the rules cite, as declared (`document` statements), base first.
    public var documents: [SourceDocument] { storage.documents }
    /// Other names a school's list may give its `tool` column (`column tool aka …`).
    package var toolColumnNames: [String] { storage.toolColumnNames }
    /// The declared tool facts, in slot order.
    public var toolFacts: [FactDeclaration] { storage.toolFacts }
    /// The declared use facts, in slot order.
    public var useFacts: [FactDeclaration] { storage.useFacts }
    /// The catalog, in definition order.
    public var tools: [CatalogTool] { storage.tools }
    /// The rules in force (overridden base rules removed), base first, in file order.
    public var rules: [Rule] { storage.rules }
    /// The base rules the profile switched off, with its reasons.
    public var overrides: [RuleOverride] { storage.overrides }
    var program: Program { storage.program }
    var toolLookup: [String: Int] { storage.toolLookup }
    var strings: [String: Int64] { storage.strings }
    var ruleIndices: RuleIndices { storage.ruleIndices }
    /// Every tool's fact slots in one flat table, a row of ``toolFacts``.count slots per
    /// tool in catalog order, then one row of unknowns for an unlisted tool: evaluation
    /// reads it through one buffer, with no per-tool array to retain.
    var catalogSlots: TableColumn<Int64> { TableColumn(tables: storage.tables, buffer: storage.tables.catalogSlots) }
    /// Each tool's standing as the program tests it, then `unlisted`.
    var standings: TableColumn<Int64> { TableColumn(tables: storage.tables, buffer: storage.tables.standings) }
    /// The catalog's gaps: each listed tool's unknown tool fact that some rule reads
    /// and that would change what the rule does. An answer never puts these to the
    /// requester (the rule reads the gap as not acting); `validate` reports them.
    package var catalogGaps: [CatalogGap] { storage.catalogGaps }

    /// The tables of a compiled policy, immutable once built.
    final class Storage: Sendable {
        let name: String
        let profile: String?
        let title: String?
        let digest: String
        let files: [String]
        let documents: [SourceDocument]
        let toolColumnNames: [String]
        let toolFacts: [FactDeclaration]
        let useFacts: [FactDeclaration]
        let tools: [CatalogTool]
        let rules: [Rule]
        let overrides: [RuleOverride]
        let program: Program
        let toolLookup: [String: Int]
        let strings: [String: Int64]
        let ruleIndices: RuleIndices
        let catalogGaps: [CatalogGap]
        /// Each use fact's slot, by bare name.
        let useFactSlots: [String: Int]
        /// How the builder reads each use fact's values, indexed like ``useFacts``.
        let spellings: [FactSpellings]
        /// The exact spellings of every use fact's values, grouped by the fact's slot.
        let valueSpellings: SpellingTable
        /// What a remedy search reads, built on the first remedy asked.
        let remedyTables = ComputedOnce<RemedyTables?>()
        /// The tables the evaluator reads.
        let tables: EvaluationTables
        /// The catalog's names as the lookup table knows them (ids, names, aliases,
        /// normalised), to their tool's index: a request's tool in one lookup.
        let toolNames: SpellingTable

        init(
            name: String, profile: String?, title: String?, digest: String, files: [String], documents: [SourceDocument],
            toolColumnNames: [String], toolFacts: [FactDeclaration], useFacts: [FactDeclaration], tools: [CatalogTool],
            rules: [Rule], overrides: [RuleOverride], program: Program, toolLookup: [String: Int], strings: [String: Int64],
            ruleIndices: RuleIndices, catalogSlots: [Int64], standings: [Int64], catalogGaps: [CatalogGap]
        ) {
            self.name = name
            self.profile = profile
            self.title = title
            self.digest = digest
            self.files = files
            self.documents = documents
            self.toolColumnNames = toolColumnNames
            self.toolFacts = toolFacts
            self.useFacts = useFacts
            self.tools = tools
            self.rules = rules
            self.overrides = overrides
            self.program = program
            self.toolLookup = toolLookup
            self.strings = strings
            self.ruleIndices = ruleIndices
            self.catalogGaps = catalogGaps
            useFactSlots = Dictionary(useFacts.map { ($0.name, $0.slot) }, uniquingKeysWith: { first, _ in first })
            spellings = useFacts.map(FactSpellings.init)
            valueSpellings = SpellingTable(grouped: useFacts.flatMap { fact in
                FactSpellings.spellings(of: fact).map { (fact.slot, $0.0, $0.1) }
            })
            toolNames = SpellingTable(toolLookup.sorted { $0.key < $1.key }.map { ($0.key, Int64($0.value)) })
            tables = EvaluationTables(
                program: program, catalogSlots: catalogSlots, standings: standings, indices: ruleIndices,
                ruleCount: rules.count, toolFactCount: toolFacts.count, useFactTypes: useFacts.map(\.type)
            )
        }
    }

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
    func catalogRow(_ request: UseRequest) -> Int { request.tool < 0 ? storage.tools.count : Int(request.tool) }

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
    package var sourceDocuments: [String] { documents.map(\.id) }

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
    package func nearMisses(of query: String) -> [CatalogTool] {
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

    func toolIndex(named query: String) -> Int? { storage.toolIndex(named: query) }

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
package struct CatalogGap: Sendable, Hashable {
    /// The tool's id.
    package let tool: String
    /// The tool fact's name, without `tool.`.
    package let fact: String
    /// The ids of the rules whose outcome would depend on it, in rule order.
    package internal(set) var rules: [String]
}

extension Policy.Storage {
    /// The catalog index of the tool a name designates: the name as given, else normalised
    /// (on the stack for an ASCII name, so the common lookup allocates nothing).
    func toolIndex(named query: String) -> Int? {
        if let index = toolNames.value(of: query) { return Int(index) }
        if let found = ToolName.withNormalizedASCII(query, { toolNames.value(of: $0) }) { return found.map(Int.init) }
        return toolNames.value(of: ToolName.normalize(query)).map(Int.init)
    }
}

/// How tool names are compared: lowercase, accents folded, white space (non-breaking
/// included), dashes, underscores, dots and apostrophes (typographic included) removed.
enum ToolName {
    static func normalize(_ name: String) -> String {
        withNormalizedASCII(name) { String(decoding: $0, as: UTF8.self) } ?? normalizeUnicode(name)
    }

    /// ``normalize(_:)`` for any name: Unicode lowercase, canonical decomposition, marks dropped.
    static func normalizeUnicode(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace || "-_.'’‘`".unicodeScalars.contains(scalar) { continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Calls `body` with the UTF-8 bytes of ``normalize(_:)`` of an ASCII name, written on
    /// the stack; `nil` for a name with a byte outside ASCII (the caller then normalises).
    static func withNormalizedASCII<Result>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let utf8 = name.utf8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(utf8.count, 1)) { buffer -> Result? in
            var length = 0
            for byte in utf8 {
                switch byte {
                case 0x80...: return nil
                case 0x09...0x0D, 0x20, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "`"):
                    continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): buffer[length] = byte + 0x20
                default: buffer[length] = byte
                }
                length += 1
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<length]))
        }
    }
}
