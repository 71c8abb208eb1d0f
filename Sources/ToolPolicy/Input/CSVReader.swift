/// One CSV record: its fields, decoded and unescaped.
package struct CSVRecord: Sendable, Equatable {
    /// The field values. Quoted fields are kept verbatim (minus the quoting); unquoted fields
    /// have their surrounding ASCII spaces trimmed.
    package var fields: [String]
    /// The 1-based physical line where the record starts (a quoted field may span several lines).
    package var line: Int
    /// The encoding the record's bytes were decoded with.
    package var encoding: CSVEncoding
    /// The 0-based indexes of the fields longer than ``CSVLimits/maximumCellBytes``: their
    /// text is not kept (the field reads as empty), and the row is malformed.
    package var oversizedFields: [Int]

    /// Creates a record.
    package init(fields: [String], line: Int, encoding: CSVEncoding = .utf8, oversizedFields: [Int] = []) {
        self.fields = fields
        self.line = line
        self.encoding = encoding
        self.oversizedFields = oversizedFields
    }
}

/// The size caps of CSV reading, so that no input (`/dev/zero`, a 1 GB line) makes memory
/// grow past them.
package struct CSVLimits: Sendable, Hashable {
    /// The default caps: 64 KiB per cell, 1 MiB per record.
    package static let standard = CSVLimits(maximumCellBytes: 1 << 16, maximumRecordBytes: 1 << 20)

    /// The longest cell kept, in bytes as read (after the quoting is removed). A longer
    /// cell makes its row malformed; reading goes on.
    package var maximumCellBytes: Int
    /// The longest record, in bytes as read, line breaks inside quotes included. A longer
    /// record stops reading: where it ends cannot be trusted.
    package var maximumRecordBytes: Int

    /// Caps of the given sizes (both positive).
    package init(maximumCellBytes: Int, maximumRecordBytes: Int) {
        precondition(maximumCellBytes > 0 && maximumRecordBytes > 0, "limits must be positive")
        self.maximumCellBytes = maximumCellBytes
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// `64 KiB`, `1 MiB`, or a number of bytes (`octets` in French).
    static func describe(_ bytes: Int, in language: Language = .en) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return language == .fr ? "\(bytes) octets" : "\(bytes) bytes"
    }
}

/// A field separator recognised in CSV files.
package enum CSVSeparator: UInt8, Sendable {
    /// `;`, written by Excel in locales whose decimal separator is a comma (French, among others).
    case semicolon = 0x3B
    /// `,`, the RFC 4180 separator.
    case comma = 0x2C
    /// A horizontal tab.
    case tab = 0x09
}

/// A failure while reading CSV input.
package struct CSVError: Error, Sendable, Equatable {
    /// What went wrong.
    package enum Kind: Sendable, Equatable {
        /// A quoted field is still open at the end of the input.
        case unterminatedQuote
        /// The file at this path could not be opened or read.
        case unreadableFile(String)
        /// A record is longer than ``CSVLimits/maximumRecordBytes`` (the limit).
        case recordTooLong(limit: Int)
        /// The header names the same column twice (compared as the linter compares them:
        /// ignoring case, accents, `-` and `_`).
        case duplicateColumn(first: String, second: String)
        /// A header cell is longer than ``CSVLimits/maximumCellBytes`` (the limit).
        case headerCellTooLong(limit: Int)
        /// The bytes are in an encoding that is recognised but not read (UTF-32).
        case unsupportedEncoding(String)
    }

    /// What went wrong.
    package var kind: Kind
    /// The 1-based line concerned: where the faulty record starts, or where reading stopped.
    package var line: Int
    /// What went wrong, in French and English, where it went wrong.
    package var text: LocalizedText
    /// What went wrong, in English.
    package var message: String { text.text(in: .en) }

    /// Creates an error.
    package init(kind: Kind, line: Int, text: LocalizedText) {
        self.kind = kind
        self.line = line
        self.text = text
    }
}

/// Reads CSV records from bytes held in memory. Call `next()` until it returns nil:
///
///     var reader = CSVReader(data: bytes)
///     while let record = try reader.next() { ... }
///
/// A UTF-8 byte order mark is skipped, UTF-16 (with a byte order mark, or recognised by its
/// NUL bytes) is transcoded to UTF-8 first, the separator is detected from the header line
/// unless given, and each record is decoded as UTF-8 or, failing that, as Windows-1252.
/// Cells and records are capped by ``CSVLimits``.
package struct CSVReader: Sendable {
    /// The separator in use (detected or given).
    package let separator: CSVSeparator
    /// The encoding of the bytes, as recognised from their start.
    package let sourceEncoding: SourceEncoding
    private let bytes: [UInt8]
    private var position: Int
    private var tokenizer: CSVTokenizer
    private var isFinished = false
    private var pendingError: CSVError?

    /// Creates a reader over a whole buffer; `separator` nil means detect it from the header line.
    package init(data: [UInt8], separator: CSVSeparator? = nil, limits: CSVLimits = .standard) {
        let encoding = SourceEncoding.recognise(data)
        var bytes = data
        var start = encoding.byteOrderMarkLength
        if case .utf16 = encoding {
            var transcoder = UTF16Transcoder(encoding: encoding)
            bytes = []
            transcoder.transcode(data[start...], into: &bytes)
            transcoder.finish(into: &bytes)
            start = 0
        }
        let separator = separator ?? Self.detectSeparator(headerBytes: bytes[start...])
        self.bytes = bytes
        self.position = start
        self.separator = separator
        self.sourceEncoding = encoding
        self.tokenizer = CSVTokenizer(separator: separator, limits: limits)
        self.pendingError = encoding.refusal
    }

    /// Hands over the fields marked in `mask` (by index) empty from the next record on,
    /// without decoding them: the columns a reader ignores.
    package mutating func skipText(of mask: [Bool]) {
        tokenizer.skippedFields = mask
    }

    /// Returns the next record, or nil at the end of the input. After an error, returns nil.
    package mutating func next() throws(CSVError) -> CSVRecord? {
        if let pendingError {
            self.pendingError = nil
            isFinished = true
            throw pendingError
        }
        guard !isFinished else { return nil }
        let bytes = self.bytes
        do throws(CSVError) {
            let complete = try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in try tokenizer.consume(buffer, at: &position) }
            if complete { return tokenizer.takeRecord() }
            isFinished = true
            return try tokenizer.finish() ? tokenizer.takeRecord() : nil
        } catch {
            isFinished = true
            throw error
        }
    }

    /// Detects the separator of a header line: the most frequent of `;`, `,` and tab outside
    /// double quotes on the first non-empty line; ties go to `;` (French Excel), then `,`.
    package static func detectSeparator(headerBytes: some Sequence<UInt8>) -> CSVSeparator {
        var detector = SeparatorDetector()
        for byte in headerBytes {
            detector.feed(byte)
            if detector.isComplete { break }
        }
        return detector.separator
    }
}
