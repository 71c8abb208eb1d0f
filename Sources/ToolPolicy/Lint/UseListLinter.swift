/// Checks the rows of a school's tool list against a compiled policy.
///
/// Columns are named like the `check` options: `tool` and the policy's use facts
/// (`mode`, `computer`, `accounts`, `audience`, `purpose`, `recorded`, `participants`, …);
/// dashes and underscores are interchangeable and case is ignored.
public struct UseListLinter: Sendable {
    /// The policy rows are checked against.
    public let policy: Policy
    /// The date rows are evaluated for.
    public let today: CivilDate

    /// Creates a linter.
    public init(policy: Policy, today: CivilDate) {
        self.policy = policy
        self.today = today
    }

    /// The name of the column that names the tool.
    public static let toolColumn = "tool"

    /// A warning for each column that is neither `tool` nor a use fact (a list may carry
    /// notes; they are ignored, but said).
    public func unknownColumns(_ columns: [String]) -> [RowProblem] {
        let known = [Self.toolColumn] + policy.useFacts.map(\.name)
        return columns.compactMap { column in
            guard factName(column) == nil, ToolName.normalize(column) != Self.toolColumn, !column.trimmingWhitespace().isEmpty
            else { return nil }
            return RowProblem(
                column: column, message: "unknown column `\(column)`: it is ignored", allowed: known,
                hint: Suggestion.closest(to: column, in: known).map { "did you mean `\($0)`?" }
                    ?? "known columns: " + known.joined(separator: ", ")
            )
        }
    }

    /// Checks one row. A row with a missing tool or a bad value is returned with its
    /// problems and no decision; it never stops the other rows.
    public func check(_ entry: UseListEntry) -> LintResult {
        var toolName = ""
        var facts: [String: FactValue?] = [:]
        for (column, value) in entry.cells {
            if ToolName.normalize(column) == Self.toolColumn {
                if case .string(let text)? = value { toolName = text.trimmingWhitespace() }
            } else if let name = factName(column) {
                facts[name] = value
            }
        }
        var problems: [RowProblem] = []
        if toolName.isEmpty {
            problems.append(RowProblem(column: Self.toolColumn, message: "no tool named in this row", allowed: [],
                                       hint: "fill the `tool` cell with a tool's name, e.g. Zoom"))
        }
        let (request, errors) = policy.collectingRequest(tool: toolName, facts: facts, today: today)
        problems += errors.map { RowProblem(column: $0.fact, message: $0.message, allowed: $0.allowed, hint: $0.hint) }
        guard problems.isEmpty else {
            return LintResult(row: entry.row, line: entry.line, tool: toolName, decision: nil, problems: problems)
        }
        return LintResult(row: entry.row, line: entry.line, tool: toolName, decision: policy.decide(request), problems: [])
    }

    /// The use fact a column names, if any.
    private func factName(_ column: String) -> String? {
        let key = ToolName.normalize(column)
        return policy.useFacts.first { ToolName.normalize($0.name) == key }?.name
    }
}
