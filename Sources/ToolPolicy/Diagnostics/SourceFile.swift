/// The text of one rules file, with the lines kept so diagnostics can quote them.
public struct SourceFile: Sendable, Hashable {
    /// The path of the file, as given to the loader (relative paths stay relative).
    public let path: String
    /// The full text.
    public let text: String
    /// The text split into lines, without their line endings.
    public let lines: [Substring]

    /// Creates a source file from its path and text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// The text of a 1-based line, or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        lines.indices.contains(number - 1) ? lines[number - 1] : ""
    }
}
