import ToolPolicy
import ToolPolicyReports
import Yams

/// Reads a YAML list of uses: a sequence of mappings, or a mapping with a `uses` sequence.
/// Keys are column names; a sequence value is a set, an empty, `~` or `null` scalar is
/// unknown. Apart from the CLI (no HTTP route reads YAML), so that the `yaml` fuzzer
/// (`Fuzz/yaml/`) compiles it with Yams alone.
enum YAMLUseList {
    /// The entries of a YAML list (rows numbered from 1, with the line each mapping starts on),
    /// from its bytes: UTF-8, or UTF-16 with or without a BOM.
    ///
    /// - Throws: ``ListReadError`` for text that is not UTF-8, malformed YAML (at its line and
    ///   column), a key written twice in one mapping, or a document of another shape.
    static func entries(from data: [UInt8]) throws(ListReadError) -> [UseListEntry] {
        let bytes = UTF16Text.utf8(data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ListReadError.notUTF8(bytes)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ListReadError.yaml(error)
        } catch {
            throw ListReadError(LocalizedText.malformedYAML("\(error)"), line: nil, hint: nil)
        }
        let items: [Node]
        if let sequence = root?.sequence {
            items = Array(sequence)
        } else if let uses = root?.mapping?["uses"]?.sequence {
            items = Array(uses)
        } else {
            throw ListReadError(
                LocalizedText(fr: "une suite d'usages était attendue, ou un tableau associatif avec une suite « uses »",
                              en: "expected a sequence of uses, or a mapping with a `uses` sequence"),
                line: nil, hint: .yamlList
            )
        }
        var entries: [UseListEntry] = []
        for (offset, item) in items.enumerated() {
            guard let mapping = item.mapping else {
                throw ListReadError(
                    LocalizedText(fr: "l'usage n° \(offset + 1) n'est pas un tableau associatif (des lignes « clé: valeur »)",
                                  en: "use #\(offset + 1) is not a mapping"),
                    line: item.mark?.line,
                    hint: LocalizedText(fr: "chaque usage s'écrit « - tool: … » suivi de ses informations", en: "each use is `- tool: …` followed by its facts")
                )
            }
            var cells: [String: FactValue?] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                cells[name] = factValue(value)
            }
            entries.append(UseListEntry(row: offset + 1, line: item.mark?.line, cells: cells))
        }
        return entries
    }

    private static func factValue(_ node: Node) -> FactValue? {
        if let sequence = node.sequence { return .set(sequence.compactMap(\.string)) }
        guard let scalar = node.scalar, !scalar.string.isEmpty, scalar.string != "~", scalar.string != "null" else { return nil }
        return .string(scalar.string)
    }
}

extension ListReadError {
    /// A YAML syntax error at its line and column; a key written twice in one mapping
    /// named (YAML forbids it, and neither value may silently win).
    static func yaml(_ error: YamlError) -> ListReadError {
        let hint = LocalizedText.yamlList
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = context.map { "\(problem) (\($0.text))" } ?? problem
            return ListReadError(LocalizedText.malformedYAML(what), line: mark.line, column: mark.column, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = LocalizedText(fr: duplicates.map { "« \($0) »" }.joined(separator: ", "), en: duplicates.map { "`\($0)`" }.joined(separator: ", "))
            return ListReadError(
                LocalizedText(fr: "la clé \(keys.fr) apparaît deux fois dans un même usage", en: "the key \(keys.text(in: .en)) appears twice in one mapping"),
                line: context.mark.line, column: context.mark.column,
                hint: LocalizedText(fr: "gardez-en une seule : aucune ligne ne pourrait dire laquelle elle désigne",
                                    en: "keep one of them: no row could say which one it means")
            )
        default:
            return ListReadError(LocalizedText.malformedYAML("\(error)"), line: nil, hint: hint)
        }
    }
}

extension LocalizedText {
    /// The hint of a YAML list that is not one: what a list looks like.
    static let yamlList = LocalizedText(fr: "une liste YAML est une suite d'usages, chacun commençant par « - tool: zoom »",
                                        en: "a YAML list is a sequence of mappings: - tool: zoom")

    /// `malformed YAML: DETAIL` / `YAML invalide : DETAIL`, around the words of Yams, which
    /// are English only.
    static func malformedYAML(_ detail: String) -> LocalizedText {
        LocalizedText(fr: "YAML invalide : \(detail)", en: "malformed YAML: \(detail)")
    }
}
