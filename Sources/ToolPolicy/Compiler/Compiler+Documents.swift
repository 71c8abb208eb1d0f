/// Source documents: declared once each, cited by id, and, when their text ships with the
/// policy, cited by sections that exist.
extension Compiler {
    /// Declares the `document` statements of a layer; `texts` are the documents' texts
    /// that ship with the policy, by file name.
    mutating func declareDocuments(_ layer: Layer, texts: [String: String]) {
        for case .document(let syntax) in layer.statements {
            let id = syntax.id.value
            if let first = documents[id] {
                diagnostics.append(.duplicate("document `\(id)`", at: syntax.id.range, first: first.range))
                continue
            }
            var title = syntax.title?.value ?? ""
            if title.isEmpty {
                // Reported once here; the document is still declared, so its citations
                // give no follow-on error.
                diagnostics.append(.untitledDocument(id, at: syntax.id.range))
                title = id
            }
            documents[id] = SourceDocument(id: id, title: title, issuer: syntax.issuer, url: syntax.url,
                                           hasText: texts[id] != nil, range: syntax.id.range)
            documentOrder.append(id)
            if let text = texts[id] { documentTexts[id] = Self.searchable(text) }
        }
    }

    /// The citations, each checked: a declared document, and a section its text has.
    mutating func checked(_ citations: [Syntax.Located<Citation>]) -> [Citation] {
        citations.map { checked($0) }
    }

    /// One citation, checked.
    mutating func checked(_ citation: Syntax.Located<Citation>) -> Citation {
        let (id, section) = (citation.value.document, citation.value.section)
        guard documents[id] != nil else {
            diagnostics.append(.undeclaredDocument(id, known: documentOrder, at: citation.range))
            return citation.value
        }
        if let text = documentTexts[id], !text.contains(Self.searchable(section)) {
            diagnostics.append(.unknownSection(section, document: id, at: citation.range))
        }
        return citation.value
    }

    /// Text compared the way a reader would: lowercase, typographic apostrophes and spaces
    /// made plain, runs of white space as one space.
    static func searchable(_ text: String) -> String {
        var out = ""
        var space = false
        for character in text.lowercased() {
            if character.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out.append(character == "’" || character == "‘" ? "'" : character)
        }
        return out
    }

    /// Declares the `column` statements: other names of the tool column.
    mutating func declareColumns(_ layer: Layer) {
        for case .column(let syntax) in layer.statements {
            guard syntax.column.value == UseListLinter.toolColumn else {
                diagnostics.append(.unknownColumnStatement(syntax.column.value, at: syntax.column.range))
                continue
            }
            for alias in syntax.aliases { claimColumnName(alias) }
            toolColumnNames += syntax.aliases.map(\.value)
        }
    }

    /// Records a column name, reporting one that already names a column.
    mutating func claimColumnName(_ name: Syntax.Located<String>) {
        let key = ToolName.normalize(name.value)
        if let first = columnNameRanges[key] {
            diagnostics.append(.duplicate("column name \"\(name.value)\"", at: name.range, first: first))
            return
        }
        columnNameRanges[key] = name.range
    }
}
