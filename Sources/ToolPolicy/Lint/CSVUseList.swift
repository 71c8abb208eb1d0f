/// Turns CSV records into list entries: the first record is the header. No cell is
/// dropped without a word: a cell past the header's width, a cell under a column with no
/// name, or a cell past the cell cap makes its row malformed.
package struct CSVUseList: Sendable {
    /// The column names, from the header row.
    package let columns: [String]
    /// The caps the records were read with, for the wording of an oversized cell.
    package let limits: CSVLimits

    /// Reads the header record.
    ///
    /// - Throws: ``CSVError`` when two columns have the same name (compared as the linter
    ///   compares them: ignoring case, accents, `-` and `_`), so that neither silently wins;
    ///   or when a header cell is past the cell cap.
    package init(header: CSVRecord, limits: CSVLimits = .standard) throws(CSVError) {
        let columns = header.fields.map { $0.trimmingWhitespace() }
        if !header.oversizedFields.isEmpty {
            throw CSVError(
                kind: .headerCellTooLong(limit: limits.maximumCellBytes), line: header.line,
                text: LocalizedText(
                    fr: "la cellule \(header.oversizedFields[0] + 1) de l'en-tête dépasse \(CSVLimits.describe(limits.maximumCellBytes, in: .fr))",
                    en: "header cell \(header.oversizedFields[0] + 1) is longer than \(CSVLimits.describe(limits.maximumCellBytes))"
                )
            )
        }
        var seen: [String: Int] = [:]
        for (index, column) in columns.enumerated() where !column.isEmpty {
            let key = ToolName.normalize(column)
            if let first = seen[key] {
                throw CSVError(
                    kind: .duplicateColumn(first: columns[first], second: column), line: header.line,
                    text: LocalizedText(
                        fr: "les colonnes \(first + 1) « \(columns[first]) » et \(index + 1) « \(column) » désignent la même colonne",
                        en: "columns \(first + 1) `\(columns[first])` and \(index + 1) `\(column)` name the same column"
                    )
                )
            }
            seen[key] = index
        }
        self.columns = columns
        self.limits = limits
    }

    /// The entry for a data record; `row` is its 1-based position among data rows.
    /// Missing cells are unknown facts.
    package func entry(_ record: CSVRecord, row: Int) -> UseListEntry {
        var cells: [UseListEntry.Cell] = []
        var problems: [RowProblem] = []
        cells.reserveCapacity(columns.count)
        for (index, column) in columns.enumerated() {
            let text = index < record.fields.count ? record.fields[index].trimmingWhitespace() : ""
            if column.isEmpty {
                if !text.isEmpty { problems.append(.unnamedColumn(index + 1, text: text)) }
                continue
            }
            cells.append(UseListEntry.Cell(column: column, value: text.isEmpty ? nil : .string(text)))
        }
        for index in record.fields.indices.dropFirst(columns.count) {
            let text = record.fields[index].trimmingWhitespace()
            if !text.isEmpty { problems.append(.extraCell(index + 1, text: text, width: columns.count)) }
        }
        for index in record.oversizedFields {
            let column = index < columns.count && !columns[index].isEmpty ? columns[index] : "#\(index + 1)"
            problems.append(.cellTooLong(column: column, limit: limits.maximumCellBytes))
        }
        return UseListEntry(row: row, line: record.line, cells: cells, problems: problems)
    }
}

extension RowProblem {
    /// A cell past the header's width.
    static func extraCell(_ position: Int, text: String, width: Int) -> RowProblem {
        RowProblem(
            column: "#\(position)",
            text: LocalizedText(fr: "la cellule \(position) « \(text.shortened) » dépasse les \(width) colonnes de l'en-tête",
                                en: "cell \(position) `\(text.shortened)` is past the header's \(width) columns"),
            allowed: [],
            hint: LocalizedText(fr: "nommez la colonne dans l'en-tête, ou supprimez la cellule (un « ; » ou une « , » dans une cellule demande des guillemets)",
                                en: "name the column in the header, or remove the cell (a `;` or `,` inside a cell needs double quotes)")
        )
    }

    /// A cell under a header cell left empty.
    static func unnamedColumn(_ position: Int, text: String) -> RowProblem {
        RowProblem(
            column: "#\(position)",
            text: LocalizedText(fr: "la cellule \(position) « \(text.shortened) » est sous une colonne sans nom",
                                en: "cell \(position) `\(text.shortened)` is under a column with no name"),
            allowed: [],
            hint: LocalizedText(fr: "nommez la colonne dans l'en-tête, ou videz la cellule", en: "name the column in the header, or empty the cell")
        )
    }

    /// A cell past the cell cap: its text is not kept.
    static func cellTooLong(column: String, limit: Int) -> RowProblem {
        RowProblem(
            column: column,
            text: LocalizedText(fr: "la cellule « \(column) » dépasse \(CSVLimits.describe(limit, in: .fr))",
                                en: "the `\(column)` cell is longer than \(CSVLimits.describe(limit))"),
            allowed: [],
            hint: LocalizedText(fr: "une cellule contient un nom ou une valeur ; vérifiez qu'un guillemet n'est pas resté ouvert",
                                en: "a cell holds a name or a value; check that a quote is not left open")
        )
    }
}

extension String {
    /// The first 40 characters, with `…` when there were more: enough to recognise a cell.
    var shortened: String {
        count > 40 ? prefix(40) + "…" : self
    }
}
