package import ToolPolicy

/// What a report writes for a checked row, rendered once per distinct outcome and tool
/// name: the bytes, with holes where the row's number, its line and its row-derived
/// fingerprint go. A school's list repeats a few dozen uses over thousands of rows, so a
/// row then costs a few copies and integer conversions instead of wording, escaping and
/// encoding its findings again.
package struct RowTemplate: Sendable {
    /// What fills a hole.
    enum Hole: Sendable {
        /// The row number, in decimal.
        case row
        /// The line number, in decimal.
        case line
        /// The row number as 16 lowercase hex digits.
        case rowHex
    }

    private var pieces: [[UInt8]] = []
    private var holes: [Hole] = []

    /// Whether the template writes nothing (a row the report leaves out).
    package var isEmpty: Bool { pieces.allSatisfy(\.isEmpty) && holes.isEmpty }

    /// The row number a template is rendered with: a number no list reaches, whose
    /// decimal (and hex) digits are found in the rendering and made holes.
    package static let markerRow = 9_100_000_000_000_000_001
    /// The line number a template is rendered with.
    package static let markerLine = 9_100_000_000_000_000_002

    /// The template of `rendered`, a row written with ``markerRow`` and ``markerLine``.
    package init(rendered: [UInt8]) {
        let markers: [([UInt8], Hole)] = [
            (Array(String(Self.markerRow).utf8), .row),
            (Array(String(Self.markerLine).utf8), .line),
            (Array(Self.hex16(Self.markerRow).utf8), .rowHex),
        ]
        var piece: [UInt8] = []
        var index = 0
        scan: while index < rendered.count {
            for (marker, hole) in markers where rendered[index] == marker[0] && rendered[index...].starts(with: marker) {
                pieces.append(piece)
                holes.append(hole)
                piece = []
                index += marker.count
                continue scan
            }
            piece.append(rendered[index])
            index += 1
        }
        pieces.append(piece)
    }

    /// Appends the template filled for one row, skipping its first `skip` bytes (a leading
    /// separator the first item of a document goes without).
    package func write(row: Int, line: Int, into bytes: inout [UInt8], skip: Int = 0) {
        var skip = skip
        for (index, piece) in pieces.enumerated() {
            if skip > 0, !piece.isEmpty {
                let dropped = min(skip, piece.count)
                bytes.append(contentsOf: piece[dropped...])
                skip -= dropped
            } else {
                bytes.append(contentsOf: piece)
            }
            guard index < holes.count else { break }
            switch holes[index] {
            case .row: Self.appendDecimal(row, to: &bytes)
            case .line: Self.appendDecimal(line, to: &bytes)
            case .rowHex: bytes.append(contentsOf: Self.hex16(row).utf8)
            }
        }
    }

    /// `value` as 16 lowercase hex digits.
    package static func hex16(_ value: Int) -> String {
        let digits = String(UInt64(bitPattern: Int64(value)), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Appends a number in decimal, without making a `String`.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        guard value > 0 else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }
}

/// The templates of one report, keyed by the outcome's distinct use and the tool name as
/// written; at most ``limit`` are kept, then the cache starts afresh (memory stays flat).
package struct RowTemplates: Sendable {
    private struct Key: Hashable {
        var use: Int
        var tool: String
    }
    private var templates: [Key: RowTemplate] = [:]
    /// The most templates kept.
    static let limit = 1 << 12

    /// An empty cache.
    package init() {}

    /// The template of a checked row without its own decision, or `nil` when the row
    /// must be written on its own (a malformed row, a row carrying its decision, a row
    /// without a line, an outcome made outside a run).
    package subscript(_ result: LintResult) -> RowTemplate? {
        guard let key = Self.key(result) else { return nil }
        return templates[key]
    }

    /// Remembers the template of `result`'s outcome and tool.
    package mutating func remember(_ template: RowTemplate, for result: LintResult) {
        guard Self.applies(to: result), let key = Self.key(result) else { return }
        if templates.count >= Self.limit { templates.removeAll(keepingCapacity: true) }
        templates[key] = template
    }

    /// Whether a row's writing may come from a template.
    /// Not for a tool name holding a marker's digits, which would be taken for a hole (such
    /// a row is never remembered, so it is always written on its own).
    package static func applies(to result: LintResult) -> Bool {
        guard key(result) != nil else { return false }
        return result.tool.utf8.count < 16 || !(result.tool.contains(decimalMarker) || result.tool.contains(hexMarker))
    }

    /// `result` with the marker row and line a template is rendered from.
    package static func marked(_ result: LintResult) -> LintResult {
        var marked = result
        marked.row = RowTemplate.markerRow
        marked.line = RowTemplate.markerLine
        return marked
    }

    private static let decimalMarker = String(String(RowTemplate.markerRow).prefix(16))
    private static let hexMarker = RowTemplate.hex16(RowTemplate.markerRow)

    private static func key(_ result: LintResult) -> Key? {
        guard let outcome = result.outcome, outcome.use > 0, result.decision == nil, result.line != nil, result.problems.isEmpty else { return nil }
        return Key(use: outcome.use, tool: result.tool)
    }
}
