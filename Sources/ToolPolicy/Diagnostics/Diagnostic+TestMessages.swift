/// The diagnostics of rules test files (TP4xx), listed in `docs/testing.md`.
extension Diagnostic {
    static func unknownTestProfile(_ name: String, known: [String], at range: SourceRange) -> Diagnostic {
        let hint = Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
            ?? "profiles of this policy: " + known.joined(separator: ", ")
        return Diagnostic(code: "TP401", message: "no profile `\(name)` in this policy", range: range, hint: hint)
    }

    static func caseWithoutProfile(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP401", message: "case \"\(name)\" names no profile", range: range,
                   hint: "add `profile rennes` to the case, or once at the top of the file")
    }

    static func incompleteCase(_ name: String, missing: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP402", message: "case \"\(name)\" has no `\(missing)` clause: it could not fail", range: range,
                   hint: missing == "tool" ? "add `tool zoom`, or `tool unlisted \"name\"`" : "add `expect allowed` (or denied, conditional, review)")
    }

    static func unknownTestRule(_ id: String, profile: String, known: [String], overridden: Bool, at range: SourceRange) -> Diagnostic {
        let hint = overridden ? "the profile overrides it: it never decides under `\(profile)`"
            : Suggestion.closest(to: id, in: known).map { "did you mean `\($0)`?" } ?? "rule ids are those of the policy's `rule` statements"
        return Diagnostic(code: "TP403", message: "no rule `\(id)` in force under profile `\(profile)`", range: range, hint: hint)
    }

    static func caseWithoutCitation(_ name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP404", message: "case \"\(name)\" cites no source passage", range: range,
                   hint: "add `cites \"file.txt\" section \"Title\"`: a case says which text it checks")
    }

    static func listedAsUnlisted(_ name: String, id: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP405", message: "\"\(name)\" is the catalog's tool `\(id)`, not an unlisted one", range: range,
                   hint: "write `tool \(id)`")
    }

    static func duplicateCase(_ name: String, at range: SourceRange, first: SourceRange) -> Diagnostic {
        Diagnostic(code: "TP406", message: "case \"\(name)\" is defined twice in this file", range: range,
                   hint: "give each case its own name", notes: [Note(message: "first defined here", range: first)])
    }
}
