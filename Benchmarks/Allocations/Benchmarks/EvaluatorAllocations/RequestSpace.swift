import ToolPolicy

/// Every distinct request a benchmark decides, built before any measurement: as
/// `UseRequest`s, and as the tool names and fact dictionaries they were built from
/// (the input of the request-building benchmarks).
struct RequestSpace: Sendable {
    let label: String
    let policy: Policy
    let today: CivilDate
    let tools: [String]
    let facts: [[String: FactValue?]]
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
    }

    /// How many decisions one iteration of a benchmark makes: one per request.
    var count: Int { requests.count }
}
