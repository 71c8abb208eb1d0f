/// One to three use facts that a remedy changes together, as indices into
/// ``Policy/useFacts`` in increasing order: held inline, so trying one allocates nothing.
struct FactChoice {
    /// The most facts a remedy changes.
    static let capacity = 3

    /// The number of facts.
    private(set) var count = 0
    private var facts: (Int, Int, Int) = (0, 0, 0)
    /// The facts' slot bits (``RemedyTables/bit(ofSlot:)``).
    private(set) var mask: UInt64 = 0

    /// No fact.
    init() {}

    /// The choice with `fact` (whose slot is `slot`) added after the others.
    func adding(_ fact: Int, slot: Int) -> FactChoice {
        var choice = self
        switch count {
        case 0: choice.facts.0 = fact
        case 1: choice.facts.1 = fact
        default: choice.facts.2 = fact
        }
        choice.count += 1
        choice.mask |= RemedyTables.bit(ofSlot: slot)
        return choice
    }

    /// The fact at `position`.
    subscript(position: Int) -> Int {
        switch position {
        case 0: facts.0
        case 1: facts.1
        default: facts.2
        }
    }

    /// Whether `fact` is one of the facts.
    func contains(_ fact: Int) -> Bool { (0 ..< count).contains { self[$0] == fact } }

    /// Whether every fact of `self` is one of `other`'s.
    func isSubset(of other: FactChoice) -> Bool { (0 ..< count).allSatisfy { other.contains(self[$0]) } }
}
