/// One row of a school's tool list: a use to check.
package struct UseListEntry: Sendable, Hashable {
    /// The 1-based position of the row among the data rows.
    package var row: Int
    /// The 1-based line of the file where the row starts, when the format tells it.
    package var line: Int?
    /// The cells, in column order (CSV: the header's; JSON/YAML: the keys sorted).
    package var cells: [Cell]
    /// What reading found wrong with the row (a cell past the header's width, a cell too
    /// long): the linter reports them and does not check the row.
    package var problems: [RowProblem]

    /// One cell: its column name as written in the header (or the key of a JSON/YAML
    /// object), and its value; `nil` is an empty cell, an unknown fact.
    package struct Cell: Sendable, Hashable {
        /// The column name.
        package var column: String
        /// The value, or `nil` when the cell is empty.
        package var value: FactValue?

        /// Creates a cell.
        package init(column: String, value: FactValue?) {
            self.column = column
            self.value = value
        }
    }

    /// Creates an entry.
    package init(row: Int, line: Int?, cells: [Cell], problems: [RowProblem] = []) {
        self.row = row
        self.line = line
        self.cells = cells
        self.problems = problems
    }

    /// Creates an entry from cells keyed by column, ordered by column name.
    package init(row: Int, line: Int?, cells: [String: FactValue?], problems: [RowProblem] = []) {
        self.init(row: row, line: line, cells: cells.keys.sorted().map { Cell(column: $0, value: cells[$0] ?? nil) }, problems: problems)
    }
}

/// A reason a row could not be checked.
package struct RowProblem: Sendable, Hashable, Codable {
    /// The column at fault (`tool`, `mode`, …).
    package var column: String
    /// What is wrong, in French and English.
    package var text: LocalizedText
    /// The values the column accepts, when it is an enum or a set.
    package var allowed: [String]
    /// A suggestion, in French and English.
    package var hintText: LocalizedText?

    /// What is wrong, in English (the JSON report's `message`).
    package var message: String { text.text(in: .en) }
    /// The suggestion, in English (the JSON report's `hint`).
    package var hint: String? { hintText?.text(in: .en) }

    /// A problem with its words in both languages.
    package init(column: String, text: LocalizedText, allowed: [String], hint: LocalizedText?) {
        self.column = column
        self.text = text
        self.allowed = allowed
        self.hintText = hint
    }

    /// The problem of a cell whose value does not fit its fact.
    package init(column: String, _ error: RequestError) {
        self.init(column: column, text: error.text, allowed: error.allowed, hint: error.hintText)
    }

    private enum CodingKeys: String, CodingKey { case column, message, allowed, hint }

    /// Decodes a report's problem: its English words stand for both languages.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let message = try container.decode(String.self, forKey: .message)
        let hint = try container.decodeIfPresent(String.self, forKey: .hint)
        self.init(column: try container.decode(String.self, forKey: .column), text: LocalizedText(fr: message, en: message),
                  allowed: try container.decode([String].self, forKey: .allowed), hint: hint.map { LocalizedText(fr: $0, en: $0) })
    }

    /// Encodes the English message and hint, as the report's schema documents them.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encode(allowed, forKey: .allowed)
        try container.encodeIfPresent(hint, forKey: .hint)
    }
}

/// What checking a row found, shared by every row that fills the same tool and the same
/// use facts: a school's list repeats the same few uses, so each is decided once per run.
package struct LintOutcome: Sendable, Hashable {
    /// The verdict.
    package var verdict: Verdict
    /// What a report shows for the row: the reasons of a denial or a review, the open
    /// requirements of a conditional answer (not those that only forbid), nothing for an
    /// allowed one. Each finding's rule is worded once per report, from the policy's rules.
    package var findings: [Decision.Finding]
    /// The facts the rows left unknown that an open rule needs, sorted.
    package var unknownFacts: [String]
    /// The rules whose condition held: the reasons, the conditions met or violated and
    /// the advice, without duplicates, in that order (the decision log groups rows by them).
    package var rulesFired: [String]
    /// Which distinct use of the run this is, numbered from 1 as first seen (0 for an
    /// outcome made outside a run): a reporter renders each use's row once and keys it by
    /// this number. Not part of the outcome's value: `==` ignores it.
    package var use = 0

    /// Whether two outcomes say the same, whatever their use numbers.
    package static func == (lhs: LintOutcome, rhs: LintOutcome) -> Bool {
        lhs.verdict == rhs.verdict && lhs.findings == rhs.findings && lhs.unknownFacts == rhs.unknownFacts && lhs.rulesFired == rhs.rulesFired
    }

    /// Hashes what ``==`` compares.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(verdict)
        hasher.combine(findings)
        hasher.combine(unknownFacts)
        hasher.combine(rulesFired)
    }

    /// The outcome of a decision.
    package init(_ decision: Decision) {
        verdict = decision.verdict
        findings = switch decision.verdict {
        case .denied, .review: decision.reasons
        case .conditional: decision.conditions.filter { $0.status == .unknown && $0.effect != .forbid }
        case .allowed: []
        }
        unknownFacts = decision.unknownFacts
        var seen = Set<String>()
        rulesFired = (decision.reasons + decision.conditions + decision.advice)
            .filter { $0.status != .unknown && seen.insert($0.rule).inserted }
            .map(\.rule)
    }
}

/// The result of checking one row.
package struct LintResult: Sendable, Hashable {
    /// The 1-based position among data rows.
    package var row: Int
    /// The line in the file, when known.
    package var line: Int?
    /// The tool as written in the row.
    package var tool: String
    /// What checking found; `nil` for a malformed row.
    package var outcome: LintOutcome?
    /// The explained decision, only when the linter was told to explain every row
    /// (`lint --decisions`); `nil` otherwise and for a malformed row.
    package var decision: DecisionDocument?
    /// Why the row could not be checked; empty when it was.
    package var problems: [RowProblem]

    /// The verdict, or `nil` for a malformed row.
    package var verdict: Verdict? { outcome?.verdict }

    /// A result.
    package init(row: Int, line: Int?, tool: String, outcome: LintOutcome?, decision: DecisionDocument? = nil, problems: [RowProblem] = []) {
        self.row = row
        self.line = line
        self.tool = tool
        self.outcome = outcome
        self.decision = decision
        self.problems = problems
    }
}

/// Counts over a whole list.
package struct LintSummary: Sendable, Hashable, Codable {
    /// Rows read.
    package var rows = 0
    /// Rows per verdict.
    package var allowed = 0, conditional = 0, denied = 0, review = 0
    /// Rows that could not be checked.
    package var malformed = 0

    /// Creates an empty summary.
    package init() {}

    /// Counts one result.
    package mutating func add(_ result: LintResult) {
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
