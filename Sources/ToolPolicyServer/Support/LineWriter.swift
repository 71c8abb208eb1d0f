#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `line` and a newline to `descriptor`, retrying partial writes. A line of up to
/// `PIPE_BUF` bytes, or any line on an `O_APPEND` file, goes out in one `write(2)`, so lines
/// written at the same time by several requests never interleave. A failed write drops the
/// rest of the line: logs must never stop a request.
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
