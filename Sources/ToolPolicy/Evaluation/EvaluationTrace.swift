/// The truth of every rule for one request: the explanation the fast path produces
/// without allocating. Reuse one trace for many requests to the same policy.
public struct EvaluationTrace: Sendable {
    /// The truth of each rule's condition (for a require, of its `when`), indexed like ``Policy/rules``.
    public internal(set) var conditions: [Truth]
    /// The truth of each require's requirement; `.false` for other rules.
    public internal(set) var requirements: [Truth]

    /// Creates a trace sized for a policy.
    public init(for policy: Policy) {
        conditions = Array(repeating: .false, count: policy.rules.count)
        requirements = Array(repeating: .false, count: policy.rules.count)
    }
}
