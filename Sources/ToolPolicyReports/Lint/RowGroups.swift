package import ToolPolicy

/// The rows of a list gathered by what a CI report shows for them: the rows of one
/// distinct use written with the same tool name, or the malformed rows with the same
/// problems. SARIF, GitLab Code Quality and JUnit write one entry per group, at its first
/// row, with every row's number and line: a school's list repeats a few dozen uses over
/// thousands of rows, and a CI keeps a few thousand results (GitHub code scanning stores at
/// most 5,000 per run and rejects a run of more than 25,000), so a result per row would be
/// truncated or refused. Rows are never dropped: the counts of the groups add up to the
/// rows reported.
package struct RowGroups: Sendable {
    /// The rows that show the same thing.
    package struct Group: Sendable {
        /// The first row of the group, whose words the report writes.
        package let first: LintResult
        /// The rows' numbers (1-based data rows), in list order.
        package private(set) var rows = CompactNumbers()
        /// The rows' lines in the file, in list order; 0 where the format gives none.
        package private(set) var lines = CompactNumbers()

        /// How many rows the group holds.
        package var count: Int { rows.count }

        mutating func add(_ result: LintResult) {
            rows.append(result.row)
            lines.append(result.line ?? 0)
        }
    }

    private enum Key: Hashable {
        case use(Int, tool: String)
        case outcome(LintOutcome, tool: String)
        case malformed([RowProblem], tool: String)
    }

    private var index: [Key: Int] = [:]
    /// The groups, in the order of their first rows.
    package private(set) var groups: [Group] = []

    /// No group yet.
    package init() {}

    /// Adds a row to the group of the rows that show the same as it, or to a new one.
    package mutating func add(_ result: LintResult) {
        let key: Key = if let outcome = result.outcome {
            outcome.use > 0 && result.decision == nil ? .use(outcome.use, tool: result.tool) : .outcome(outcome, tool: result.tool)
        } else {
            .malformed(result.problems, tool: result.tool)
        }
        if let known = index[key] {
            groups[known].add(result)
        } else {
            index[key] = groups.count
            var group = Group(first: result)
            group.add(result)
            groups.append(group)
        }
    }
}

extension OutputBuffer {
    /// Writes a group's rows and lines as two JSON members, `"rows":[3,7],"lines":[4,8]`
    /// (`null` for a line the format does not give): what SARIF and GitLab's reports say of
    /// the rows a result stands for.
    package mutating func writeRowsAndLines(of group: RowGroups.Group) {
        write("\"rows\":[")
        write(numbers: group.rows, separator: ",")
        write("],\"lines\":[")
        write(numbers: group.lines, separator: ",")
        write("]")
    }
}
