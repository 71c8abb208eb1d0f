import Synchronization
import ToolPolicy

/// The near misses (``Policy/nearMisses(of:)``) of the tool names asked under one loaded
/// policy, so that an unlisted name asked again (the helpdesk's usual "Jitsi", "Whereby")
/// costs a lookup instead of an edit distance to every name and alias of the catalog.
///
/// Keyed by profile and name as asked. A reload builds a new ``LoadedPolicy`` and with it an
/// empty memo. It holds at most ``capacity`` names and starts again empty when full, so a
/// stream of made-up names costs at most that many entries.
final class NearMissMemo: Sendable {
    /// The candidates of a near miss, as a `422 unknown_tool` lists them.
    typealias Candidates = [(id: String, name: String)]

    private struct Key: Hashable {
        var profile: String
        var query: String
    }

    /// How many names are kept at most.
    let capacity: Int
    private let memo = Mutex<[Key: Candidates]>([:])

    /// An empty memo of at most `capacity` names.
    init(capacity: Int = 4_096) { self.capacity = capacity }

    /// The near misses of `query` in `policy`, computed once per profile and name.
    func nearMisses(of query: String, in policy: Policy) -> Candidates {
        let key = Key(profile: policy.profileName, query: query)
        if let known = memo.withLock({ $0[key] }) { return known }
        let candidates = policy.nearMisses(of: query).map { (id: $0.id, name: $0.name) }
        memo.withLock { memo in
            if memo.count >= capacity { memo.removeAll(keepingCapacity: true) }
            memo[key] = candidates
        }
        return candidates
    }
}
