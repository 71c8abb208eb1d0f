/// One row of a school's tool list: a use to check.
public struct UseListEntry: Sendable, Hashable {
    /// The 1-based position of the row among the data rows.
    public var row: Int
    /// The 1-based line of the file where the row starts, when the format tells it.
    public var line: Int?
    /// The cells, in column order (CSV: the header's; JSON/YAML: the keys sorted).
    public var cells: [Cell]
    /// What reading found wrong with the row (a cell past the header's width, a cell too
    /// long): the linter reports them and does not check the row.
    public var problems: [RowProblem]

    /// One cell: its column name as written in the header (or the key of a JSON/YAML
    /// object), and its value; `nil` is an empty cell, an unknown fact.
    public struct Cell: Sendable, Hashable {
        /// The column name.
        public var column: String
        /// The value, or `nil` when the cell is empty.
        public var value: FactValue?

        /// Creates a cell.
        public init(column: String, value: FactValue?) {
            self.column = column
            self.value = value
        }
    }

    /// Creates an entry.
    public init(row: Int, line: Int?, cells: [Cell], problems: [RowProblem] = []) {
        self.row = row
        self.line = line
        self.cells = cells
        self.problems = problems
    }

    /// Creates an entry from cells keyed by column, ordered by column name.
    public init(row: Int, line: Int?, cells: [String: FactValue?], problems: [RowProblem] = []) {
        self.init(row: row, line: line, cells: cells.keys.sorted().map { Cell(column: $0, value: cells[$0] ?? nil) }, problems: problems)
    }
}

/// A reason a row could not be checked.
public struct RowProblem: Sendable, Hashable, Codable {
    /// The column at fault (`tool`, `mode`, …).
    public var column: String
    /// What is wrong.
    public var message: String
    /// The values the column accepts, when it is an enum or a set.
    public var allowed: [String]
    /// A suggestion.
    public var hint: String?
}

/// The result of checking one row.
public struct LintResult: Sendable, Hashable, Codable {
    /// The 1-based position among data rows.
    public var row: Int
    /// The line in the file, when known.
    public var line: Int?
    /// The tool as written in the row.
    public var tool: String
    /// The verdict, or `nil` for a malformed row.
    public var verdict: Verdict?
    /// The explained decision; `nil` for a malformed row, and for an allowed row when the
    /// linter was told not to explain allowed rows.
    public var decision: Decision?
    /// Why the row could not be checked; empty when it was.
    public var problems: [RowProblem]
}

/// Counts over a whole list.
public struct LintSummary: Sendable, Hashable, Codable {
    /// Rows read.
    public var rows = 0
    /// Rows per verdict.
    public var allowed = 0, conditional = 0, denied = 0, review = 0
    /// Rows that could not be checked.
    public var malformed = 0

    /// Creates an empty summary.
    public init() {}

    /// Counts one result.
    public mutating func add(_ result: LintResult) {
        rows += 1
        switch result.verdict {
        case .allowed: allowed += 1
        case .conditional: conditional += 1
        case .denied: denied += 1
        case .review: review += 1
        case nil: malformed += 1
        }
    }
}
