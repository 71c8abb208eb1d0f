/// A tool of the catalog, with its facts, their sources, and its class under the profile.
public struct CatalogTool: Sendable, Identifiable {
    /// The stable id, e.g. `zoom`.
    public let id: String
    /// The display name, e.g. `Zoom`.
    public let name: String
    /// Other names that resolve to this tool.
    public let aliases: [String]
    /// The category, e.g. `videoconference`.
    public let category: String?
    /// The facts the sources state, in declaration order, each with its source.
    public let facts: [StatedFact]
    /// The class the profile gives the tool, or `nil` when no classify statement holds.
    public let toolClass: ToolClass?
    /// The classify statement that gave the class.
    public let classification: Classification?
    /// Where the tool was defined.
    public let range: SourceRange

    /// The tool's standing: its class, or `unclassified`.
    public var standing: ToolStanding { ToolStanding(toolClass) }

    /// A fact of a catalog tool, with the document it comes from.
    public struct StatedFact: Sendable, Hashable {
        /// The fact's name, without `tool.`.
        public let name: String
        /// The value.
        public let value: FactValue
        /// The source of the value.
        public let source: Citation
        /// The layer (base or profile name) that stated it.
        public let layer: String
    }

    /// Why a tool has its class: the classify statement and its citations.
    public struct Classification: Sendable, Hashable {
        /// The class given.
        public let toolClass: ToolClass
        /// The statement's citations.
        public let citations: [Citation]
        /// The layer it comes from.
        public let layer: String
        /// Where the statement is.
        public let range: SourceRange
    }
}
