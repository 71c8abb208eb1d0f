private let quote: UInt8 = 0x22
private let space: UInt8 = 0x20
private let carriageReturn: UInt8 = 0x0D
private let lineFeed: UInt8 = 0x0A

/// The RFC 4180 state machine shared by the CSV readers. It is fed bytes a buffer at a time
/// and keeps its state between buffers, so a record may be split anywhere across chunks.
/// Field contents (unescaped, trimmed) accumulate in `scratch` until the record ends.
/// A field past the cell cap stops accumulating (its row is marked); a record past the
/// record cap stops the tokenizer with an error, so memory stays bounded.
struct CSVTokenizer: Sendable {
    private enum State: Sendable {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted, afterQuoted
    }

    private let separator: UInt8
    private let limits: CSVLimits
    /// The 1-based physical line of the next byte.
    private(set) var line = 1
    private var state = State.recordStart
    /// The last byte was a CR, so an LF right after it belongs to the same line break.
    private var afterCR = false
    private var recordLine = 1
    private var scratch: [UInt8] = []
    private var fieldEnds: [Int] = []
    /// Trailing-space trimming of the current field stops here (its start, or its closing quote).
    private var protectedEnd = 0
    /// The OR of every byte in `scratch`: below 0x80 means the record is ASCII.
    private var highBits: UInt8 = 0
    /// Where the current field starts in `scratch`.
    private var fieldStart = 0
    /// The current field is past the cell cap: its bytes are no longer kept.
    private var fieldOverflows = false
    /// The fields of the current record that went past the cell cap.
    private var oversizedFields: [Int] = []
    /// Bytes consumed by earlier calls of `consume`, and the offset where the current record
    /// started, both counted from the start of the input.
    private var consumedBefore = 0
    private var recordStart = 0
    /// The fields whose text nobody reads (true at their index): they are handed over
    /// empty, without being decoded (see ``CSVRecordSource/skipText(of:)``).
    var skippedFields: [Bool] = []
    /// The fields of the records decoded lately, by their bytes.
    private var decoded = DecodedRecordCache()

    init(separator: CSVSeparator, limits: CSVLimits = .standard) {
        self.separator = separator.rawValue
        self.limits = limits
    }

