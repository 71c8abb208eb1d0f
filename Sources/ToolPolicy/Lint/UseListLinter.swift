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
    /// Whether allowed rows also carry their full ``Decision`` (JSON output wants it;
    /// text, SARIF and JUnit only explain the rows that are not allowed).
    public let explainAllowed: Bool

    /// Creates a linter.
    public init(policy: Policy, today: CivilDate, explainAllowed: Bool = true) {
        self.policy = policy
        self.today = today
        self.explainAllowed = explainAllowed
    }

    /// The name of the column that names the tool.
    public static let toolColumn = "tool"

    /// What a column of the list means, resolved once per column name.
    public struct Columns: Sendable {
        enum Role: Sendable { case tool, fact(String), ignored }
        var roles: [String: Role] = [:]

        /// Creates an empty binding; columns are resolved as rows name them.
        public init() {}
    }

    /// A warning for each column that is neither `tool` nor a use fact (a list may carry
    /// notes; they are ignored, but said).
    public func unknownColumns(_ columns: [String]) -> [RowProblem] {
        let known = [Self.toolColumn] + policy.useFacts.map(\.name)
        return columns.compactMap { column in
            guard case .ignored = role(of: column), !column.trimmingWhitespace().isEmpty else { return nil }
            return RowProblem(
                column: column, message: "unknown column `\(column)`: it is ignored", allowed: known,
                hint: Suggestion.closest(to: column, in: known).map { "did you mean `\($0)`?" }
                    ?? "known columns: " + known.joined(separator: ", ")
            )
        }
    }

    /// Checks one row. A row with a missing tool or a bad value is returned with its
    /// problems and no decision; it never stops the other rows.
    public func check(_ entry: UseListEntry, columns: inout Columns, trace: inout EvaluationTrace) -> LintResult {
        var toolName = ""
        var facts: [String: FactValue?] = [:]
        for (column, value) in entry.cells {
            let role: Columns.Role
            if let known = columns.roles[column] {
                role = known
            } else {
                role = self.role(of: column)
                columns.roles[column] = role
            }
            switch role {
            case .tool:
                if case .string(let text)? = value { toolName = text.trimmingWhitespace() }
            case .fact(let name):
                facts[name] = value
            case .ignored:
                break
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
            return LintResult(row: entry.row, line: entry.line, tool: toolName, verdict: nil, decision: nil, problems: problems)
        }
        let verdict = policy.verdict(for: request, trace: &trace)
        let decision = verdict != .allowed || explainAllowed ? Decision(policy: policy, request: request, verdict: verdict, trace: trace) : nil
        return LintResult(row: entry.row, line: entry.line, tool: toolName, verdict: verdict, decision: decision, problems: [])
    }

    /// Checks one row with a fresh column binding and trace (convenient, slower for long lists).
    public func check(_ entry: UseListEntry) -> LintResult {
        var columns = Columns()
        var trace = EvaluationTrace(for: policy)
        return check(entry, columns: &columns, trace: &trace)
    }

    private func role(of column: String) -> Columns.Role {
        let key = ToolName.normalize(column)
        if key == Self.toolColumn { return .tool }
        return policy.useFacts.first { ToolName.normalize($0.name) == key }.map { .fact($0.name) } ?? .ignored
    }
}
