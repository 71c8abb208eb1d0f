/// A region of uses written as conditions in the rules language: one line per cube of
/// the diagram, each a conjunction of tests (`use.mode = install and use.recorded`).
struct RegionText {
    let domain: SymbolicDomain
    let bdd: BDD

    /// At most `limit` conjunctions whose union is the region (`true` for every use),
    /// and whether the list was cut. `region` may ignore the domain's validity.
    func conditions(_ region: Int32, limit: Int) -> (lines: [String], truncated: Bool) {
        var lines: [String] = []
        var truncated = false
        // Cubes that only encodings standing for no value satisfy are skipped.
        for cube in bdd.cubes(region, limit: 4 * limit + 4) where stands(cube) {
            guard lines.count < limit else {
                truncated = true
                break
            }
            let tests = domain.symbols.compactMap { describe($0, in: cube) }
            lines.append(tests.isEmpty ? "true" : tests.joined(separator: " and "))
        }
        return (lines, truncated)
    }

    /// Whether every cells-encoded symbol has some value the cube allows.
    private func stands(_ cube: [Int: Bool]) -> Bool {
        domain.symbols.allSatisfy { symbol in
            guard case .cells(let cells) = symbol.encoding else { return true }
            return cells.indices.contains { cell in
                (0 ..< symbol.width).allSatisfy { bit in cube[symbol.first + bit].map { $0 == (cell >> bit & 1 == 1) } ?? true }
            }
        }
    }

    /// The test a cube makes of one symbol, or `nil` when it leaves the symbol free.
    private func describe(_ symbol: Symbol, in cube: [Int: Bool]) -> String? {
        let name = symbol.key.name
        let fixed = (0 ..< symbol.width).compactMap { bit in cube[symbol.first + bit].map { (bit, $0) } }
        guard !fixed.isEmpty else { return nil }
        switch symbol.encoding {
        case .bool:
            return fixed[0].1 ? name : "not \(name)"
        case .set:
            let values = symbol.type.values
            if fixed.count == symbol.width {
                return "\(name) = {" + fixed.filter(\.1).map { values[$0.0] }.joined(separator: ", ") + "}"
            }
            return fixed.map { $0.1 ? "\(name) contains \(values[$0.0])" : "not \(name) contains \(values[$0.0])" }
                .joined(separator: " and ")
        case .cells(let cells):
            let allowed = cells.indices.filter { cell in fixed.allSatisfy { (cell >> $0.0 & 1 == 1) == $0.1 } }
            guard allowed.count < cells.count else { return nil }
            switch symbol.type {
            case .integer, .date: return ranges(allowed, cells, symbol)
            default:
                let names = allowed.map { domain.factValue(cells[$0], of: symbol).spelling }
                if names.count == 1 { return "\(name) = \(names[0])" }
                return "\(name) in {\(names.joined(separator: ", "))}"
            }
        }
    }

    /// Runs of consecutive cells as bounds: cell `i` covers `cells[i] ..< cells[i + 1]`,
    /// the first has no lower bound and the last no upper one.
    private func ranges(_ allowed: [Int], _ cells: [Int64], _ symbol: Symbol) -> String {
        var runs: [(Int, Int)] = []
        for cell in allowed {
            if let last = runs.last, last.1 == cell - 1 { runs[runs.count - 1].1 = cell } else { runs.append((cell, cell)) }
        }
        func spell(_ value: Int64) -> String { domain.factValue(value, of: symbol).spelling }
        let name = symbol.key.name
        let parts = runs.map { run -> String in
            let low = run.0 == 0 ? nil : cells[run.0]
            let high = run.1 == cells.count - 1 ? nil : cells[run.1 + 1] - 1
            switch (low, high) {
            case (let low?, let high?) where low == high: return "\(name) = \(spell(low))"
            case (let low?, let high?): return "\(name) >= \(spell(low)) and \(name) <= \(spell(high))"
            case (let low?, nil): return "\(name) >= \(spell(low))"
            case (nil, let high?): return "\(name) <= \(spell(high))"
            case (nil, nil): return "true"
            }
        }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " or ") + ")"
    }
}
