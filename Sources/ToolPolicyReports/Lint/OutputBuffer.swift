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
    /// Set while a row is rendered into a template (``beginCapture()``): nothing is flushed.
    private var capturing = false

    /// A buffer writing to `destination`.
    package init(to destination: Destination = .standardOutput) {
        self.destination = destination
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends text; a full buffer is written to standard output.
    package mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if destination == .standardOutput, !capturing, buffer.count >= 1 << 16 { flush() }
    }

    /// Appends bytes already encoded (UTF-8); a full buffer is written to standard output.
    package mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if destination == .standardOutput, !capturing, buffer.count >= 1 << 16 { flush() }
    }

    /// Appends a row's template filled with its row and line, skipping the template's
    /// first `skip` bytes; a full buffer is written to standard output.
    package mutating func write(_ template: RowTemplate, row: Int, line: Int, skip: Int = 0) {
        template.write(row: row, line: line, into: &buffer, skip: skip)
        if destination == .standardOutput, buffer.count >= 1 << 16 { flush() }
    }

    /// Appends numbers in decimal, `separator` between them, `unknown` for a 0 (a line the
    /// format does not give): a group's rows and lines, written without a `String` each.
    package mutating func write(numbers: some Sequence<Int>, separator: String, unknown: String = "null") {
        let separator = Array(separator.utf8), unknown = Array(unknown.utf8)
        var first = true
        for number in numbers {
            if !first { buffer.append(contentsOf: separator) }
            first = false
            if number > 0 { RowTemplate.appendDecimal(number, to: &buffer) } else { buffer.append(contentsOf: unknown) }
            if destination == .standardOutput, !capturing, buffer.count >= 1 << 16 { flush() }
        }
    }

    /// Starts capturing: what is written until ``endCapture(from:)`` is taken back out of
    /// the buffer instead of written (a reporter renders a row's template with its own
    /// writing code). Returns the mark to end at.
    package mutating func beginCapture() -> Int {
        capturing = true
        return buffer.count
    }

    /// The bytes written since `mark`, removed from the buffer.
    package mutating func endCapture(from mark: Int) -> [UInt8] {
        capturing = false
        let captured = Array(buffer[mark...])
        buffer.removeSubrange(mark...)
        return captured
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
