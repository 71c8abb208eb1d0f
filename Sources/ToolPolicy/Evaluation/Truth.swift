/// A three-valued truth (Kleene): a condition on an unknown fact is `unknown`.
public enum Truth: UInt8, Codable, Sendable, Hashable {
    /// The condition does not hold.
    case `false` = 0
    /// The condition holds.
    case `true` = 1
    /// A fact the condition needs is unknown.
    case unknown = 2

    /// Kleene conjunction: false wins, then unknown.
    @inline(__always) static func && (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .false || rhs == .false { return .false }
        if lhs == .unknown || rhs == .unknown { return .unknown }
        return .true
    }

    /// Kleene disjunction: true wins, then unknown.
    @inline(__always) static func || (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .true || rhs == .true { return .true }
        if lhs == .unknown || rhs == .unknown { return .unknown }
        return .false
    }

    /// Kleene negation: unknown stays unknown.
    @inline(__always) static prefix func ! (value: Truth) -> Truth {
        switch value {
        case .false: .true
        case .true: .false
        case .unknown: .unknown
        }
    }

    init(_ value: Bool) { self = value ? .true : .false }
}
