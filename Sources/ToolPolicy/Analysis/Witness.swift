/// A concrete tool and use that shows a finding, so anyone can re-check it with
/// `toolpolicy check`: the facts it sets, the others left unknown.
package struct Witness: Sendable, Hashable, Codable {
    /// The catalog id of the tool, or the name of an unlisted one.
    package var tool: String
    /// The use facts the finding depends on, by name (without `use.`).
    package var use: [String: FactValue]
    /// For a catalog hole, the value supposed for the tool fact the catalog does not know.
    package var toolFacts: [String: FactValue]
    /// The date of the request, when a rule reads `today`.
    package var today: String?

    /// The facts as `--fact` arguments would write them, sorted: `mode=web recorded=true`.
    package var factsText: String {
        use.keys.sorted().map { "\($0)=\(Self.argument(use[$0]!))" }.joined(separator: " ")
    }

    /// The text of a value as a `--fact` argument takes it.
    static func argument(_ value: FactValue) -> String {
        switch value {
        case .set(let values): values.isEmpty ? "{}" : values.joined(separator: ",")
        case .string(let text): text
        default: value.spelling
        }
    }

    /// `tool zoom, use mode=install computer=pedagogical`.
    package var text: String {
        var parts = ["tool \(tool)"]
        if !toolFacts.isEmpty {
            parts.append("supposing " + toolFacts.keys.sorted().map { "tool.\($0) = \(toolFacts[$0]!.spelling)" }.joined(separator: ", "))
        }
        parts.append(use.isEmpty ? "any use" : "use " + factsText)
        if let today { parts.append("on \(today)") }
        return parts.joined(separator: ", ")
    }
}

/// The name a witness gives the unlisted tool row.
let unlistedWitnessTool = "outil-non-reference"

extension Policy {
    /// The tool name of a row, for a witness.
    func witnessTool(row: Int) -> String { row < tools.count ? tools[row].id : unlistedWitnessTool }

    /// A witness for a region: one assignment in it, keeping only the symbols that
    /// `focus` (the function the finding is about) reads.
    func witness(_ region: Int32, focus: Int32, row: Int, domain: SymbolicDomain, bdd: BDD) -> Witness? {
        guard let path = bdd.satisfyingPath(region) else { return nil }
        var witness = Witness(tool: witnessTool(row: row), use: [:], toolFacts: [:], today: nil)
        for symbol in domain.symbols(readBy: bdd.support(focus)) {
            let value = domain.factValue(domain.value(of: symbol, in: path), of: symbol)
            switch symbol.key {
            case .use(let name): witness.use[name] = value
            case .tool(let name): witness.toolFacts[name] = value
            case .today: witness.today = value.spelling
            }
        }
        return witness
    }

    /// The request a witness stands for, on `today` unless the witness sets the date.
    package func request(for witness: Witness, today: CivilDate) -> UseRequest? {
        let date = witness.today.flatMap { CivilDate(parsing: $0) } ?? today
        return try? request(tool: witness.tool, facts: witness.use.mapValues { Optional($0) }, today: date)
    }
}
