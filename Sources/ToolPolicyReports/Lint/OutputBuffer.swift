import Foundation

/// Collects a streamed output and hands it on in 64 KiB blocks: to standard output for the
/// CLI, or into memory for an HTTP response body.
package struct OutputBuffer: ~Copyable {
    /// Where the output goes.
    package enum Destination: Sendable {
        /// Standard output, written as the buffer fills.
        case standardOutput
        /// Memory, read back with ``OutputBuffer/take()``.
        case memory
    }

    private let destination: Destination
    private var buffer: [UInt8] = []

    /// A buffer writing to `destination`.
    package init(to destination: Destination = .standardOutput) {
        self.destination = destination
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends text; a full buffer is written to standard output.
    package mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if destination == .standardOutput, buffer.count >= 1 << 16 { flush() }
    }

    /// Appends bytes already encoded (UTF-8); a full buffer is written to standard output.
    package mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if destination == .standardOutput, buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered to standard output (memory buffers keep it).
    package mutating func flush() {
        guard destination == .standardOutput else { return }
        Self.writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Everything written so far to a memory buffer, which is left empty.
    package mutating func take() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    private static func writeAll(_ buffer: [UInt8]) {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    deinit { if destination == .standardOutput { Self.writeAll(buffer) } }
}
