/// A truth per rule, two bits each: held inline for a policy of up to 128 rules, so a
/// trace and a decision need no heap; a larger policy keeps the rest in one array.
public struct TruthVector: RandomAccessCollection, Sendable, Hashable {
    /// The bits of rules 0–63 and 64–127 that are true, then those that are unknown.
    @usableFromInline var isTrue: (UInt64, UInt64) = (0, 0)
    @usableFromInline var isUnknown: (UInt64, UInt64) = (0, 0)
    /// For rules from 128 on: two words per 64 rules, true bits then unknown bits; `nil`
    /// for a policy of up to 128 rules (so copying a vector retains nothing).
    @usableFromInline var overflow: [UInt64]?
    /// The number of rules.
    public let count: Int

    /// The rules a vector holds inline.
    @usableFromInline static let inlineCapacity = 128

    /// A vector of `count` truths, all `.false`.
    init(count: Int) {
        self.count = count
        overflow = count > Self.inlineCapacity ? Array(repeating: 0, count: 2 * ((count - Self.inlineCapacity + 63) / 64)) : nil
    }

    /// The first index: 0.
    @inlinable public var startIndex: Int { 0 }
    /// One past the last rule.
    @inlinable public var endIndex: Int { count }

    /// How many rules have this truth, counted on the bits.
    @inlinable
    public func count(of truth: Truth) -> Int {
        let t = isTrue.0.nonzeroBitCount + isTrue.1.nonzeroBitCount
        let u = isUnknown.0.nonzeroBitCount + isUnknown.1.nonzeroBitCount
        var (overflowTrue, overflowUnknown) = (0, 0)
        if let overflow {
            for word in stride(from: 0, to: overflow.count, by: 2) {
                overflowTrue += overflow[word].nonzeroBitCount
                overflowUnknown += overflow[word + 1].nonzeroBitCount
            }
        }
        switch truth {
        case .true: return t + overflowTrue
        case .unknown: return u + overflowUnknown
        case .false: return count - t - u - overflowTrue - overflowUnknown
        }
    }

    /// The truth of rule `index`.
    @inlinable
    public subscript(index: Int) -> Truth {
        get {
            let bit = UInt64(1) << UInt64(index & 63)
            let (t, u): (UInt64, UInt64)
            switch index >> 6 {
            case 0: (t, u) = (isTrue.0, isUnknown.0)
            case 1: (t, u) = (isTrue.1, isUnknown.1)
            default:
                let word = 2 * ((index - Self.inlineCapacity) >> 6)
                (t, u) = (overflow![word], overflow![word + 1])
            }
            return t & bit != 0 ? .true : u & bit != 0 ? .unknown : .false
        }
        set {
            let bit = UInt64(1) << UInt64(index & 63)
            let t = newValue == .true ? bit : 0
            let u = newValue == .unknown ? bit : 0
            switch index >> 6 {
            case 0:
                isTrue.0 = isTrue.0 & ~bit | t
                isUnknown.0 = isUnknown.0 & ~bit | u
            case 1:
                isTrue.1 = isTrue.1 & ~bit | t
                isUnknown.1 = isUnknown.1 & ~bit | u
            default:
                let word = 2 * ((index - Self.inlineCapacity) >> 6)
                overflow![word] = overflow![word] & ~bit | t
                overflow![word + 1] = overflow![word + 1] & ~bit | u
            }
        }
    }

    /// Sets every truth to `.false`, keeping the storage.
    @inline(__always)
    mutating func reset() {
        isTrue = (0, 0)
        isUnknown = (0, 0)
        if let words = overflow?.count { for word in 0 ..< words { overflow![word] = 0 } }
    }

    /// Sets the truths of a vector of up to 64 rules from its two words.
    @inline(__always)
    mutating func assign(true trueBits: UInt64, unknown unknownBits: UInt64) {
        isTrue = (trueBits, 0)
        isUnknown = (unknownBits, 0)
    }

    /// Records the truth of a rule after ``reset()``: branch-free for the inline rules.
    @inline(__always)
    mutating func mark(_ index: Int, _ truth: Truth) {
        let shift = UInt64(index & 63)
        let t = UInt64(truth.rawValue & 1) << shift
        let u = UInt64(truth.rawValue >> 1) << shift
        switch index >> 6 {
        case 0:
            isTrue.0 |= t
            isUnknown.0 |= u
        case 1:
            isTrue.1 |= t
            isUnknown.1 |= u
        default:
            let word = 2 * ((index - Self.inlineCapacity) >> 6)
            overflow![word] |= t
            overflow![word + 1] |= u
        }
    }

    /// Whether a rule of `rules` is true.
    @inline(__always)
    func anyTrue(in rules: RuleMask) -> Bool {
        if isTrue.0 & rules.words.0 != 0 || isTrue.1 & rules.words.1 != 0 { return true }
        guard let overflow else { return false }
        return rules.overflow.indices.contains { overflow[2 * $0] & rules.overflow[$0] != 0 }
    }

    /// Whether a rule of `rules` is unknown.
    @inline(__always)
    func anyUnknown(in rules: RuleMask) -> Bool {
        if isUnknown.0 & rules.words.0 != 0 || isUnknown.1 & rules.words.1 != 0 { return true }
        guard let overflow else { return false }
        return rules.overflow.indices.contains { overflow[2 * $0 + 1] & rules.overflow[$0] != 0 }
    }

    /// Whether two vectors hold the same truths.
    public static func == (lhs: TruthVector, rhs: TruthVector) -> Bool {
        lhs.count == rhs.count && lhs.isTrue == rhs.isTrue && lhs.isUnknown == rhs.isUnknown && lhs.overflow == rhs.overflow
    }

    /// Hashes the truths.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(isTrue.0)
        hasher.combine(isTrue.1)
        hasher.combine(isUnknown.0)
        hasher.combine(isUnknown.1)
        hasher.combine(overflow)
    }
}

/// A set of rules, by index, as bits laid out like a ``TruthVector``'s.
struct RuleMask: Sendable {
    /// Rules 0–63 and 64–127.
    private(set) var words: (UInt64, UInt64) = (0, 0)
    /// Rules from 128 on, a word per 64 rules.
    private(set) var overflow: [UInt64] = []

    /// The set of `rules`.
    init(_ rules: [Int]) {
        for rule in rules {
            let bit = UInt64(1) << UInt64(rule & 63)
            switch rule >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            default:
                let word = (rule - TruthVector.inlineCapacity) >> 6
                if overflow.count <= word { overflow += Array(repeating: 0, count: word + 1 - overflow.count) }
                overflow[word] |= bit
            }
        }
    }
}
