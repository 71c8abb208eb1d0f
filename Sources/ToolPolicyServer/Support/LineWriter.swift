#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `line` and a newline to `descriptor`, retrying partial writes. A line of up to
/// `PIPE_BUF` bytes, or any line on an `O_APPEND` file, goes out in one `write(2)`, so lines
/// written at the same time by several requests never interleave. A failed write drops the
/// rest of the line: the server's own logs must never stop a request.
func writeLine(_ line: [UInt8], to descriptor: Int32) {
    var line = line
    line.append(0x0A)
    line.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { break }
            offset += written
        }
    }
}

/// The system calls a whole-line append makes, replaceable so that tests can inject a
/// short or failed write.
package struct FileCalls: Sendable {
    /// `write(2)`: bytes written, or -1 with `errno` set.
    package var write: @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    /// `ftruncate(2)`: 0, or -1 with `errno` set.
    package var truncate: @Sendable (_ descriptor: Int32, _ length: Int64) -> Int32
    /// The size of the file (`fstat(2)`), or -1.
    package var size: @Sendable (_ descriptor: Int32) -> Int64

    /// The calls themselves.
    package static let system = FileCalls(
        write: { descriptor, bytes in Glibc.write(descriptor, bytes.baseAddress, bytes.count) },
        truncate: { descriptor, length in ftruncate(descriptor, off_t(length)) },
        size: { descriptor in
            var status = stat()
            return fstat(descriptor, &status) == 0 ? Int64(status.st_size) : -1
        }
    )

    /// Calls with the given functions.
    package init(
        write: @escaping @Sendable (Int32, UnsafeRawBufferPointer) -> Int,
        truncate: @escaping @Sendable (Int32, Int64) -> Int32,
        size: @escaping @Sendable (Int32) -> Int64
    ) {
        self.write = write
        self.truncate = truncate
        self.size = size
    }
}

/// What became of a line appended with ``appendWholeLine(_:to:calls:)``.
enum AppendOutcome: Equatable {
    /// The whole line is in the file.
    case written
    /// Nothing of the line is in the file: a short or failed write was cut back off.
    case failed(reason: String)
    /// A fragment may be left at the end of the file, because cutting it off failed too;
    /// the next line must start with a newline.
    case failedWithFragment(reason: String)
}

/// Appends `line` and a newline to an `O_APPEND` file as a whole or not at all: when a
/// write fails or falls short (a full disk), the file is truncated back to its size before
/// the write. The caller holds the file's lock, so no other line is written in between.
func appendWholeLine(_ line: [UInt8], to descriptor: Int32, calls: FileCalls) -> AppendOutcome {
    let before = calls.size(descriptor)
    var line = line
    line.append(0x0A)
    let failure: String? = line.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = calls.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return written == 0 ? "write(2) wrote nothing" : String(cString: strerror(errno)) }
            offset += written
        }
        return nil
    }
    guard let failure else { return .written }
    guard before >= 0, calls.truncate(descriptor, before) == 0 else { return .failedWithFragment(reason: failure) }
    return .failed(reason: failure)
}
