/// Checks the rows of a school's tool list against a compiled policy.
///
/// Columns are named like the `check` options: `tool` and the policy's use facts
/// (`mode`, `computer`, `accounts`, `audience`, `purpose`, `recorded`, `participants`, …);
/// dashes and underscores are interchangeable and case is ignored.
package struct UseListLinter: Sendable {
    /// The policy rows are checked against.
    package let policy: Policy
    /// The date rows are evaluated for.
    package let today: CivilDate
    /// Whether every checked row also carries its full ``Decision`` (`lint --decisions`):
    /// each row is then explained on its own, which costs a decision per row.
    package let explain: Bool

    /// Creates a linter.
    package init(policy: Policy, today: CivilDate, explain: Bool = false) {
        self.policy = policy
        self.today = today
        self.explain = explain
    }

    /// The most distinct uses remembered in one run; past it the memory starts afresh, so
    /// a list of millions of distinct rows keeps a flat memory.
    package static let rememberedOutcomes = 1 << 14

    /// The name of the column that names the tool.
    package static let toolColumn = "tool"

    /// What the columns and cells of a list mean, resolved once per distinct column name,
    /// tool name and cell text, and the outcome of each distinct use (tool and typed use
    /// facts): a school's list repeats the same few values on every row.
    package struct Columns: Sendable {
        /// A checked row's use: its tool and the typed value of each use fact.
        struct UseKey: Hashable {
            var tool: Int
            var slots: [Int64]
        }
        enum Role: Sendable {
            case tool, fact(slot: Int), ignored

            /// Equal for two columns that fill the same thing; `nil` for an ignored column.
            var key: Int? {
                switch self {
                case .tool: -1
                case .fact(let slot): slot
                case .ignored: nil
                }
            }
        }
        /// A cell's text, typed against its fact, or why it cannot be.
        enum Cell: Sendable { case value(FactValue, slot: Int64), unknown, error(RequestError) }
        var roles: [String: Role] = [:]
        /// The columns of the previous row and their roles: a CSV list has the same
        /// columns on every row, so they are resolved once.
        var lastColumns: [String] = []
        var lastRoles: [Role] = []
        var tools: [String: Int] = [:]
        /// The near-miss problem of each unresolved tool name seen, `nil` for a name near no tool.
        var nearMisses: [String: RowProblem?] = [:]
        /// Typed cells, indexed by the fact's slot, then by the cell's text.
        var cells: [[String: Cell]] = []
        /// The outcome of each distinct use seen, at most ``UseListLinter/rememberedOutcomes``.
        var outcomes: [UseKey: LintOutcome] = [:]
        /// The number of distinct uses decided so far (``LintOutcome/use``).
        var uses = 0
        /// Scratch buffers of ``UseListLinter/check(_:columns:trace:)``, kept between rows.
        var slots: [Int64] = []
        var filledBy: [Int] = []

        /// Creates an empty binding; columns are resolved as rows name them.
        package init() {}
    }

    /// A warning for each column that is neither `tool` nor a use fact (a list may carry
    /// notes; they are ignored, but said).
    package func unknownColumns(_ columns: [String]) -> [RowProblem] {
        let known = [Self.toolColumn] + policy.useFacts.map(\.name)
        return columns.compactMap { column in
            guard case .ignored = role(of: column), !column.trimmingWhitespace().isEmpty else { return nil }
            let mixed = column.contains(";") || column.contains(",")
            let hint = mixed
                ? LocalizedText(fr: "cet en-tête contient un « ; » ou une « , » : la liste semble mélanger les séparateurs ; n'en utilisez qu'un",
                                en: "this header cell holds a `;` or `,`: the list seems to mix separators; use one throughout")
                : Suggestion.closest(to: column, in: known).map { LocalizedText(fr: "vouliez-vous dire « \($0) » ?", en: "did you mean `\($0)`?") }
                ?? LocalizedText(fr: "colonnes connues : " + known.joined(separator: ", "), en: "known columns: " + known.joined(separator: ", "))
            return RowProblem(
                column: column, text: LocalizedText(fr: "colonne inconnue « \(column) » : elle est ignorée", en: "unknown column `\(column)`: it is ignored"),
                allowed: known, hint: hint
            )
        }
    }

    /// For each column name, whether the linter never reads its cells: a named column that
    /// is neither `tool` nor a use fact (`notes`). A column with no name is read (a cell
    /// under it makes the row malformed).
    package func ignoredColumns(_ columns: [String]) -> [Bool] {
        columns.map { column in
            guard !column.trimmingWhitespace().isEmpty, case .ignored = role(of: column) else { return false }
            return true
        }
    }

    /// The unknown columns that are near misses of a known one (`outil2` for `tool`,
    /// `mdoe` for `mode`): their cells would be dropped although the list meant them, so
    /// `lint` stops on them unless told to ignore unknown columns.
    package func misspeltColumns(_ columns: [String]) -> [RowProblem] {
        let known = [Self.toolColumn] + policy.useFacts.map(\.name)
        return unknownColumns(columns).compactMap { problem in
            guard let close = Suggestion.closest(to: problem.column, in: known) else { return nil }
            return RowProblem(
                column: problem.column,
                text: LocalizedText(fr: "colonne inconnue « \(problem.column) » : vouliez-vous dire « \(close) » ?",
                                    en: "unknown column `\(problem.column)`: did you mean `\(close)`?"),
                allowed: known,
                hint: LocalizedText(fr: "renommez la colonne, ou passez --allow-unknown-columns pour vérifier la liste sans ses cellules",
                                    en: "rename the column, or pass --allow-unknown-columns to lint without its cells")
            )
        }
    }

    /// The problem of a tool name that is a near miss of listed tools, or `nil`.
    private func nearMissProblem(_ name: String) -> RowProblem? {
        let candidates = policy.nearMisses(of: name)
        guard !candidates.isEmpty else { return nil }
        let names = candidates.map(\.name)
        return RowProblem(
            column: Self.toolColumn,
            text: LocalizedText(fr: "« \(name) » n'est pas dans le catalogue : vouliez-vous dire \(names.joined(separator: ", ou ")) ?",
                                en: "`\(name)` is not in the catalog: did you mean \(candidates.map { "\($0.name) (\($0.id))" }.joined(separator: ", or "))?"),
            allowed: candidates.map(\.id),
            hint: LocalizedText(fr: "corrigez le nom ; un outil qui n'est vraiment pas référencé est transmis pour examen",
                                en: "correct the name; a tool that really is not listed is sent for review")
        )
    }

    /// The longest cell text checked, in UTF-8 bytes: the CSV cell cap, applied to JSON
    /// and YAML values too.
    package static let maximumCellBytes = CSVLimits.standard.maximumCellBytes

    /// Checks one row. A row with a missing tool, a bad value, two cells for the same
    /// column (JSON or YAML keys such as `mode` and `Mode`), a cell past
    /// ``maximumCellBytes`` or a problem found while reading is returned with its problems
    /// and no decision; it never stops the other rows.
    package func check(_ entry: UseListEntry, columns: inout Columns, trace: inout EvaluationTrace) -> LintResult {
        var toolName = ""
        // The row's typed slots and the cell that filled the tool (index 0) or each fact
        // (1 + slot), -1 for none: buffers of the binding, reused from row to row.
        var slots = columns.slots
        var filledBy = columns.filledBy
        columns.slots = []
        columns.filledBy = []
        if slots.count != policy.useFacts.count { slots = Array(repeating: Program.unknownSlot, count: policy.useFacts.count) }
        if filledBy.count != policy.useFacts.count + 1 { filledBy = Array(repeating: -1, count: policy.useFacts.count + 1) }
        for index in slots.indices { slots[index] = Program.unknownSlot }
        for index in filledBy.indices { filledBy[index] = -1 }
        defer {
            columns.slots = slots
            columns.filledBy = filledBy
        }
        var problems: [RowProblem] = []
        if !entry.cells.lazy.map(\.column).elementsEqual(columns.lastColumns) {
            columns.lastColumns = entry.cells.map(\.column)
            columns.lastRoles = columns.lastColumns.map { column in
                if let known = columns.roles[column] { return known }
                let role = self.role(of: column)
                columns.roles[column] = role
                return role
            }
        }
        for (index, (entryCell, role)) in zip(entry.cells, columns.lastRoles).enumerated() {
            let (column, value) = (entryCell.column, entryCell.value)
            if let key = role.key, value != nil {
                let first = filledBy[key + 1]
                if first >= 0 {
                    problems.append(.sameColumnTwice(first: entry.cells[first].column, second: column))
                    continue
                }
                filledBy[key + 1] = index
            }
            if let value, value.textByteCount > Self.maximumCellBytes {
                problems.append(.cellTooLong(column: column, limit: Self.maximumCellBytes))
                continue
            }
            switch role {
            case .tool:
                if case .string(let text)? = value { toolName = text.isTrimmed ? text : text.trimmingWhitespace() }
            case .fact(let slot):
                switch typedCell(value, slot: slot, columns: &columns) {
                case .value(_, let typed):
                    slots[slot] = typed
                case .unknown:
                    break
                case .error(let error):
                    problems.append(RowProblem(column: column, error))
                }
            case .ignored:
                break
            }
        }
        problems.sort { $0.column < $1.column }
        problems = entry.problems + problems
        if toolName.isEmpty, !problems.contains(where: { $0.column == Self.toolColumn }) {
            problems.insert(RowProblem(column: Self.toolColumn,
                                       text: LocalizedText(fr: "aucun outil n'est nommé sur cette ligne", en: "no tool named in this row"),
                                       allowed: [],
                                       hint: LocalizedText(fr: "indiquez le nom de l'outil dans la colonne de l'outil, par exemple Zoom",
                                                           en: "fill the `tool` cell with a tool's name, e.g. Zoom")), at: 0)
        }
        let toolIndex: Int
        if let known = columns.tools[toolName] {
            toolIndex = known
        } else {
            toolIndex = policy.toolIndex(named: toolName) ?? -1
            columns.tools[toolName] = toolIndex
            if toolIndex < 0, !toolName.isEmpty { columns.nearMisses[toolName] = nearMissProblem(toolName) }
        }
        // A near miss of listed names (`zom`) is a typing mistake to correct, not an
        // unlisted tool to send for review.
        if toolIndex < 0, let problem = columns.nearMisses[toolName] ?? nil { problems.append(problem) }
        guard problems.isEmpty else {
            return LintResult(row: entry.row, line: entry.line, tool: toolName, outcome: nil, problems: problems)
        }
        let key = Columns.UseKey(tool: toolIndex, slots: slots)
        if !explain, let known = columns.outcomes[key] {
            return LintResult(row: entry.row, line: entry.line, tool: toolName, outcome: known)
        }
        // A use not seen before: its request, from the cells typed above (all cached now).
        var builder = policy.requestBuilder(today: today)
        builder.tool(toolName, index: toolIndex < 0 ? nil : toolIndex)
        for (entryCell, role) in zip(entry.cells, columns.lastRoles) {
            guard case .fact(let slot) = role, case .value(let typed, let encoded) = typedCell(entryCell.value, slot: slot, columns: &columns) else { continue }
            builder.set(policy.value(typed, slot: encoded, of: policy.useFacts[slot]))
        }
        let request = builder.request
        let verdict = policy.verdict(for: request, trace: &trace)
        let decision = Decision(policy: policy, request: request, verdict: verdict, trace: trace)
        var outcome = LintOutcome(decision)
        columns.uses += 1
        outcome.use = columns.uses
        if columns.outcomes.count >= Self.rememberedOutcomes { columns.outcomes.removeAll(keepingCapacity: true) }
        columns.outcomes[key] = outcome
        return LintResult(row: entry.row, line: entry.line, tool: toolName, outcome: outcome, decision: explain ? decision.document : nil)
    }

    /// Checks one row with a fresh column binding and trace (convenient, slower for long lists).
    package func check(_ entry: UseListEntry) -> LintResult {
        var columns = Columns()
        var trace = EvaluationTrace(for: policy)
        return check(entry, columns: &columns, trace: &trace)
    }

    /// What a column fills: the tool, a use fact, or nothing. A column is named by the
    /// fact or by one of the other names the rules give it (`outil`, `poste`).
    private func role(of column: String) -> Columns.Role {
        let key = ToolName.normalize(column)
        if key == Self.toolColumn || policy.toolColumnNames.contains(where: { ToolName.normalize($0) == key }) { return .tool }
        return policy.useFacts.first { fact in
            ToolName.normalize(fact.name) == key || fact.columnNames.contains { ToolName.normalize($0) == key }
        }.map { .fact(slot: $0.slot) } ?? .ignored
    }

    /// Types a cell against its fact, from the cache when the same text was seen before.
    private func typedCell(_ value: FactValue?, slot: Int, columns: inout Columns) -> Columns.Cell {
        guard let value else { return .unknown }
        if columns.cells.isEmpty { columns.cells = Array(repeating: [:], count: policy.useFacts.count) }
        if case .string(let text) = value, let cached = columns.cells[slot][text] { return cached }
        let typed: Columns.Cell
        do {
            typed = try policy.typed(value, as: policy.useFacts[slot]).map { .value($0.value, slot: $0.slot) } ?? .unknown
        } catch {
            typed = .error(error)
        }
        if case .string(let text) = value { columns.cells[slot][text] = typed }
        return typed
    }
}

extension RowProblem {
    /// Two cells of one row (keys of a JSON or YAML object) that name the same column.
    static func sameColumnTwice(first: String, second: String) -> RowProblem {
        RowProblem(
            column: second,
            text: LocalizedText(fr: "« \(first) » et « \(second) » désignent la même colonne", en: "`\(first)` and `\(second)` name the same column"),
            allowed: [],
            hint: LocalizedText(fr: "gardez l'une des deux (les noms sont comparés sans tenir compte de la casse, des accents, de « - » et de « _ »)",
                                en: "keep one of them (names are compared ignoring case, accents, `-` and `_`)")
        )
    }
}

extension String {
    /// Whether the text starts and ends with a visible ASCII character, so that trimming
    /// its whitespace would keep it whole (most cells).
    var isTrimmed: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return (0x21 ... 0x7E).contains(first) && (0x21 ... 0x7E).contains(last)
    }
}

extension FactValue {
    /// The UTF-8 length of the text the value holds (a set: its values together).
    var textByteCount: Int {
        switch self {
        case .string(let text), .enumeration(let text): text.utf8.count
        case .set(let values): values.reduce(0) { $0 + $1.utf8.count }
        case .bool, .integer, .date: 0
        }
    }
}
