/// The truth of every rule for one request: the explanation the fast path produces
/// without allocating. Reuse one trace for many requests to the same policy, or keep the
/// one a ``Decision`` holds.
public struct EvaluationTrace: Sendable, Hashable {
    /// The truth of each rule's condition (for a require, of its `when`), indexed like ``Policy/rules``.
    public internal(set) var conditions: TruthVector
    /// The truth of each require's requirement; `.false` for other rules.
    public internal(set) var requirements: TruthVector

    /// Creates a trace sized for a policy, every rule `.false`.
    public init(for policy: Policy) {
        conditions = TruthVector(count: policy.rules.count)
        requirements = TruthVector(count: policy.rules.count)
    }

    /// Creates a trace for `count` rules, every rule `.false`.
    init(count: Int) {
        conditions = TruthVector(count: count)
        requirements = TruthVector(count: count)
    }
}
