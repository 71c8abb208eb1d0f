import Testing
@testable import ToolPolicy

/// Building a request from what people write: CLI options, CSV cells, JSON values.
@Suite struct RequestBuildingTests {
    /// The value a single fact gets in a request built from `value`.
    private func given(_ name: String, _ value: FactValue?) throws -> FactValue? {
        let policy = try TestPolicies.shipped()
        let request = try policy.request(tool: "zoom", facts: [name: value], today: TestPolicies.day)
        return policy.givenFacts(of: request).first?.value
    }

    @Test(arguments: [
        ("mode", "web", FactValue.enumeration("web")),
        ("mode", "WEB", .enumeration("web")),
        ("mode", "  install ", .enumeration("install")),
        ("purpose", "staff meeting", .enumeration("staff-meeting")),
        ("purpose", "Staff_Meeting", .enumeration("staff-meeting")),
        ("accounts", "pupils,staff", .set(["staff", "pupils"])),
        ("accounts", "pupils|staff", .set(["staff", "pupils"])),
        ("accounts", "pupils, staff, pupils", .set(["staff", "pupils"])),
        ("accounts", "none", .set(["none"])),
        ("audience", "external", .set(["external"])),
        ("recorded", "oui", .bool(true)),
        ("recorded", "Non", .bool(false)),
        ("recorded", "true", .bool(true)),
        ("recorded", "0", .bool(false)),
        ("recorded", "vrai", .bool(true)),
        ("participants", "10", .integer(10)),
        ("participants", "0", .integer(0)),
        ("use.mode", "web", .enumeration("web")),
        ("use.participants", "12", .integer(12)),
        // Every white space is trimmed, the vertical tab and form feed of a pasted cell included.
        ("accounts", "none,\u{0B},\u{0C}staff\u{0C}", .set(["none", "staff"])),
        ("mode", "\u{0C}web\u{0B}", .enumeration("web")),
    ])
    func parsesTextValuesAgainstTheFactType(name: String, text: String, expected: FactValue) throws {
        #expect(try given(name, .string(text)) == expected)
    }

    @Test(arguments: [
        ("participants", FactValue.integer(12), FactValue.integer(12)),
        ("recorded", .bool(false), .bool(false)),
        ("recorded", .integer(1), .bool(true)),
        ("accounts", .set(["pupils", "none"]), .set(["none", "pupils"])),
        ("mode", .enumeration("install"), .enumeration("install")),
    ])
    func acceptsTypedValues(name: String, value: FactValue, expected: FactValue) throws {
        #expect(try given(name, value) == expected)
    }

    @Test func anEmptyOrMissingValueLeavesTheFactUnknown() throws {
        let policy = try TestPolicies.shipped()
        let request = try policy.request(
            tool: "zoom", facts: ["mode": .string(""), "recorded": nil, "participants": .string("   ")], today: TestPolicies.day
        )
        #expect(policy.givenFacts(of: request).isEmpty)
        // Unknown facts make Zoom conditional on them rather than allowed or denied.
        let decision = policy.decide(request)
        #expect(decision.verdict == .conditional)
        #expect(decision.unknownFacts.contains("use.mode"))
        #expect(decision.use.isEmpty)
    }

    @Test func givenFactsKeepDeclarationOrderAndBareNames() throws {
        let policy = try TestPolicies.shipped()
        let request = try policy.request(
            tool: "zoom",
            facts: ["use.recorded": .string("non"), "participants": .string("3"), "mode": .string("web")],
            today: TestPolicies.day
        )
        // Declared order: mode, computer, accounts, audience, purpose, recorded, participants, waiting_room.
        #expect(policy.givenFacts(of: request).map(\.name) == ["mode", "recorded", "participants"])
        #expect(request.toolQuery == "zoom")
        #expect(request.today == TestPolicies.day)
    }

    @Test func anUnknownFactIsAnErrorWithADidYouMean() throws {
        let policy = try TestPolicies.shipped()
        #expect(throws: RequestError.self) {
            _ = try policy.request(tool: "zoom", facts: ["particpants": .string("10")], today: TestPolicies.day)
        }
        do {
            _ = try policy.request(tool: "zoom", facts: ["particpants": .string("10")], today: TestPolicies.day)
        } catch {
            #expect(error.fact == "particpants")
            #expect(error.message == "unknown fact `particpants`")
            #expect(error.hint == "did you mean `participants`?")
            #expect(error.allowed.contains("participants"))
        }
    }

    @Test func aToolFactCannotBeGivenInARequest() throws {
        let policy = try TestPolicies.shipped()
        let (_, errors) = policy.collectingRequest(tool: "zoom", facts: ["tool.dpa_signed": .string("true")], today: TestPolicies.day)
        #expect(errors.map(\.fact) == ["tool.dpa_signed"])
    }

    @Test func aBadEnumValueListsTheAllowedValues() throws {
        let policy = try TestPolicies.shipped()
        let (_, errors) = policy.collectingRequest(tool: "zoom", facts: ["mode": .string("instal")], today: TestPolicies.day)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.fact == "mode")
        #expect(error.allowed == ["install", "web"])
        #expect(error.message == "`instal` is not a valid value for `use.mode`: expected one of install, web")
        #expect(error.hint == "did you mean `install`?")
    }

    @Test(arguments: [
        ("accounts", FactValue.string("pupils,visitors"), "visitors"),
        ("audience", .string("everyone"), "everyone"),
        ("computer", .string("laptop"), "laptop"),
        ("participants", .string("-3"), "-3"),
        ("participants", .string("dix"), "dix"),
        ("participants", .string("10.5"), "10.5"),
        ("recorded", .string("peut-être"), "peut-être"),
        ("recorded", .integer(2), "2"),
        ("participants", .bool(true), "true"),
        ("mode", .set(["web"]), "{web}"),
    ])
    func valuesOutsideTheTypeAreRejected(name: String, value: FactValue, shown: String) throws {
        let policy = try TestPolicies.shipped()
        let (request, errors) = policy.collectingRequest(tool: "zoom", facts: [name: value], today: TestPolicies.day)
        #expect(errors.count == 1)
        #expect(errors.first?.fact == name)
        #expect(errors.first?.message.contains("`\(shown)`") == true, "\(errors.first?.message ?? "")")
        #expect(policy.givenFacts(of: request).isEmpty)
    }

    @Test func collectingRequestReturnsEveryErrorOfARowSortedByFact() throws {
        let policy = try TestPolicies.shipped()
        let (request, errors) = policy.collectingRequest(
            tool: "Zoom",
            facts: [
                "mode": .string("instal"),
                "participants": .string("many"),
                "recorded": .string("oui"),
                "colour": .string("red"),
                "audience": .string("pupils"),
            ],
            today: TestPolicies.day
        )
        #expect(errors.map(\.fact) == ["colour", "mode", "participants"])
        // The facts without error are kept; those in error stay unknown.
        #expect(policy.givenFacts(of: request).map(\.name) == ["audience", "recorded"])
        #expect(policy.givenFacts(of: request).map(\.value) == [.set(["pupils"]), .bool(true)])
        // `request` throws the first of the same errors.
        do {
            _ = try policy.request(tool: "Zoom", facts: ["mode": .string("instal"), "colour": .string("red")], today: TestPolicies.day)
            Issue.record("expected an error")
        } catch {
            #expect(error.fact == "colour")
        }
    }
}
