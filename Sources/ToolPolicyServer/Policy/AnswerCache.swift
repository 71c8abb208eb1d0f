import Synchronization
import ToolPolicy

/// The answers to `/v1/check` bodies already seen, so that a request that repeats (the
/// helpdesk's usual questions, a CI job run again) costs a lookup instead of a decode, a
/// decision and an encode. An answer is keyed by the policy digest, the day and the exact
/// body bytes: a reload, a new day or any other body is a new key. At most `capacity`
/// answers are kept; when full, the older half of the answers is dropped.
package final class AnswerCache: Sendable {
    /// What identifies an answer.
    struct Key: Hashable, Sendable {
        var digest: String
        var day: Int64
        var body: [UInt8]

        /// Hashes the body as one block of bytes, not byte by byte.
        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
            hasher.combine(day)
            body.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// A decision and its JSON.
    struct Answer: Sendable {
        var decision: Decision
        var json: [UInt8]
    }

    private struct State {
        var recent: [Key: Answer] = [:]
        var older: [Key: Answer] = [:]
    }

    /// How many answers are kept at most; 0 turns the cache off.
    package let capacity: Int
    private let state = Mutex(State())

    /// A cache of at most `capacity` answers.
    package init(capacity: Int) { self.capacity = capacity }

    func answer(for key: Key) -> Answer? {
        guard capacity > 0 else { return nil }
        return state.withLock { $0.recent[key] ?? $0.older[key] }
    }

    func store(_ answer: Answer, for key: Key) {
        guard capacity > 0 else { return }
        state.withLock { state in
            if state.recent.count >= max(1, capacity / 2) {
                state.older = state.recent
                state.recent = [:]
            }
            state.recent[key] = answer
        }
    }
}
