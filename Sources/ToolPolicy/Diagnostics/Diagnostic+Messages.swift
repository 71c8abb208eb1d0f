/// Every diagnostic the library emits, one factory each, with its stable code.
/// `docs/language.md` lists the codes.
extension Diagnostic {
    // MARK: Lexing (TP0xx)

    static func unexpectedCharacter(_ character: Character, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP001", message: "unexpected character `\(character)`", range: range,
                   hint: character == "'" || character == "«" ? "strings use double quotes: \"…\"" : "remove it, or put it inside a string")
    }

    static func unterminatedString(at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP002", message: "unterminated string", range: range, hint: "close the string with `\"`")
    }

    static func unterminatedString(at range: SourceRange, before line: Int) -> Diagnostic {
        Diagnostic(code: "TP002", message: "unterminated string: line \(line) starts a new statement", range: range,
                   hint: "close the string with `\"`; a string goes on over several lines only while they are indented")
    }

    static func unterminatedString(at range: SourceRange, beforeClauseOn line: Int) -> Diagnostic {
        Diagnostic(code: "TP002", message: "unterminated string: line \(line) starts a new clause", range: range,
                   hint: "close the string with `\"` at the end of its text")
    }

    static func unexpectedCharacters(_ text: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP001", message: "unexpected characters `\(text)`", range: range,
                   hint: "remove them, or put them inside a string")
    }

    static func unindentedContinuation(at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP006", message: "missing indentation: this line continues the string above but starts at column 1",
                   range: range, hint: "indent the continuation lines of a string; only a new statement starts at column 1")
    }

    static func malformedDate(_ text: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP003", message: "`\(text)` is not a valid date", range: range, hint: "dates are written YYYY-MM-DD, e.g. 2026-08-31")
    }

    static func malformedNumber(_ text: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP004", message: "`\(text)` is not a valid number", range: range, hint: "integers are written with digits only")
    }

    static func unknownEscape(_ text: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP005", message: "unknown escape `\\\(text)`", range: range, hint: "use \\\" for a quote, \\\\ for a backslash, \\n for a line break")
    }

    // MARK: Parsing (TP1xx)

    static func expected(_ what: String, found token: Token, hint: String?) -> Diagnostic {
        Diagnostic(code: "TP101", message: "expected \(what), found \(token.display)", range: token.range, hint: hint)
    }

    static func missingHeader(at token: Token) -> Diagnostic {
        Diagnostic(code: "TP102", message: "a rules file starts with `policy \"name\"` or `profile \"name\" extends \"base\"`",
                   range: token.range, hint: "add a header line naming the layer this file belongs to")
    }

    static func missingIndentation(found token: Token) -> Diagnostic {
        Diagnostic(code: "TP104", message: "missing indentation: \(token.display) continues the statement above but starts at column 1",
                   range: token.range, hint: "indent it (two spaces, as the lines above); only a new statement starts at column 1")
    }

    static func nestedTooDeep(limit: Int, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP103", message: "this expression is nested deeper than \(limit) levels of parentheses, `not` or sets",
                   range: range, hint: "flatten it: a chain `a and b and c …` or `a or b or c …` needs no parentheses")
    }

    // MARK: Names and types (TP2xx)

    static func unknownFact(_ owner: FactOwner, _ name: String, known: [String], at range: SourceRange, otherOwner: Bool) -> Diagnostic {
        let other = owner == .tool ? FactOwner.use : .tool
        let hint: String
        if otherOwner {
            hint = "`\(name)` is a \(other.rawValue) fact: write `\(other.rawValue).\(name)`"
        } else if let close = Suggestion.closest(to: name, in: known) {
            hint = "did you mean `\(owner.rawValue).\(close)`?"
        } else {
            hint = "declare it: `\(owner.rawValue) fact \(name): bool \"description\"`"
        }
        return Diagnostic(code: "TP201", message: "unknown fact `\(owner.rawValue).\(name)`", range: range, hint: hint)
    }

    static func unknownValue(_ value: String, of subject: String, allowed: [String], at range: SourceRange) -> Diagnostic {
        let hint = Suggestion.closest(to: value, in: allowed).map { "did you mean `\($0)`?" }
            ?? "allowed values: " + allowed.joined(separator: ", ")
        return Diagnostic(code: "TP202", message: "`\(value)` is not a value of \(subject) (one of \(allowed.joined(separator: ", ")))",
                          range: range, hint: hint)
    }

    static func typeMismatch(_ message: String, at range: SourceRange, hint: String? = nil) -> Diagnostic {
        Diagnostic(code: "TP203", message: message, range: range, hint: hint)
    }

    static func notACondition(_ what: String, at range: SourceRange, hint: String) -> Diagnostic {
        Diagnostic(code: "TP204", message: "\(what) is not a condition", range: range, hint: hint)
    }

    static func classifyReadsUse(at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP205", message: "a classify statement can only read tool facts", range: range,
                   hint: "a class belongs to the tool; put conditions on the use in a forbid, permit or require rule")
    }

    static func unknownTool(_ id: String, known: [String], at range: SourceRange) -> Diagnostic {
        let hint = Suggestion.closest(to: id, in: known).map { "did you mean `\($0)`?" } ?? "tool ids are those of the catalog's `tool` entries"
        return Diagnostic(code: "TP206", message: "no tool `\(id)` in the catalog", range: range, hint: hint)
    }

    static func missingFrenchMessage(_ subject: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP207", message: "\(subject) has no French message", range: range,
                   hint: "add `says fr \"…\"` quoting the policy text it encodes")
    }

    static func missingCitation(_ subject: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP208", message: "\(subject) cites no source", range: range,
                   hint: "add `cites \"document.txt\" section \"Section title\"`")
    }

    static func missingFactSource(_ fact: String, tool: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP209", message: "fact `\(fact)` of tool `\(tool)` has no source", range: range,
                   hint: "add `source \"document.txt\" section \"Section title\"`; leave the fact out if the sources are silent")
    }

    static func duplicate(_ what: String, at range: SourceRange, first: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP210", message: "\(what) is defined twice", range: range, hint: "remove or rename one of them",
                   notes: [Note(message: "first defined here", range: first)])
    }

    static func profileChangesBaseFact(_ fact: String, tool: String, at range: SourceRange, base: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP211", message: "a profile cannot change `\(fact)` of tool `\(tool)`, which the base states", range: range,
                   hint: "a profile may only add facts the base leaves unknown",
                   notes: [Note(message: "the base states it here", range: base)])
    }

    static func profileRedefinesBaseRule(_ id: String, at range: SourceRange, base: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP212", message: "rule `\(id)` is already defined by the base", range: range,
                   hint: "give the profile's rule its own id, or switch the base rule off with a cited `override \"\(id)\"`",
                   notes: [Note(message: "the base defines it here", range: base)])
    }

    static func unknownOverrideTarget(_ id: String, known: [String], at range: SourceRange) -> Diagnostic {
        let hint = Suggestion.closest(to: id, in: known).map { "did you mean `\($0)`?" } ?? "an override names a rule of the base"
        return Diagnostic(code: "TP213", message: "no base rule `\(id)` to override", range: range, hint: hint)
    }

    static func overrideInBase(at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP214", message: "only a profile can override a base rule", range: range,
                   hint: "edit the base rule itself, or move the override into a profile")
    }

    static func unknownLanguage(_ language: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP215", message: "unknown language `\(language)`", range: range, hint: "messages are written `says fr \"…\"` or `says en \"…\"`")
    }

    static func extendsUnknownTool(_ id: String, known: [String], at range: SourceRange) -> Diagnostic {
        let hint = Suggestion.closest(to: id, in: known).map { "did you mean `\($0)`?" } ?? "`extend tool` adds facts to a tool of the catalog; define new tools with `tool id \"Name\"`"
        return Diagnostic(code: "TP216", message: "cannot extend `\(id)`: no such tool", range: range, hint: hint)
    }

    static func useFactOnTool(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP217", message: "`\(name)` is a use fact; a catalog entry states tool facts only", range: range,
                   hint: "use facts come from the request (`--\(name)`, or a column of the school's list)")
    }

    static func toolNameClash(_ name: String, tool: String, other: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP218", message: "the name \"\(name)\" of `\(tool)` already designates `\(other)`", range: range,
                   hint: "names are compared ignoring case, accents, spaces and dashes; choose a distinct alias")
    }

    static func setTooLarge(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP219", message: "`\(name)` has more than 63 values", range: range, hint: "split the fact in two")
    }

    static func toolIsInClassify(at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP220", message: "a classify statement cannot test the tool's class", range: range,
                   hint: "classify from tool facts; classes are tried in order and the first that holds wins")
    }

    // MARK: Loading (TP3xx)

    static func noRulesFiles(_ path: String) -> Diagnostic {
        Diagnostic(code: "TP301", message: "no `.rules` files in \(path)", range: nil,
                   hint: "point --policy (or TOOLPOLICY_RULES) at the folder holding the policy, e.g. Rules/")
    }

    static func unreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(code: "TP302", message: "cannot read \(path): \(reason)", range: nil, hint: "check the path and its permissions")
    }

    static func unknownProfile(_ name: String, known: [String]) -> Diagnostic {
        let hint = Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
            ?? (known.isEmpty ? "this policy has no profiles" : "available profiles: " + known.joined(separator: ", "))
        return Diagnostic(code: "TP303", message: "no profile `\(name)` in this policy", range: nil, hint: hint)
    }

    static func noBase(_ name: String, at range: SourceRange?) -> Diagnostic {
        Diagnostic(code: "TP304", message: "no base policy `\(name)`", range: range,
                   hint: "a base is a file whose header is `policy \"\(name)\"`")
    }

    static func profileAndBaseNameClash(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP305", message: "`\(name)` names both a base and a profile", range: range, hint: "rename the profile")
    }

    static func notUTF8(byte: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP306", message: "byte \(byte) is not UTF-8", range: range,
                   hint: "save the file as UTF-8 (it is probably Windows-1252 or Latin-1: in most editors, Save as… → Encoding: UTF-8)")
    }
}

