package import ToolPolicy

/// How text meets a terminal: the verdict coloured when stdout is a terminal and
/// `NO_COLOR` is unset, long lines wrapped to the terminal's width. Piped output is plain.
package struct TerminalStyle: Sendable {
    /// Whether ANSI colours are written.
    package var colour: Bool
    /// The width lines wrap at; `nil` leaves lines whole.
    package var width: Int?

    /// A style.
    package init(colour: Bool, width: Int?) {
        self.colour = colour
        self.width = width
    }

    /// No colour, no wrapping: files, pipes, tests.
    package static let plain = TerminalStyle(colour: false, width: nil)

    /// The verdict's words, in bold and the verdict's colour.
    package func verdict(_ text: String, _ verdict: Verdict) -> String {
        guard colour else { return text }
        let code = switch verdict {
        case .allowed: "32"
        case .conditional: "33"
        case .denied: "31"
        case .review: "34"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }

    /// Text the eye may skip (the details line), dimmed.
    package func dim(_ text: String) -> String {
        colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }

    /// `text` after `indent`, wrapped at word boundaries to the width, continuation lines
    /// after `hanging`; ends with a newline.
    package func wrap(_ text: String, indent: String, hanging: String? = nil) -> String {
        let next = hanging ?? indent
        guard let width, indent.count + text.count > width else { return indent + text + "\n" }
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = next
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
