/// The decoded fields of the records read lately, keyed by their bytes: a school's list
/// repeats the same few uses, so most records are read as text once, and a repeated one
/// gets the same field strings back (shared, not copied) without being decoded again. The
/// fields a reader skips are not part of the key, so a free-text `notes` column does not
/// make every record distinct. A direct-mapped table of ``slotCount`` slots (a school's
/// few dozen uses fit many times over): memory stays flat; a record whose key is longer
/// than ``maximumKeyBytes`` is never kept.
struct DecodedRecordCache: Sendable {
    /// The slots of the table.
    static let slotCount = 1 << 10
    /// The longest key kept, in bytes.
    static let maximumKeyBytes = 1 << 10

    private struct Slot: Sendable {
        var key: [UInt8]
        var fields: [String]
        var encoding: CSVEncoding
    }

    private var slots: [Slot?] = []
    /// The key of the record being looked up, reused from record to record.
    private var key: [UInt8] = []

    /// The fields of the record whose fields are the slices of `bytes` ending at
    /// `fieldEnds`, from the table when the same bytes were decoded lately, else from
    /// `decode`, whose result is kept.
    mutating func fields(
        of bytes: UnsafeBufferPointer<UInt8>, fieldEnds: [Int], skipping: [Bool], decode: () -> (fields: [String], encoding: CSVEncoding)
    ) -> (fields: [String], encoding: CSVEncoding) {
        key.removeAll(keepingCapacity: true)
        var start = 0
        for (index, end) in fieldEnds.enumerated() {
            defer { start = end }
            // A skipped field is a 0; a kept one its length plus one (LEB128), then its bytes.
            guard !TextDecoding.isSkipped(index, in: skipping) else {
                key.append(0)
                continue
            }
            key.appendLEB128(UInt(end - start + 1))
            key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< end]))
        }
        guard key.count <= Self.maximumKeyBytes else { return decode() }
        if slots.isEmpty { slots = Array(repeating: nil, count: Self.slotCount) }
        var hasher = Hasher()
        key.withUnsafeBytes { hasher.combine(bytes: $0) }
        let slot = hasher.finalize() & (Self.slotCount - 1)
        if let kept = slots[slot], kept.key == key { return (kept.fields, kept.encoding) }
        let decoded = decode()
        slots[slot] = Slot(key: key, fields: decoded.fields, encoding: decoded.encoding)
        return decoded
    }
}
