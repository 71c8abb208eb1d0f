import Foundation
import Testing
@testable import ToolPolicy

@Suite struct JSONReaderTests {
    private func read(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try JSONReader.read(Array(text.utf8))
    }

    /// The error `text` gives, or `nil` when it reads.
    private func failure(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONReader.read(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String) -> JSONSyntaxError? { failure(Array(text.utf8)) }

    /// A canonical text of a node: sorted keys, every number as a `Double`.
    private func canonical(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .integer(let number): "\(Double(number))"
        case .number(let text): "\(Double(text)!)"
        case .string(let text): text.debugDescription
        case .array(let items): "[" + items.map(canonical).joined(separator: ",") + "]"
        case .object(let members): "{" + members.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription):\(canonical($0.value))" }.joined(separator: ",") + "}"
        }
    }

    /// The same canonical text of what `JSONSerialization` gives.
    private func canonical(foundation value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case let number as NSNumber where String(describing: type(of: number)).contains("Boolean"): "\(number.boolValue)"
        case let number as NSNumber: "\(number.doubleValue)"
        case let text as String: text.debugDescription
        case let items as [Any]: "[" + items.map { canonical(foundation: $0) }.joined(separator: ",") + "]"
        case let object as [String: Any]: "{" + object.keys.sorted().map { "\($0.debugDescription):\(canonical(foundation: object[$0]!))" }.joined(separator: ",") + "}"
        default: "?\(value)"
        }
    }

    @Test(arguments: [
        #"{"tool": "zoom", "use": {"mode": "web", "accounts": ["pupils", "staff"], "participants": 30, "recorded": null, "free": true}}"#,
        #"[1, -2, 0, 2.5, -0.125, 1e3, 1E-2, 9223372036854775807, -9223372036854775808, 99999999999999999999]"#,
        #"["caf\u00e9", "\ud83d\ude00", "tab\tquote\"slash\/back\\", "é 😀 中", "", "\b\f\n\r"]"#,
        "\u{FEFF}{\"a\": [[[]], {}], \"b\": false}",
        "  \r\n\t\"just a string\"  ",
        "0",
    ])
    func readsWhatFoundationReads(text: String) throws {
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(canonical(try read(text)) == canonical(foundation: theirs))
    }

    @Test func keepsMemberOrderIntegersAndNumberText() throws {
        let node = try read(#"{"b": 1, "a": 2.50, "c": 18446744073709551616}"#)
        #expect(node.members?.map(\.key) == ["b", "a", "c"])
        #expect(node["b"]?.value == .integer(1))
        #expect(node["a"]?.value == .number("2.50"))
        #expect(node["c"]?.value == .number("18446744073709551616"))
        #expect(node["missing"] == nil)
    }

    @Test func nodesKnowTheirLine() throws {
        let node = try read("[\n  {\"tool\": \"zoom\"},\n\n  {\"tool\":\n    \"bbb\"}\n]")
        guard case .array(let items) = node.value else { Issue.record("not an array"); return }
        #expect(node.line == 1)
        #expect(items.map(\.line) == [2, 4])
        #expect(items[1]["tool"]?.line == 5)
    }

    @Test(arguments: [
        ("", 1, 1, "the document is empty"),
        ("   \n  ", 2, 3, "the document is empty"),
        (#"{"tool": "zoom",}"#, 1, 17, "a comma before `}`: JSON allows no trailing comma"),
        ("[1, 2,\n ]", 2, 2, "a comma before `]`: JSON allows no trailing comma"),
        (#"{"tool": "zoom", "tool": "bbb"}"#, 1, 18, "the key `tool` appears twice in this object"),
        (#"{"tool" "zoom"}"#, 1, 9, "unexpected `\"`: expected `:` after the key `tool`"),
        ("{\"tool\": \"zoom\"\n \"mode\": \"web\"}", 2, 2, "unexpected `\"`: expected `,` or `}` after the value of `tool`"),
        ("[1 2]", 1, 4, "unexpected `2`: expected `,` or `]` after item 1"),
        ("{tool: 1}", 1, 2, "unexpected `t`: expected a key in double quotes"),
        (#"{"tool": "zoom"#, 1, 15, "unterminated string"),
        ("{\"tool\": \"zo\nom\"}", 1, 13, "a line break inside a string"),
        ("\"a\u{01}\"", 1, 3, "a control character (U+0001) inside a string"),
        (#"["\q"]"#, 1, 3, "invalid escape `\\q`"),
        (#"["\u12G4"]"#, 1, 7, "a \\u escape takes four hexadecimal digits"),
        (#"["\ud83d"]"#, 1, 3, "high surrogate"),
        (#"["\ude00"]"#, 1, 3, "low surrogate"),
        ("[01]", 1, 3, "a number cannot start with 0 followed by digits"),
        ("[-]", 1, 3, "unexpected `]`: expected a digit"),
        ("[1.]", 1, 4, "expected a digit after the decimal point"),
        ("[1e+]", 1, 5, "expected a digit in the exponent"),
        ("[tru]", 1, 2, "did you mean `true`?"),
        ("{} {}", 1, 4, "unexpected `{` after the end of the document"),
        ("// note\n{}", 1, 1, "unexpected `/`: expected a value"),
        (#"{"école": "é", "x": é}"#, 1, 21, "unexpected `é`: expected a value"),
        ("[1,", 1, 4, "unexpected end of the document"),
    ])
    func errorsSayWhatAndWhere(text: String, line: Int, column: Int, message: String) {
        let error = failure(text)
        #expect(error?.line == line && error?.column == column, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    /// Each error is a typed problem, worded in French as precisely as in English: what
    /// was found (a character, a byte, the end) and what was expected.
    @Test(arguments: [
        ("", .emptyDocument, "le document est vide : une valeur JSON était attendue"),
        (#"[{"tool":"zoom",]"#, .expectedKey(.character("]")), #"caractère « ] » inattendu : une clé entre guillemets droits ("…") était attendue"#),
        (#"{"tool": "zoom",}"#, .trailingComma(before: "}"), "une virgule avant « } » : JSON n'accepte pas de virgule finale"),
        (#"{"tool": "zoom", "tool": "bbb"}"#, .duplicateKey("tool"), "la clé « tool » apparaît deux fois dans cet objet"),
        (#"{"tool" "zoom"}"#, .expectedColon(.character("\""), key: "tool"), #"caractère « " » inattendu : « : » était attendu après la clé « tool »"#),
        ("{\"tool\": \"zoom\"\n \"mode\": \"web\"}", .expectedMemberEnd(.character("\""), key: "tool"),
         #"caractère « " » inattendu : « , » ou « } » était attendu après la valeur de « tool »"#),
        ("[1 2]", .expectedItemEnd(.character("2"), item: 1), "caractère « 2 » inattendu : « , » ou « ] » était attendu après l'élément 1"),
        ("[1,", .valueMissing, "fin du document inattendue : une valeur était attendue"),
        ("[tru]", .misspeltLiteral(.character("t"), word: "true"), "caractère « t » inattendu : une valeur était attendue (vouliez-vous dire « true » ?)"),
        ("{} {}", .afterDocument(.character("{")), "caractère « { » inattendu après la fin du document"),
        ("[-]", .expectedDigit(.character("]"), .start), "caractère « ] » inattendu : un chiffre était attendu"),
        ("[1.]", .expectedDigit(.character("]"), .fraction), "caractère « ] » inattendu : un chiffre était attendu après le point décimal"),
        ("[01]", .leadingZero, "un nombre ne peut pas commencer par 0 suivi de chiffres"),
        (#"{"tool": "zoom"#, .unterminatedString, #"chaîne non fermée : un « " » fermant était attendu avant la fin du document"#),
        ("{\"tool\": \"zo\nom\"}", .lineBreakInString, #"un saut de ligne dans une chaîne : écrivez-le \n, ou fermez la chaîne par « " »"#),
        ("\"a\u{01}\"", .controlCharacter(0x01), "un caractère de contrôle (U+0001) dans une chaîne : échappez-le"),
        (#"["\q"]"#, .invalidEscape("q"), #"échappement « \q » invalide : une chaîne accepte \" \\ \/ \b \f \n \r \t et \uXXXX"#),
        (#"["\u12G4"]"#, .expectedHexDigit(.character("G")), #"caractère « G » inattendu : un échappement \u prend quatre chiffres hexadécimaux"#),
    ] as [(String, JSONSyntaxError.Problem, String)])
    func errorsAreTypedAndSaidInFrench(text: String, problem: JSONSyntaxError.Problem, french: String) {
        let error = failure(text)
        #expect(error?.problem == problem, "\(String(describing: error))")
        #expect(error?.text.fr == french)
        #expect(error?.text.en == error?.message)
    }

    @Test func aByteThatIsNotUTF8IsNamedInBothLanguages() {
        let error = failure([UInt8(ascii: "["), 0xFF, UInt8(ascii: "]")])
        #expect(error?.problem == .expectedValue(.byte(0xFF)))
        #expect(error?.message == "unexpected byte 0xFF: expected a value (an object, an array, a string, a number, true, false or null)")
        #expect(error?.text.fr == "octet 0xFF inattendu : une valeur était attendue (un objet, un tableau, une chaîne, un nombre, true, false ou null)")
        #expect(failure("[`]")?.message.hasPrefix("unexpected '`'") == true)
    }

    @Test func bytesThatAreNotUTF8AreRefusedAtTheirPlace() {
        let latin1: [UInt8] = Array(#"{"a": "caf"#.utf8) + [0xE9] + Array(#"", "b": 1}"#.utf8)
        let error = failure(latin1)
        #expect(error?.message.contains("not UTF-8") == true)
        #expect(error?.line == 1 && error?.column == 11, "\(String(describing: error))")
    }

    @Test func nestingIsLimited() {
        let deepest = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(failure(deepest) == nil)
        let tooDeep = String(repeating: "[", count: JSONReader.maximumDepth + 1) + String(repeating: "]", count: JSONReader.maximumDepth + 1)
        let error = failure(tooDeep)
        #expect(error?.message.contains("nested deeper than \(JSONReader.maximumDepth)") == true)
        #expect(error?.column == JSONReader.maximumDepth + 1)
        #expect(failure(String(repeating: "[", count: 100_000))?.message.contains("nested deeper") == true)
    }

    /// Thousands of damaged copies of a valid body (bytes replaced, dropped, duplicated):
    /// the reader never traps, and whatever it accepts Foundation accepts with the same value.
    @Test func damagedDocumentsNeverCrashAndAreReadLikeFoundation() {
        let seed = Array(#"{"tool": "Zoom", "use": {"mode": "web", "accounts": ["pupils", "staff"], "participants": -12, "recorded": null, "x": [1.5e3, true, false, "\u00e9\n"]}}"#.utf8)
        let alphabet = Array(#"{}[]:,"\ -+.eE0123456789tfnulr\/é"#.utf8) + [0x0A, 0x00, 0xC3, 0xFF]
        var state: UInt64 = 20_261_123
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var accepted = 0
        for _ in 0..<3000 {
            var bytes = seed
            for _ in 0...next(3) {
                let at = next(bytes.count)
                switch next(3) {
                case 0: bytes[at] = alphabet[next(alphabet.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(bytes[at], at: at)
                }
            }
            guard let node = try? JSONReader.read(bytes) else { continue }
            accepted += 1
            let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            #expect(theirs.map { canonical(node) == canonical(foundation: $0) } == true, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(accepted > 100, "too few damaged documents were still JSON to compare: \(accepted)")
    }
}
