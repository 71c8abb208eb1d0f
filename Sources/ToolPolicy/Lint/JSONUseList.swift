/// Reads a list of uses from JSON: an array of objects, or an object with a `uses` array.
/// Object keys are column names; values are strings, booleans, integers, arrays of
/// strings, or null (unknown). Each entry carries the line its object starts on.
package enum JSONUseList {
    /// Why a JSON list could not be read at all.
    package struct ReadError: Error, Sendable, Hashable {
        /// What is wrong with the document.
        package enum Problem: Sendable, Hashable {
            /// The bytes are not JSON: the reader's problem (at ``ReadError/line`` and
            /// ``ReadError/column``).
            case syntax(JSONSyntaxError.Problem)
            /// The document is neither an array nor an object with a `uses` array.
            case notAList
            /// The use at this 1-based position is not an object.
            case notAnObject(use: Int)
        }

        /// What is wrong.
        package var problem: Problem
        /// The 1-based line of the fault.
        package var line: Int
        /// The 1-based column of the fault, for a syntax error.
        package var column: Int?
        /// Whether the bytes are not JSON at all (as opposed to JSON of the wrong shape).
        package var isSyntaxError: Bool { column != nil }

        /// What is wrong, in French and English, with its place.
        package var text: LocalizedText {
            switch problem {
            case .syntax(let detail):
                let column = column ?? 1
                return LocalizedText(fr: "JSON invalide à la ligne \(line), colonne \(column) : \(detail.text.fr)",
                                     en: "malformed JSON at line \(line), column \(column): \(detail.text.text(in: .en))")
            case .notAList:
                return LocalizedText(fr: "un tableau d'usages était attendu, ou un objet avec un tableau « uses »",
                                     en: "expected an array of uses, or an object with a `uses` array")
            case .notAnObject(let use):
                return LocalizedText(fr: "l'usage n° \(use) (ligne \(line)) n'est pas un objet", en: "use #\(use) (line \(line)) is not an object")
            }
        }

        /// What is wrong, in English.
        package var message: String { text.text(in: .en) }
    }

    /// Parses the whole document into entries (rows numbered from 1, with their lines).
    package static func entries(from data: [UInt8]) throws(ReadError) -> [UseListEntry] {
        let root: JSONNode
        do {
            root = try JSONReader.read(data)
        } catch {
            throw ReadError(problem: .syntax(error.problem), line: error.line, column: error.column)
        }
        let items: [JSONNode]
        switch (root.value, root["uses"]?.value) {
        case (.array(let array), _), (.object, .array(let array)?):
            items = array
        default:
            throw ReadError(problem: .notAList, line: root.line)
        }
        return try items.enumerated().map { (offset, item) throws(ReadError) in
            guard let members = item.members else {
                throw ReadError(problem: .notAnObject(use: offset + 1), line: item.line)
            }
            return UseListEntry(
                row: offset + 1, line: item.line,
                cells: members.map { UseListEntry.Cell(column: $0.key, value: factValue($0.value.value)) }.sorted { $0.column < $1.column }
            )
        }
    }

    /// Maps a JSON value to a fact value; `nil` for null or an empty string. A number that
    /// is not an integer is kept as its text, for the fact's type check to refuse.
    static func factValue(_ value: JSONNode.Value) -> FactValue? {
        switch value {
        case .null: nil
        case .bool(let flag): .bool(flag)
        case .integer(let number): .integer(number)
        case .number(let text): .string(text)
        case .string(let text): text.isEmpty ? nil : .string(text)
        case .array(let items): .set(items.map { setItem($0.value) })
        case .object: .string("{…}")
        }
    }

    private static func setItem(_ value: JSONNode.Value) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): "\(number)"
        case .bool(let flag): "\(flag)"
        case .number(let text): text
        case .null: "null"
        case .array, .object: "…"
        }
    }
}
