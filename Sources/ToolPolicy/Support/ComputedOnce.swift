import Synchronization

/// A value of an immutable object that is costly and not always needed, computed by the
/// first reader and kept: the policy's remedy cells are built on the first remedy asked.
final class ComputedOnce<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    init() {}

    /// The value, computing it with `compute` on the first call. Concurrent first calls
    /// compute it once.
    func value(computing compute: () -> Value) -> Value {
        state.withLock { state in
            if let value = state { return value }
            let value = compute()
            state = .some(value)
            return value
        }
    }
}
