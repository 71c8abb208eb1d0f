/// A request's use-fact slots, indexed like ``Policy/useFacts``: held inline for a policy
/// of up to 12 use facts, so a request needs no heap; a larger policy keeps them in one array.
struct UseSlots: Sendable, Hashable {
    /// The use facts a request holds inline.
    static let inlineCapacity = 12

    private var inline: (Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (
        Program.unknownSlot, Program.unknownSlot, Program.unknownSlot, Program.unknownSlot,
        Program.unknownSlot, Program.unknownSlot, Program.unknownSlot, Program.unknownSlot,
        Program.unknownSlot, Program.unknownSlot, Program.unknownSlot, Program.unknownSlot
    )
    /// Every slot, when there are more than ``inlineCapacity``; `nil` otherwise (so copying
    /// the slots retains nothing).
    private var spilled: [Int64]?
    /// The number of use facts.
    let count: Int

    /// `count` slots, all unknown.
    init(count: Int) {
        self.count = count
        spilled = count > Self.inlineCapacity ? Array(repeating: Program.unknownSlot, count: count) : nil
    }

    /// The slot of use fact `index`.
    subscript(index: Int) -> Int64 {
        @inline(__always)
        get { withUnsafeBufferPointer { $0[index] } }
        @inline(__always)
        set {
            precondition(index >= 0 && index < count, "use-fact slot out of range")
            if count > Self.inlineCapacity {
                spilled![index] = newValue
            } else {
                withUnsafeMutableBytes(of: &inline) { $0.storeBytes(of: newValue, toByteOffset: index * 8, as: Int64.self) }
            }
        }
    }

    /// Calls `body` with the slots as one contiguous buffer.
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Int64>) -> R) -> R {
        if let spilled { return spilled.withUnsafeBufferPointer(body) }
        return withUnsafeBytes(of: inline) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: Int64.self), count: count))
        }
    }

    /// Whether two requests' slots are equal.
    static func == (lhs: UseSlots, rhs: UseSlots) -> Bool {
        lhs.count == rhs.count && lhs.withUnsafeBufferPointer { l in rhs.withUnsafeBufferPointer { r in l.elementsEqual(r) } }
    }

    /// Hashes the slots.
    func hash(into hasher: inout Hasher) {
        withUnsafeBufferPointer { slots in
            hasher.combine(slots.count)
            for slot in slots { hasher.combine(slot) }
        }
    }
}
