import Foundation
package import ToolPolicy

/// The names a template may read: those the letter's and the page's contexts give
/// (`docs/templates.md` lists them with their meaning). A name outside them is a mistake
/// (`{{verdit}}` renders nothing), so ``check(_:)`` reports it at its line and column.
package enum TemplateVocabulary {
    /// Every name a context provides, at any depth, and the partials a template may include.
    static let names: Set<String> = LetterContext.names.union(PageContext.names)

    /// A diagnostic for each tag that reads an unknown name.
    package static func check(_ source: SourceFile) -> [Diagnostic] {
        tags(in: source).compactMap { tag, range in
            guard !tag.hasPrefix(">"), let name = Self.name(in: tag) else { return nil }
            let first = name.split(separator: ".").first.map(String.init) ?? name
            if name == "." || names.contains(first) { return nil }
            return Diagnostic(
                code: "TP502", message: "template reads `\(name)`, which no context gives", range: range,
                hint: Suggestion.closest(to: first, in: Array(names)).map { "did you mean `\($0)`?" } ?? "see docs/templates.md for the names"
            )
        }
    }

    /// The partials a template includes (`{{> helpdesk}}`), with where.
    package static func partials(in source: SourceFile) -> [(name: String, range: SourceRange)] {
        tags(in: source).compactMap { tag, range in
            tag.hasPrefix(">") ? (String(tag.dropFirst()).trimmingCharacters(in: .whitespaces), range) : nil
        }
    }

    /// Every `{{…}}` tag of a template, its text between the braces, and where it stands.
    private static func tags(in source: SourceFile) -> [(text: String, range: SourceRange)] {
        var found: [(text: String, range: SourceRange)] = []
        var lineNumber = 0
        for line in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let tag = rest[open.upperBound ..< close.lowerBound]
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                found.append((String(tag), SourceRange(start: SourceLocation(file: source.path, line: lineNumber, column: column), length: tag.count + 4)))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    /// The name a tag reads, or `nil` for a comment, a pragma or a set-delimiter tag.
    private static func name(in tag: String) -> String? {
        var text = Substring(tag)
        if text.hasPrefix("{") { text = text.dropFirst() }  // {{{name}}}: the third brace
        guard let first = text.first else { return nil }
        if "!%=".contains(first) { return nil }
        if "#^/&>$<".contains(first) { text = text.dropFirst() }
        let name = text.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }
}
