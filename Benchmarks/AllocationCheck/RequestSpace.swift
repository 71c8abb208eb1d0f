import ToolPolicy

/// Every distinct request a path decides, built before any measurement: as
/// `UseRequest`s, and as what they are built from (the input of the request-building
/// paths): the tool's name with the facts as a dictionary, as handles with typed
/// values, as handles with text values, and as tool and value handles.
struct RequestSpace: Sendable {
    let label: String
    let policy: Policy
    let today: CivilDate
    let tools: [String]
    let facts: [[String: FactValue?]]
    let typedFacts: [[(fact: UseFactHandle, value: FactValue)]]
    let textFacts: [[(fact: UseFactHandle, text: String)]]
    let toolHandles: [ToolHandle]
    let valueHandles: [[FactValueHandle]]
    let requests: [UseRequest]

    init(label: String, policy: Policy, today: CivilDate, uses: [[String: FactValue?]], extraTools: [String] = []) {
        var tools: [String] = []
        var facts: [[String: FactValue?]] = []
        for tool in policy.tools.map(\.id) + extraTools {
            for use in uses {
                tools.append(tool)
                facts.append(use)
            }
        }
        self.label = label
        self.policy = policy
        self.today = today
        self.tools = tools
        self.facts = facts
        var requests: [UseRequest] = []
        for (tool, use) in zip(tools, facts) {
            do throws(RequestError) {
                requests.append(try policy.request(tool: tool, facts: use, today: today))
            } catch {
                fatalError("\(label): the request for \(tool) \(use) does not build: \(error.message)")
            }
        }
        self.requests = requests
        // The handles are resolved once, as an embedder does after loading.
        var handles: [String: UseFactHandle] = [:]
        for declaration in policy.useFacts {
            guard let handle = policy.useFact(declaration.name) else { fatalError("\(label): no handle for \(declaration.name)") }
            handles[declaration.name] = handle
        }
        typedFacts = facts.map { use in
            use.keys.sorted().compactMap { name in use[name]!.map { (handles[name]!, $0) } }
        }
        textFacts = facts.map { use in
            use.keys.sorted().compactMap { name in use[name]!.map { (handles[name]!, Self.text(of: $0)) } }
        }
        toolHandles = tools.map { policy.toolHandle(named: $0) }
        valueHandles = typedFacts.map { use in
            use.map { fact, value in
                do throws(RequestError) {
                    guard let handle = try policy.value(value, of: fact) else { fatalError("\(label): \(value) gives no value handle") }
                    return handle
                } catch {
                    fatalError("\(label): \(value) does not type: \(error.message)")
                }
            }
        }
    }

    /// A value as a list or a form writes it: `web`, `true`, `staff,external`.
    static func text(of value: FactValue) -> String {
        switch value {
        case .set(let members): members.joined(separator: ",")
        default: value.spelling
        }
    }

    /// How many decisions one pass of a path makes: one per request.
    var count: Int { requests.count }
}
