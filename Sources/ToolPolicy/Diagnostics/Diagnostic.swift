/// How serious a diagnostic is.
public enum DiagnosticSeverity: String, Codable, Sendable, Hashable {
    /// The policy cannot be used.
    case error
    /// The policy can be used, but something is probably wrong.
    case warning
    /// Extra information attached to another diagnostic.
    case note
}

/// A message about a rules file or an input file: what went wrong, where, and a hint.
///
/// Diagnostics are values: the loader returns all of them, the CLI renders them with
/// ``DiagnosticRenderer``, the server returns them as JSON.
public struct Diagnostic: Error, Hashable, Codable, Sendable {
    /// How serious it is.
    public var severity: DiagnosticSeverity
    /// A stable identifier such as `TP103`, documented in `docs/language.md`.
    public var code: String
    /// What went wrong, in one sentence.
    public var message: String
    /// Where it went wrong; `nil` for problems that have no place (a missing folder).
    public var range: SourceRange?
    /// What would probably fix it.
    public var hint: String?
    /// Related places, such as the first definition of a duplicate.
    public var notes: [Note]

    /// A secondary message pointing at another place.
    public struct Note: Hashable, Codable, Sendable {
        /// What the place is.
        public var message: String
        /// The place.
        public var range: SourceRange?

        /// Creates a note.
        public init(message: String, range: SourceRange?) {
            self.message = message
            self.range = range
        }
    }

    /// Creates a diagnostic.
    public init(
        severity: DiagnosticSeverity = .error, code: String, message: String,
        range: SourceRange?, hint: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.hint = hint
        self.notes = notes
    }
}

extension [Diagnostic] {
    /// Whether any diagnostic is an error.
    package var containsErrors: Bool { contains { $0.severity == .error } }
}
