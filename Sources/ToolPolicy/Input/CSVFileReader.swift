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
/// Records are identical to those of `CSVReader` over the same bytes.
public struct CSVFileReader: ~Copyable, Sendable {
    /// The default number of bytes read at a time: 1 MiB.
    public static let defaultChunkSize = 1 << 20

    /// The path of the file, as given.
    public let path: String
    /// The separator in use (detected or given).
    public let separator: CSVSeparator
    private let file: FileDescriptor
    private let chunkSize: Int
    private var buffer: [UInt8]
    private var position: Int
    private var reachedEndOfFile: Bool
    private var tokenizer: CSVTokenizer
    private var isFinished = false

    /// Opens `path` and reads as far as the header line. `separator` nil means detect it from
    /// the header line; `chunkSize` is how many bytes each read asks for.
    public init(
        path: String, separator: CSVSeparator? = nil, chunkSize: Int = defaultChunkSize
    ) throws(CSVError) {
        precondition(chunkSize > 0, "chunk size must be positive")
        let file = try FileDescriptor(path: path)
        var buffer: [UInt8] = []
        var reachedEndOfFile = false
        while buffer.count < 3, !reachedEndOfFile {
            reachedEndOfFile = try !file.readChunk(chunkSize, appendingTo: &buffer, line: 1)
        }
        let start = CSVReader.byteOrderMarkLength(buffer)
        var detector = SeparatorDetector()
        if separator == nil {
            var examined = start
            while true {
                while examined < buffer.count, !detector.isComplete {
                    detector.feed(buffer[examined])
                    examined += 1
                }
                if detector.isComplete || reachedEndOfFile { break }
                reachedEndOfFile = try !file.readChunk(chunkSize, appendingTo: &buffer, line: 1)
            }
        }
        let chosen = separator ?? detector.separator
        self.path = path
        self.separator = chosen
        self.file = file
        self.chunkSize = chunkSize
        self.buffer = buffer
        self.position = start
        self.reachedEndOfFile = reachedEndOfFile
        self.tokenizer = CSVTokenizer(separator: chosen)
    }

    /// Returns the next record, or nil at the end of the file. After an error, returns nil.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        guard !isFinished else { return nil }
        while !consumeBuffered() {
            guard !reachedEndOfFile else {
                isFinished = true
                return try tokenizer.finish() ? tokenizer.takeRecord() : nil
            }
            buffer.removeAll(keepingCapacity: true)
            position = 0
            do throws(CSVError) {
                reachedEndOfFile = try !file.readChunk(chunkSize, appendingTo: &buffer, line: tokenizer.line)
            } catch {
                isFinished = true
                throw error
            }
        }
        return tokenizer.takeRecord()
    }

    /// Feeds the rest of the buffer to the tokenizer; true when a record is complete.
    private mutating func consumeBuffered() -> Bool {
        let buffer = self.buffer
        return buffer.withUnsafeBufferPointer { tokenizer.consume($0, at: &position) }
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
        CSVError(
            kind: .unreadableFile(path), line: line,
            message: "cannot read '\(path)': \(String(cString: strerror(code)))"
        )
    }
}
