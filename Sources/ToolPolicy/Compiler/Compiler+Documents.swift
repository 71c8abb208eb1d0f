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
        if let text = documentTexts[id], !Self.occurs(Self.searchable(section), in: text) {
            diagnostics.append(.unknownSection(section, document: id, at: citation.range))
        }
        return citation.value
    }

    /// Whether `needle` occurs in `text`, both ``searchable(_:)``: compared byte for byte on
    /// their UTF-8 (the two went through the same normalisation), which is what a reader's
    /// search does and costs a fraction of `String.contains` on a whole document.
    static func occurs(_ needle: String, in text: String) -> Bool {
        var needle = needle, text = text
        return needle.withUTF8 { wanted in
            text.withUTF8 { haystack in
                guard let first = wanted.first else { return true }
                guard haystack.count >= wanted.count else { return false }
                var start = 0
                let last = haystack.count - wanted.count
                while start <= last {
                    if haystack[start] == first, memcmpEqual(haystack.baseAddress! + start, wanted.baseAddress!, wanted.count) { return true }
                    start += 1
                }
                return false
            }
        }
    }

    /// Text compared the way a reader would: lowercase, typographic apostrophes and spaces
    /// made plain, runs of white space as one space.
    ///
    /// Written as UTF-8 bytes in one pass: ASCII by arithmetic, any other scalar by Unicode's
    /// lowercase mapping (only for the scalars it changes), the same as `String.lowercased()`.
    static func searchable(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII ? (scalar == " " || (0x09 ... 0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                space = !out.isEmpty
                return
            }
            if space { out.append(0x20); space = false }
            if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar == "’" || scalar == "‘" ? "'" : scalar) { out.append($0) }
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                append((0x41 ... 0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar)
            } else if !scalar.properties.changesWhenLowercased {
                append(scalar)
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { append(lowered) }
            }
        }
        return String(decoding: out, as: UTF8.self)
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
