import ToolPolicy

extension ListPresenter {
    /// The most lines a group's words name; the report lists every line elsewhere.
    static let namedLines = 5

    /// Where a group is, as a report's sentence starts it: `n° 3 : Zoom` for one row,
    /// `n° 3 : Zoom (+ 11 lignes identiques : 5, 9, 14, 20, 31…)` for twelve.
    package func group(_ group: RowGroups.Group) -> String {
        let start = row(group.first)
        guard group.count > 1 else { return start }
        let named = group.lines.dropFirst().prefix(Self.namedLines).map { $0 > 0 ? String($0) : "?" }.joined(separator: ", ")
            + (group.count - 1 > Self.namedLines ? "…" : "")
        let french = presenter.language == .fr
        let rows = group.count - 1
        let words = french
            ? "+ \(rows) \(rows == 1 ? "ligne identique" : "lignes identiques")"
            : "+ \(rows) identical \(rows == 1 ? "row" : "rows")"
        return start + " (\(words)\(labels.colon)\(french ? "l. " : rows == 1 ? "line " : "lines ")\(named))"
    }
}