extension Diagnostic {
    static func undeclaredDocument(_ id: String, known: [String], at range: SourceRange) -> Diagnostic {
        let hint = Suggestion.closest(to: id, in: known).map { "did you mean `\($0)`?" }
            ?? "declare it once: `document \"\(id)\" title \"…\" issuer \"…\"`"
        return Diagnostic(code: "TP221", message: "document `\(id)` is not declared", range: range, hint: hint)
    }

    static func unknownSection(_ section: String, document: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP222", message: "section \"\(section)\" is not in `\(document)`", range: range,
                   hint: "quote the section's title as the document writes it (case and spacing aside); its text is in the policy's sources/ folder")
    }

    static func untitledDocument(_ id: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP223", message: "document `\(id)` has no title", range: range,
                   hint: "outputs name a source by its title: add `title \"…\"` (and `issuer \"…\"`)")
    }

    static func valueNameClash(_ name: String, value: String, other: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP224", message: "the name \"\(name)\" of value `\(value)` already designates `\(other)`", range: range,
                   hint: "names are compared ignoring case, accents, spaces and dashes; choose a distinct name")
    }

    static func unknownColumnStatement(_ column: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP225", message: "`column \(column)`: only the `tool` column is named this way", range: range,
                   hint: "a fact's column gets its other names on the fact: `use fact \(column): … aka \"…\"`")
    }
}
