extension Parser {
    /// `expr = and-expr { "or" and-expr }`.
    ///
    /// A chain of `or` (or of `and`) becomes one n-ary node however long it is, so only
    /// nesting (parentheses, `not`, sets) deepens the tree, and nesting is limited to
    /// ``maxNesting`` levels: nothing downstream recurses deeper than that.
    mutating func parseExpression() throws(Abandon) -> Syntax.Expression {
        var operands = [try parseAnd()]
        while consume(word: "or") { operands.append(try parseAnd()) }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd() throws(Abandon) -> Syntax.Expression {
        var operands = [try parseNot()]
        while consume(word: "and") { operands.append(try parseNot()) }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parseNot() throws(Abandon) -> Syntax.Expression {
        let start = current.range
        if current.isWord("not") {
            try enterNesting()
            defer { nesting -= 1 }
            advance()
            let operand = try parseNot()
            return .not(operand, start.extended(to: operand.range))
        }
        return try parseTest()
    }

    private mutating func parseTest() throws(Abandon) -> Syntax.Expression {
        if current.isSymbol("(") {
            try enterNesting()
            defer { nesting -= 1 }
            advance()
            let inner = try parseExpression()
            try expect(symbol: ")")
            return inner
        }
        if current.isWord("tool"), tokens[position + 1].isWord("is") {
            let start = current.range
            advance()
            advance()
            let word = current.word ?? ""
            let test: Syntax.ToolClassTest
            if let toolClass = ToolClass(rawValue: word) {
                test = .toolClass(toolClass)
            } else if word == "unlisted" {
                test = .unlisted
            } else if word == "unclassified" {
                test = .unclassified
            } else {
                throw expectedError("a class", hint: "`tool is` takes institutional, tolerated, forbidden, unclassified or unlisted")
            }
            let range = start.extended(to: current.range)
            advance()
            return .toolIs(Syntax.Located(value: test, range: range))
        }
        let left = try parseOperand()
        if case .symbol(let symbol) = current.kind, let op = ComparisonOperator(rawValue: symbol) {
            let opRange = current.range
            advance()
            return .compare(left, Syntax.Located(value: op, range: opRange), try parseOperand())
        }
        if current.isWord("not"), tokens[position + 1].isWord("in") {
            advance()
            advance()
            return .membership(left, negated: true, try parseSet())
        }
        if consume(word: "in") {
            return .membership(left, negated: false, try parseSet())
        }
        if consume(word: "contains") {
            if consume(word: "any") {
                try expect(word: "of")
                return .contains(left, .any, .literal(try parseSetLiteral()))
            }
            if consume(word: "all") {
                try expect(word: "of")
                return .contains(left, .all, .literal(try parseSetLiteral()))
            }
            return .contains(left, .element, try parseOperand())
        }
        return .test(left)
    }

    private mutating func parseOperand() throws(Abandon) -> Syntax.Operand {
        let start = current.range
        if (current.isWord("tool") || current.isWord("use")), tokens[position + 1].isSymbol(".") {
            let owner: FactOwner = current.isWord("tool") ? .tool : .use
            advance()
            advance()
            let name = try expectIdentifier("a fact name after `\(owner.rawValue).`")
            return .fact(owner, name, range: start.extended(to: name.range))
        }
        if consume(word: "today") { return .today(start) }
        return .literal(try parseLiteral())
    }

    private mutating func parseSet() throws(Abandon) -> Syntax.Located<[Syntax.Located<Syntax.Literal>]> {
        let literal = try parseSetLiteral()
        guard case .set(let elements) = literal.value else { throw expectedError("a set `{a, b}`") }
        return Syntax.Located(value: elements, range: literal.range)
    }

    private mutating func parseSetLiteral() throws(Abandon) -> Syntax.Located<Syntax.Literal> {
        guard current.isSymbol("{") else { throw expectedError("a set `{a, b}`") }
        return try parseLiteral()
    }

    /// Enters one level of nesting, or reports that the limit is passed and abandons the statement.
    private mutating func enterNesting() throws(Abandon) {
        guard nesting < Parser.maxNesting else {
            diagnostics.append(.nestedTooDeep(limit: Parser.maxNesting, at: current.range))
            throw Abandon()
        }
        nesting += 1
    }

    /// A literal value: `true`, `10`, `2026-08-31`, `"text"`, `word` or `{a, b}`.
    mutating func parseLiteral() throws(Abandon) -> Syntax.Located<Syntax.Literal> {
        let token = current
        switch token.kind {
        case .word("true"): advance(); return Syntax.Located(value: .bool(true), range: token.range)
        case .word("false"): advance(); return Syntax.Located(value: .bool(false), range: token.range)
        case .word(let word): advance(); return Syntax.Located(value: .word(word), range: token.range)
        case .integer(let value): advance(); return Syntax.Located(value: .integer(value), range: token.range)
        case .date(let days): advance(); return Syntax.Located(value: .date(days), range: token.range)
        case .string(let text): advance(); return Syntax.Located(value: .string(text), range: token.range)
        case .symbol("{"):
            try enterNesting()
            defer { nesting -= 1 }
            advance()
            var elements: [Syntax.Located<Syntax.Literal>] = []
            if !current.isSymbol("}") {
                elements.append(try parseLiteral())
                while consume(symbol: ",") { elements.append(try parseLiteral()) }
            }
            let end = current.range
            try expect(symbol: "}", hint: "close the set with `}`")
            return Syntax.Located(value: .set(elements), range: token.range.extended(to: end))
        default:
            throw expectedError("a fact such as `use.mode`, or a value")
        }
    }
}
