/// One CSV record: its fields, decoded and unescaped.
public struct CSVRecord: Sendable, Equatable {
    /// The field values. Quoted fields are kept verbatim (minus the quoting); unquoted fields
    /// have their surrounding ASCII spaces trimmed.
    public var fields: [String]
    /// The 1-based physical line where the record starts (a quoted field may span several lines).
    public var line: Int
    /// The encoding the record's bytes were decoded with.
    public var encoding: CSVEncoding

    /// Creates a record.
    public init(fields: [String], line: Int, encoding: CSVEncoding = .utf8) {
        self.fields = fields
        self.line = line
        self.encoding = encoding
    }
}

/// A field separator recognised in CSV files.
public enum CSVSeparator: UInt8, Sendable {
    /// `;`, written by Excel in locales whose decimal separator is a comma (French, among others).
    case semicolon = 0x3B
    /// `,`, the RFC 4180 separator.
    case comma = 0x2C
    /// A horizontal tab.
    case tab = 0x09
}

/// A failure while reading CSV input.
public struct CSVError: Error, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A quoted field is still open at the end of the input.
        case unterminatedQuote
        /// The file at this path could not be opened or read.
        case unreadableFile(String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The 1-based line concerned: where the faulty record starts, or where reading stopped.
    public var line: Int
    /// A human-readable explanation.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, line: Int, message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }
}

/// Reads CSV records from bytes held in memory. Call `next()` until it returns nil:
///
///     var reader = CSVReader(data: bytes)
///     while let record = try reader.next() { ... }
///
/// A UTF-8 byte order mark is skipped, the separator is detected from the header line unless
/// given, and each record is decoded as UTF-8 or, failing that, as Windows-1252.
public struct CSVReader: Sendable {
    /// The separator in use (detected or given).
    public let separator: CSVSeparator
    private let bytes: [UInt8]
    private var position: Int
    private var tokenizer: CSVTokenizer
    private var isFinished = false

    /// Creates a reader over a whole buffer; `separator` nil means detect it from the header line.
    public init(data: [UInt8], separator: CSVSeparator? = nil) {
        let start = Self.byteOrderMarkLength(data)
        let separator = separator ?? Self.detectSeparator(headerBytes: data[start...])
        self.bytes = data
        self.position = start
        self.separator = separator
        self.tokenizer = CSVTokenizer(separator: separator)
    }

    /// Returns the next record, or nil at the end of the input. After an error, returns nil.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        guard !isFinished else { return nil }
        let bytes = self.bytes
        let complete = bytes.withUnsafeBufferPointer { tokenizer.consume($0, at: &position) }
        if complete { return tokenizer.takeRecord() }
        isFinished = true
        return try tokenizer.finish() ? tokenizer.takeRecord() : nil
    }

    /// Detects the separator of a header line: the most frequent of `;`, `,` and tab outside
    /// double quotes on the first non-empty line; ties go to `;` (French Excel), then `,`.
    public static func detectSeparator(headerBytes: some Sequence<UInt8>) -> CSVSeparator {
        var detector = SeparatorDetector()
        for byte in headerBytes {
            detector.feed(byte)
            if detector.isComplete { break }
        }
        return detector.separator
    }

    /// 3 when `bytes` starts with the UTF-8 byte order mark, else 0.
    static func byteOrderMarkLength(_ bytes: some Collection<UInt8>) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}
