/// The syntax tree of a rules file, as parsed, before names and types are checked.
enum Syntax {
    /// A value with the place it was written.
    struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
        var value: Value
        var range: SourceRange
    }

    /// One parsed file.
    struct File: Sendable {
        var source: SourceFile
        var header: Header?
        var statements: [Statement]
        /// The file's tokens and comments, in order: what its digest is made of
        /// (``PolicyDigest``), kept so that a load lexes each file once.
        var tokens: [Token]
        var comments: [String]
    }

    /// `policy "national" …` or `profile "rennes" … extends "national"`.
    struct Header: Sendable {
        var name: Located<String>
        var title: String?
        /// The base this profile extends; `nil` for a base.
        var extends: Located<String>?
    }

    /// One top-level statement.
    enum Statement: Sendable {
        case fact(FactDeclaration)
        case classify(Classify)
        case rule(Rule)
        case tool(Tool)
        case override(Override)
        case document(Document)
        case column(ColumnNames)
    }

    /// `document "003_….txt" title "…" issuer "…" url "…"`: a source the rules cite.
    struct Document: Sendable {
        var id: Located<String>
        var title: Located<String>?
        var issuer: String?
        var url: String?
    }

    /// `column tool aka "outil", "logiciel"`: other names of a list's column.
    struct ColumnNames: Sendable {
        var column: Located<String>
        var aliases: [Located<String>]
    }

    /// A text in one language: `fr "…"`.
    struct Wording: Sendable {
        var language: Located<String>
        var text: String
    }

    /// `value install fr "en installant l'application" en "installed" aka "installé"`.
    struct ValueWords: Sendable {
        var value: Located<String>
        var texts: [Wording]
        var aliases: [Located<String>]
    }

    /// `tool fact dpa_signed: bool "…"`.
    struct FactDeclaration: Sendable {
        var owner: FactOwner
        var name: Located<String>
        var type: TypeExpression
        var description: String
        /// `label fr "…" en "…"`: what a form or a letter calls the fact.
        var labels: [Wording] = []
        /// `asks fr "…" en "…"`: the question that settles the fact when it is unknown.
        var questions: [Wording] = []
        /// `aka "poste"`: other names of the fact's column in a school's list.
        var aliases: [Located<String>] = []
        /// `value web fr "…"`: the words for each value.
        var values: [ValueWords] = []
        /// `settled by school`: who can change the fact, when it is not the requester.
        var settledBy: Located<String>?
    }

    /// A fact's declared type.
    enum TypeExpression: Sendable {
        case bool, integer, date, string
        case oneOf([Located<String>])
        case setOf([Located<String>])
    }

    /// `classify tolerated when …`.
    struct Classify: Sendable {
        var toolClass: ToolClass
        var condition: Expression
        var citations: [Located<Citation>]
        var range: SourceRange
    }

    /// `rule "id" forbid when … says fr "…" cites "…" section "…"`.
    struct Rule: Sendable {
        var id: Located<String>
        var effect: Effect
        var clauses: Clauses
    }

    /// What a rule does.
    enum Effect: Sendable {
        case forbid(Expression)
        case permit(Expression)
        case require(Expression, when: Expression?)
        case advise(Expression)
        case review(Expression)
    }

    /// The `says`, `remedy` and `cites` clauses of a rule or an override.
    struct Clauses: Sendable {
        /// `(language, text)` in written order; duplicates are reported by the compiler.
        var messages: [(language: Located<String>, text: String)] = []
        var remedies: [(language: Located<String>, text: String)] = []
        var citations: [Located<Citation>] = []
    }

    /// `tool zoom "Zoom" …` or `extend tool zoom …`.
    struct Tool: Sendable {
        var id: Located<String>
        var name: String?
        var isExtension: Bool
        var aliases: [Located<String>]
        var category: Located<String>?
        var facts: [ToolFact]
    }

    /// `web_client = true source "…" section "…"` inside a tool entry.
    struct ToolFact: Sendable {
        var name: Located<String>
        var value: Located<Literal>
        var source: Located<Citation>?
    }

    /// `override "rule-id" says fr "…" cites "…" section "…"`.
    struct Override: Sendable {
        var target: Located<String>
        var clauses: Clauses
    }

    /// An expression that evaluates to true, false or unknown.
    indirect enum Expression: Sendable {
        /// Two or more operands, all true; a chain is one node however long it is.
        case and([Expression])
        /// Two or more operands, one true.
        case or([Expression])
        case not(Expression, SourceRange)
        /// `tool is tolerated`, `tool is unlisted`.
        case toolIs(Located<ToolClassTest>)
        /// A bare operand used as a condition: `tool.dpa_signed`.
        case test(Operand)
        case compare(Operand, Located<ComparisonOperator>, Operand)
        case membership(Operand, negated: Bool, Located<[Located<Literal>]>)
        case contains(Operand, ContainsMode, Operand)

        /// The span from the start of the expression, on its first line.
        var range: SourceRange {
            switch self {
            case .and(let operands), .or(let operands): operands[0].range.extended(to: operands[operands.count - 1].range)
            case .not(_, let range): range
            case .toolIs(let test): test.range
            case .test(let operand): operand.range
            case .compare(let l, _, let r), .contains(let l, _, let r): l.range.extended(to: r.range)
            case .membership(let l, _, let set): l.range.extended(to: set.range)
            }
        }
    }

    /// What `tool is …` tests.
    enum ToolClassTest: Hashable, Sendable {
        case toolClass(ToolClass)
        case unlisted
        case unclassified
    }

    /// `contains x`, `contains any of {…}`, `contains all of {…}`.
    enum ContainsMode: Sendable {
        case element, any, all
    }

    /// A side of a comparison.
    enum Operand: Sendable {
        case fact(FactOwner, Located<String>, range: SourceRange)
        case literal(Located<Literal>)
        case today(SourceRange)

        var range: SourceRange {
            switch self {
            case .fact(_, _, let range): range
            case .literal(let literal): literal.range
            case .today(let range): range
            }
        }
    }

    /// A literal value, before it is typed against a fact.
    indirect enum Literal: Sendable, Hashable {
        case bool(Bool)
        case integer(Int64)
        case date(Int64)
        case string(String)
        /// A bare word: an enum value or a tool id, resolved by the type checker.
        case word(String)
        case set([Located<Literal>])
    }
}

/// `= != < <= > >=`.
enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}
