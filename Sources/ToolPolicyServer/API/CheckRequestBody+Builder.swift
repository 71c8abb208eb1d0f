import ToolPolicy

extension CheckRequestBody {
    /// The policy and the request of a `/v1/check` body read straight from its JSON into the
    /// policy's ``RequestBuilder``: no dictionary of facts, no sorted field names, no
    /// intermediate body value.
    ///
    /// It reads the usual body: known fields of the right types, facts the policy declares
    /// with values of their types, a listed tool or one far from every listed name, a valid
    /// date, a known profile. For anything else it returns `nil`, and the caller answers
    /// with ``init(json:)`` and ``request(in:of:)``, which give the error; a body this reads
    /// gives the same request as they do, since it makes the same builder calls.
    static func directRequest(_ root: JSONNode, in loaded: LoadedPolicy) -> (policy: Policy, request: UseRequest)? {
        guard case .object(let members) = root.value else { return nil }
        var tool: String?
        var facts: [JSONNode.Member] = []
        var date: String?
        var profile: String?
        for member in members {
            switch (member.key, member.value.value) {
            case ("tool", .string(let name)): tool = name
            case ("use", .object(let given)): facts = given
            case ("use", .null): break
            case ("date", .string(let text)): date = text
            case ("profile", .string(let name)): profile = name
            case ("date", .null), ("profile", .null), ("requester", .null), ("requester", .string), ("signature", .null), ("signature", .string): break
            default: return nil
            }
        }
        guard let tool, !tool.allSatisfy(\.isWhitespace), let policy = try? loaded.policy(named: profile) else { return nil }
        var today = CivilDate.today()
        if let date {
            guard let day = CivilDate(parsing: date) else { return nil }
            today = day
        }
        guard loaded.nearMisses.nearMisses(of: tool, in: policy).isEmpty else { return nil }
        var builder = policy.requestBuilder(today: today)
        builder.tool(named: tool)
        for fact in facts {
            guard let handle = policy.useFact(fact.key) else { return nil }
            let value: FactValue
            switch fact.value.value {
            case .null: continue
            case .string(let text): value = .string(text)
            case .integer(let number): value = .integer(number)
            case .bool(let flag): value = .bool(flag)
            case .array(let items):
                var strings: [String] = []
                strings.reserveCapacity(items.count)
                for item in items {
                    guard case .string(let text) = item.value else { return nil }
                    strings.append(text)
                }
                value = .set(strings)
            case .number, .object: return nil
            }
            do { try builder.set(handle, value) } catch { return nil }
        }
        return (policy, builder.request)
    }
}
