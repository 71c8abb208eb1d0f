#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads CSV records from a file in fixed-size chunks, so memory stays flat however long the
/// file is. It owns the open file (closed when the reader goes away), hence it cannot be copied:
///
///     var reader = try CSVFileReader(path: "tools.csv")
///     while let record = try reader.next() { ... }
///
/// Records are identical to those of `CSVReader` over the same bytes: the same encodings
/// are recognised (UTF-16 is transcoded chunk by chunk) and the same ``CSVLimits`` apply,
/// so `/dev/zero` or a 1 GB line stops with an error after at most one record cap.
package struct CSVFileReader: ~Copyable, Sendable {
    /// The default number of bytes read at a time: 1 MiB.
    package static let defaultChunkSize = 1 << 20

    /// The path of the file, as given.
    package let path: String
    /// The separator in use (detected or given).
    package let separator: CSVSeparator
    /// The encoding of the file, as recognised from its start.
    package let sourceEncoding: SourceEncoding
    private let file: FileDescriptor
    private let chunkSize: Int
    private var buffer: [UInt8]
    private var position: Int
    private var reachedEndOfFile: Bool
    private var tokenizer: CSVTokenizer
    /// Set for UTF-16 files: each chunk read is transcoded to UTF-8 before tokenizing.
    private var transcoder: UTF16Transcoder?
    private var isFinished = false
    private var pendingError: CSVError?

    /// Opens `path` and reads as far as the header line. `separator` nil means detect it from
    /// the header line; `chunkSize` is how many bytes each read asks for.
    package init(
        path: String, separator: CSVSeparator? = nil, chunkSize: Int = defaultChunkSize, limits: CSVLimits = .standard
    ) throws(CSVError) {
        precondition(chunkSize > 0, "chunk size must be positive")
        let file = try FileDescriptor(path: path)
        var raw: [UInt8] = []
        var reachedEndOfFile = false
        while raw.count < SourceEncoding.sniffLength, !reachedEndOfFile {
            reachedEndOfFile = try !file.readChunk(chunkSize, appendingTo: &raw, line: 1)
        }
        let encoding = SourceEncoding.recognise(raw)
        var transcoder = if case .utf16 = encoding { Optional(UTF16Transcoder(encoding: encoding)) } else { UTF16Transcoder?.none }
        var buffer: [UInt8] = []
        var start = encoding.byteOrderMarkLength
        if transcoder != nil {
            Self.decode(raw[min(start, raw.count)...], with: &transcoder, into: &buffer, atEnd: reachedEndOfFile)
            start = 0
        } else {
            buffer = raw
        }
        var detector = SeparatorDetector()
        if separator == nil, encoding.refusal == nil {
            var examined = start
            while true {
                while examined < buffer.count, !detector.isComplete {
                    detector.feed(buffer[examined])
                    examined += 1
                }
                if detector.isComplete || reachedEndOfFile { break }
                var chunk: [UInt8] = []
                reachedEndOfFile = try !file.readChunk(chunkSize, appendingTo: &chunk, line: 1)
                Self.decode(chunk[...], with: &transcoder, into: &buffer, atEnd: reachedEndOfFile)
            }
        }
        let chosen = separator ?? detector.separator
        self.path = path
        self.separator = chosen
        self.sourceEncoding = encoding
        self.file = file
        self.chunkSize = chunkSize
        self.buffer = buffer
        self.position = min(start, buffer.count)
        self.reachedEndOfFile = reachedEndOfFile
        self.tokenizer = CSVTokenizer(separator: chosen, limits: limits)
        self.transcoder = transcoder
        self.pendingError = encoding.refusal
    }

    /// Hands over the fields marked in `mask` (by index) empty from the next record on,
    /// without decoding them: the columns a reader ignores.
    package mutating func skipText(of mask: [Bool]) {
        tokenizer.skippedFields = mask
    }

    /// Returns the next record, or nil at the end of the file. After an error, returns nil.
    package mutating func next() throws(CSVError) -> CSVRecord? {
        if let pendingError {
            self.pendingError = nil
            isFinished = true
            throw pendingError
        }
        guard !isFinished else { return nil }
        do throws(CSVError) {
            while try !consumeBuffered() {
                guard !reachedEndOfFile else {
                    isFinished = true
                    return try tokenizer.finish() ? tokenizer.takeRecord() : nil
                }
                buffer.removeAll(keepingCapacity: true)
                position = 0
                if transcoder == nil {
                    reachedEndOfFile = try !file.readChunk(chunkSize, appendingTo: &buffer, line: tokenizer.line)
                } else {
                    var chunk: [UInt8] = []
                    reachedEndOfFile = try !file.readChunk(chunkSize, appendingTo: &chunk, line: tokenizer.line)
                    Self.decode(chunk[...], with: &transcoder, into: &buffer, atEnd: reachedEndOfFile)
                }
            }
        } catch {
            isFinished = true
            throw error
        }
        return tokenizer.takeRecord()
    }

    /// Feeds the rest of the buffer to the tokenizer; true when a record is complete.
    private mutating func consumeBuffered() throws(CSVError) -> Bool {
        let buffer = self.buffer
        return try buffer.withUnsafeBufferPointer { bytes throws(CSVError) in try tokenizer.consume(bytes, at: &position) }
    }

    /// Appends `bytes` to `buffer`, transcoded when the file is UTF-16.
    private static func decode(
        _ bytes: ArraySlice<UInt8>, with transcoder: inout UTF16Transcoder?, into buffer: inout [UInt8], atEnd: Bool
    ) {
        guard transcoder != nil else {
            buffer.append(contentsOf: bytes)
            return
        }
        transcoder?.transcode(bytes, into: &buffer)
        if atEnd { transcoder?.finish(into: &buffer) }
    }
}

