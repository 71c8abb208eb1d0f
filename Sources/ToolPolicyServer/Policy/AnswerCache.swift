import Synchronization
import ToolPolicy

/// The answers to `/v1/check` bodies already seen, so that a request that repeats (the
/// helpdesk's usual questions, a CI job run again) costs a lookup instead of a decode, a
/// decision and an encode.
///
/// An answer is keyed by the policy digests, the day and the SHA-256 of the exact body
/// bytes: a reload, a new day or any other body is a new key, and the body itself is never
/// kept. The cache holds at most `capacity` bytes, counted as the answer's decision-log
/// line parts (the answer's JSON is one of them), the key and ``entryOverhead`` per entry; when the newer half is
/// full it becomes the older half and the previous older half is dropped.
package final class AnswerCache: Sendable {
    /// What identifies an answer: the policy, the day and the body's SHA-256. Only the
    /// body is hashed per request; the policy's part is the same for every request under
    /// one load (``LoadedPolicy/answerKeyDigest``).
    struct Key: Hashable, Sendable {
        var digest: String
        var day: Int64
        /// The body's SHA-256 digest, as bytes.
        var body: [UInt8]

        /// The key of `body` asked under the policy `digest` on `day`.
        init(digest: String, day: Int64, body: [UInt8]) {
            self.digest = digest
            self.day = day
            self.body = SHA256.digest(body)
        }
    }

    /// An answer's JSON and its decision-log line.
    struct Answer: Sendable {
        var logLine: DecisionLogLine.Prepared
        var verdict: Verdict
        /// The profile that decided, for the metrics of a cached answer.
        var profile: String

        /// The answer's JSON: the decision of its log line.
        var json: [UInt8] { logLine.decision }

        /// The bytes the answer and its key are counted for.
        var byteCount: Int { logLine.byteCount + 64 + AnswerCache.entryOverhead }
    }

    /// What an entry costs beyond its bytes: the dictionary slot and the arrays' headers.
    static let entryOverhead = 256

    private struct Generation {
        var answers: [Key: Answer] = [:]
        var bytes = 0
    }

    private struct State {
        var recent = Generation()
        var older = Generation()

        /// The bytes held, both halves together.
        var bytes: Int { recent.bytes + older.bytes }
    }

    /// How many bytes of answers are kept at most; 0 turns the cache off.
    package let capacity: Int
    private let state = Mutex(State())

    /// A cache of at most `capacity` bytes.
    package init(capacity: Int) { self.capacity = capacity }

    /// The bytes held now, both halves together.
    package var bytes: Int { state.withLock { $0.bytes } }

    /// The answer kept for `key`, if any, and the bytes held, read under one lock.
    func answer(for key: Key) -> (answer: Answer?, bytes: Int) {
        guard capacity > 0 else { return (nil, 0) }
        return state.withLock { ($0.recent.answers[key] ?? $0.older.answers[key], $0.bytes) }
    }

    /// Keeps `answer` unless it alone is larger than half the capacity; returns the bytes
    /// held after it.
    @discardableResult
    func store(_ answer: Answer, for key: Key) -> Int {
        let size = answer.byteCount
        guard capacity > 0 else { return 0 }
        return state.withLock { state in
            if size <= capacity / 2, state.recent.answers[key] == nil {
                if state.recent.bytes + size > capacity / 2 {
                    state.older = state.recent
                    state.recent = Generation()
                }
                state.recent.answers[key] = answer
                state.recent.bytes += size
            }
            return state.bytes
        }
    }
}
