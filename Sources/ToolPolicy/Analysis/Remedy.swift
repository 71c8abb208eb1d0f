/// A computed way to compliance: the smallest changes to a use that give it a better
/// verdict, re-evaluated. Unlike a rule's authored `remedy` text, it is structured, so
/// each presentation words it its own way.
public struct Remedy: Sendable, Hashable, Codable {
    /// Who can make a change: the requester (the way the tool is used) or the school (an
    /// act of the head of school, such as signing a data-processing contract).
    public enum Actor: String, Sendable, Hashable, Codable, CaseIterable {
        /// The person who asks: they change how they use the tool.
        case requester
        /// The school (its head): the change is an act the requester cannot make.
        case school
    }

    /// One fact changed.
    public struct Change: Sendable, Hashable, Codable {
        /// The use fact, without `use.`.
        public var fact: String
        /// The value in the request; `nil` when it was unknown.
        public var from: FactValue?
        /// The value that, with the other changes, gives ``Remedy/verdict``.
        public var to: FactValue
        /// Who can make this change.
        public var by: Actor
    }

    /// The changes, in the order the facts are declared.
    public var changes: [Change]
    /// `school` when any change is the school's act, else `requester`.
    public var by: Actor
    /// The verdict of the request with the changes applied (`allowed`, or `conditional`
    /// for a denial whose remedy still leaves a question open).
    public var verdict: Verdict
}
