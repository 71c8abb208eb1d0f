import Testing
@testable import ToolPolicy

/// The request builder: handles resolved once, and the fast spellings table giving exactly
/// what the full parser gives.
@Suite struct RequestBuilderTests {
    /// Every spelling a school's list or a form may give, for every use fact of the shipped
    /// policy: the builder's text path gives the same request, or the same error, as the
    /// dictionary path that parses with ``FactValueParser``.
    @Test func textPathAgreesWithTheParserForEverySpelling() throws {
        let policy = try TestPolicies.shipped()
        for declaration in policy.useFacts {
            var spellings = ["", " ", "oui", "Oui", "NON", "true", "0", "1", "25", "-3", "2026-09-01", "n'importe", "a,b", ",", "web,install"]
            spellings += declaration.type.values
            spellings += declaration.type.values.map { $0.uppercased() }
            spellings += declaration.valueNames.values.flatMap { $0 }
            if declaration.type.values.count > 1 { spellings.append(declaration.type.values.prefix(2).joined(separator: ", ")) }
            let handle = try #require(policy.useFact(declaration.name))
            for text in spellings {
                var builder = policy.requestBuilder(today: TestPolicies.day)
                builder.tool(named: "Zoom")
                var builderError: RequestError?
                do { try builder.set(handle, text: text) } catch { builderError = error }
                let (expected, errors) = policy.collectingRequest(tool: "Zoom", facts: [declaration.name: .string(text)], today: TestPolicies.day)
                #expect(builderError == errors.first, "\(declaration.name) = \"\(text)\"")
                #expect(builder.request == expected, "\(declaration.name) = \"\(text)\"")
            }
        }
    }

    /// Typed values, value handles and text give the same request.
    @Test func typedValuesHandlesAndTextAgree() throws {
        let policy = try TestPolicies.shipped()
        let mode = try #require(policy.useFact("use.mode"))
        let recorded = try #require(policy.useFact("recorded"))
        let audience = try #require(policy.useFact("audience"))
        var typed = policy.requestBuilder(today: TestPolicies.day)
        typed.tool(named: "zoom")
        try typed.set(mode, .enumeration("web"))
        try typed.set(recorded, .bool(false))
        try typed.set(audience, .set(["staff", "pupils"]))
        var handles = policy.requestBuilder(today: TestPolicies.day)
        handles.tool(named: "Zoom")
        for value in [try policy.value(.string("navigateur"), of: mode), try policy.value(.string("non"), of: recorded),
                      try policy.value(.string("staff, pupils"), of: audience)] {
            handles.set(try #require(value))
        }
        var text = policy.requestBuilder(today: TestPolicies.day)
        text.tool(named: "ZOOM")
        try text.set(mode, text: "web")
        try text.set(recorded, text: "false")
        try text.set(audience, text: "pupils|staff")
        #expect(policy.givenFacts(of: typed.request).map(\.value) == [.enumeration("web"), .set(["pupils", "staff"]), .bool(false)])
        #expect(policy.decide(typed.request).document.use == policy.decide(handles.request).document.use)
        #expect(policy.decide(typed.request).verdict == policy.decide(text.request).verdict)
        #expect(typed.request.slots == handles.request.slots && handles.request.slots == text.request.slots)
    }

    /// A tool handle gives the request that naming the tool gives, listed or not: the same
    /// catalog row, the same query kept for the answer, the same decision.
    @Test func aToolHandleGivesWhatItsNameGives() throws {
        let policy = try TestPolicies.shipped()
        let mode = try #require(policy.useFact("mode"))
        for name in ["Zoom", "zoom web", "BigBlueButton", "Discord", "zom", "Outil inconnu"] {
            let handle = policy.toolHandle(named: name)
            #expect(handle.isListed == (policy.tool(named: name) != nil), "\(name)")
            #expect(handle.query == name)
            var named = policy.requestBuilder(today: TestPolicies.day)
            named.tool(named: name)
            try named.set(mode, text: "web")
            var handled = policy.requestBuilder(today: TestPolicies.day)
            handled.tool(handle)
            try handled.set(mode, text: "web")
            #expect(handled.request == named.request, "\(name)")
            #expect(policy.decide(handled.request).document == policy.decide(named.request).document, "\(name)")
        }
        #expect(!policy.toolHandle(named: "Outil inconnu").isListed && policy.toolHandle(named: "Zoom").isListed)
    }

    /// A value in error leaves the fact unknown, and `reset()` clears the tool and the facts.
    @Test func anErrorLeavesTheFactUnknownAndResetClears() throws {
        let policy = try TestPolicies.shipped()
        let mode = try #require(policy.useFact("mode"))
        var builder = policy.requestBuilder(today: TestPolicies.day)
        builder.tool(named: "Zoom")
        try builder.set(mode, text: "web")
        #expect(throws: RequestError.self) { try builder.set(mode, text: "instal") }
        #expect(policy.givenFacts(of: builder.request).isEmpty)
        try builder.set(mode, text: "install")
        builder.reset()
        #expect(builder.request == policy.requestBuilder(today: TestPolicies.day).request)
        #expect(policy.useFact("colour") == nil)
        #expect(policy.useFact("tool.hosting") == nil)
    }

    /// A `string` use fact keeps its text, which its slot (a code) cannot give back.
    @Test func aStringFactKeepsItsText() throws {
        let policy = try TestPolicies.compile(TestPolicies.miniBase)
        let room = try #require(policy.useFact("country"))
        var builder = policy.requestBuilder(today: TestPolicies.day)
        try builder.set(room, text: "  salle B12 ")
        #expect(policy.givenFacts(of: builder.request).map(\.value) == [.string("salle B12")])
        try builder.set(room, .string("salle C"))
        #expect(policy.givenFacts(of: builder.request).map(\.value) == [.string("salle C")])
        builder.clear(room)
        #expect(policy.givenFacts(of: builder.request).isEmpty)
    }
}
