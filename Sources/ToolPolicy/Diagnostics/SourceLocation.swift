/// A position in a rules file: 1-based line and column, columns counted in characters
/// (so `é` is one column), plus the file's path as it was given to the loader.
public struct SourceLocation: Hashable, Codable, Sendable, Comparable {
    /// The path of the file, as given to the loader.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in characters.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A span of source text: where it starts and how many characters it covers on its first line.
public struct SourceRange: Hashable, Codable, Sendable {
    /// The first character of the span.
    public var start: SourceLocation
    /// The number of characters the span covers on its first line (at least 1 when rendered).
    public var length: Int

    /// Creates a range.
    public init(start: SourceLocation, length: Int) {
        self.start = start
        self.length = length
    }

    /// A range that covers both `self` and `other` when they start on the same line, else `self`.
    func extended(to other: SourceRange) -> SourceRange {
        guard other.start.file == start.file, other.start.line == start.line,
              other.start.column >= start.column else { return self }
        return SourceRange(start: start, length: other.start.column + other.length - start.column)
    }
}