/// An open file descriptor, closed when the value is destroyed.
private struct FileDescriptor: ~Copyable, Sendable {
    private let path: String
    private let raw: Int32

    /// Opens `path` for reading.
    init(path: String) throws(CSVError) {
        let raw = open(path, O_RDONLY | O_CLOEXEC)
        guard raw >= 0 else { throw Self.failure(path: path, code: errno, line: 1) }
        self.path = path
        self.raw = raw
    }

    deinit {
        close(raw)
    }

    /// Reads up to `count` bytes onto the end of `buffer`; false at the end of the file.
    /// `line` is reported if the read fails.
    func readChunk(_ count: Int, appendingTo buffer: inout [UInt8], line: Int) throws(CSVError) -> Bool {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var received: Int
        repeat {
            received = buffer.withUnsafeMutableBytes { bytes in
                read(raw, bytes.baseAddress.unsafelyUnwrapped + start, count)
            }
        } while received < 0 && errno == EINTR
        guard received >= 0 else {
            let code = errno
            buffer.removeLast(count)
            throw Self.failure(path: path, code: code, line: line)
        }
        buffer.removeLast(count - received)
        return received > 0
    }

    private static func failure(path: String, code: Int32, line: Int) -> CSVError {
        let reason = Self.reason(code)
        return CSVError(
            kind: .unreadableFile(path), line: line,
            text: LocalizedText(fr: "impossible de lire « \(path) » : \(reason.fr)", en: "cannot read '\(path)': \(reason.text(in: .en))")
        )
    }

    /// Why a file cannot be read, from `errno`: the system's words in English, and in
    /// French for the usual causes (the system's words otherwise).
    private static func reason(_ code: Int32) -> LocalizedText {
        let system = String(cString: strerror(code))
        let french: String? = switch code {
        case ENOENT: "le fichier n'existe pas"
        case EACCES, EPERM: "accès refusé"
        case EISDIR: "c'est un dossier"
        default: nil
        }
        return LocalizedText(fr: french ?? system, en: system)
    }
}