    /// Consumes bytes of `buffer` from `position` until a record is complete (returns true)
    /// or the buffer is exhausted (returns false; feed the next buffer or call `finish`).
    ///
    /// - Throws: ``CSVError`` when the current record grows past the record cap.
    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, at position: inout Int) throws(CSVError) -> Bool {
        let entry = position
        defer { consumedBefore += position - entry }
        while position < buffer.count {
            let byte = buffer[position]
            if state != .recordStart, consumedBefore + position - entry - recordStart > limits.maximumRecordBytes {
                state = .recordStart
                throw CSVError(
                    kind: .recordTooLong(limit: limits.maximumRecordBytes), line: recordLine,
                    text: LocalizedText(
                        fr: "la ligne qui commence à la ligne \(recordLine) du fichier dépasse \(CSVLimits.describe(limits.maximumRecordBytes, in: .fr))",
                        en: "the row starting on line \(recordLine) is longer than \(CSVLimits.describe(limits.maximumRecordBytes))"
                    )
                )
            }
            switch state {
            case .recordStart:
                if byte == carriageReturn || byte == lineFeed {
                    countLineBreak(byte)
                    position += 1
                } else {
                    afterCR = false
                    recordLine = line
                    recordStart = consumedBefore + position - entry
                    state = .fieldStart
                }
            case .fieldStart:
                if byte == space {
                    position += 1
                } else if byte == quote {
                    position += 1
                    state = .quoted
                } else if byte == separator {
                    position += 1
                    endField()
                } else if byte == carriageReturn || byte == lineFeed {
                    position += 1
                    return endRecord(lineBreak: byte)
                } else {
                    state = .unquoted
                }
            case .unquoted:
                let end = appendRun(buffer, from: position, stoppingAtQuote: false)
                position = end
                guard end < buffer.count else { return false }
                position += 1
                if buffer[end] == separator {
                    endField()
                    state = .fieldStart
                } else {
                    return endRecord(lineBreak: buffer[end])
                }
            case .quoted:
                let end = appendRun(buffer, from: position, stoppingAtQuote: true)
                if end > position { afterCR = false }
                position = end
                guard end < buffer.count else { return false }
                position += 1
                let stop = buffer[end]
                if stop == quote {
                    afterCR = false
                    state = .quoteInQuoted
                } else {
                    appendByte(stop)
                    countLineBreak(stop)
                }
            case .quoteInQuoted:
                if byte == quote {
                    appendByte(quote)
                    position += 1
                    state = .quoted
                } else {
                    protectedEnd = scratch.count
                    state = .afterQuoted
                }
            case .afterQuoted:
                position += 1
                if byte == separator {
                    endField()
                    state = .fieldStart
                } else if byte == carriageReturn || byte == lineFeed {
                    return endRecord(lineBreak: byte)
                } else {
                    appendByte(byte)
                }
            }
        }
        return false
    }

    /// Ends the input: returns true when a last record without a line break is complete, false
    /// when there is nothing left, and throws when a quoted field is still open.
    mutating func finish() throws(CSVError) -> Bool {
        switch state {
        case .recordStart:
            return false
        case .quoted:
            state = .recordStart
            throw CSVError(
                kind: .unterminatedQuote, line: recordLine,
                text: LocalizedText(fr: "la cellule entre guillemets commencée à la ligne \(recordLine) n'est jamais fermée",
                                    en: "quoted field starting on line \(recordLine) is never closed")
            )
        case .quoteInQuoted:
            protectedEnd = scratch.count
        case .fieldStart, .unquoted, .afterQuoted:
            break
        }
        endField()
        state = .recordStart
        return true
    }

    /// Builds the completed record and clears the accumulated fields.
    mutating func takeRecord() -> CSVRecord {
        let (ends, skipped, isASCII, whole) = (fieldEnds, skippedFields, highBits < 0x80, oversizedFields.isEmpty)
        let (fields, encoding) = scratch.withUnsafeBufferPointer { bytes in
            let decode = { TextDecoding.decodeFields(bytes, fieldEnds: ends, isASCII: isASCII, skipping: skipped) }
            // A record with a field past the cell cap is rare and decoded on its own.
            guard whole else { return decode() }
            return decoded.fields(of: bytes, fieldEnds: ends, skipping: skipped, decode: decode)
        }
        let record = CSVRecord(fields: fields, line: recordLine, encoding: encoding, oversizedFields: oversizedFields)
        scratch.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        oversizedFields.removeAll(keepingCapacity: true)
        protectedEnd = 0
        fieldStart = 0
        highBits = 0
        return record
    }

    /// Appends bytes up to the next separator or line break (or quote, in a quoted field)
    /// and returns the index of that stop byte, or `buffer.count`.
    private mutating func appendRun(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, stoppingAtQuote: Bool
    ) -> Int {
        var end = start
        var bits: UInt8 = 0
        let stop = stoppingAtQuote ? quote : separator
        while end < buffer.count {
            let byte = buffer[end]
            if byte == stop || byte == carriageReturn || byte == lineFeed { break }
            bits |= byte
            end += 1
        }
        if end > start, keeps(end - start) {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start ..< end]))
            highBits |= bits
        }
        return end
    }

    /// Appends one byte to the current field, unless the field is past the cell cap.
    private mutating func appendByte(_ byte: UInt8) {
        guard keeps(1) else { return }
        scratch.append(byte)
        highBits |= byte
    }

    /// Whether `count` more bytes fit in the current field; when they do not, the field's
    /// bytes are dropped and it is marked as oversized.
    private mutating func keeps(_ count: Int) -> Bool {
        if fieldOverflows { return false }
        guard scratch.count - fieldStart + count > limits.maximumCellBytes else { return true }
        fieldOverflows = true
        scratch.removeLast(scratch.count - fieldStart)
        protectedEnd = min(protectedEnd, scratch.count)
        return false
    }

    private mutating func endField() {
        while scratch.count > protectedEnd, scratch.last == space {
            scratch.removeLast()
        }
        if fieldOverflows {
            oversizedFields.append(fieldEnds.count)
            fieldOverflows = false
        }
        fieldEnds.append(scratch.count)
        protectedEnd = scratch.count
        fieldStart = scratch.count
    }

    private mutating func endRecord(lineBreak: UInt8) -> Bool {
        endField()
        countLineBreak(lineBreak)
        state = .recordStart
        return true
    }

    /// Advances the line count for a CR or LF, counting CR LF once.
    private mutating func countLineBreak(_ byte: UInt8) {
        if byte == carriageReturn {
            line += 1
            afterCR = true
        } else if afterCR {
            afterCR = false
        } else {
            line += 1
        }
    }
}

/// Counts candidate separators outside quotes on the header (the first non-empty line,
/// at most its first `limit` bytes) and picks the most frequent one.
struct SeparatorDetector: Sendable {
    /// How many bytes of the header line are examined at most.
    static let limit = 65_536

    private var semicolons = 0
    private var commas = 0
    private var tabs = 0
    private var inQuotes = false
    private var examined = 0
    /// Whether the header line has been seen in full (or up to the limit).
    private(set) var isComplete = false

    /// The most frequent separator; ties go to `;`, then `,`, then tab.
    var separator: CSVSeparator {
        if semicolons >= commas, semicolons >= tabs { return .semicolon }
        return commas >= tabs ? .comma : .tab
    }

    /// Examines the next byte of the input.
    mutating func feed(_ byte: UInt8) {
        guard !isComplete else { return }
        if byte == carriageReturn || byte == lineFeed {
            if examined > 0, !inQuotes { isComplete = true }
            return
        }
        examined += 1
        if byte == quote {
            inQuotes.toggle()
        } else if !inQuotes {
            switch byte {
            case CSVSeparator.semicolon.rawValue: semicolons += 1
            case CSVSeparator.comma.rawValue: commas += 1
            case CSVSeparator.tab.rawValue: tabs += 1
            default: break
            }
        }
        if examined >= Self.limit { isComplete = true }
    }
}
