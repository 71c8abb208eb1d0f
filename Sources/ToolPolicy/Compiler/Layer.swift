/// The files of one layer of a policy: the base, or a profile.
struct Layer: Sendable {
    /// The layer's name: `national`, `rennes`.
    var name: String
    /// The title given in a header, if any.
    var title: String?
    /// The base a profile extends; `nil` for a base.
    var extends: String?
    /// The parsed files.
    var files: [Syntax.File]
    /// Every statement of the layer, in file order.
    var statements: [Syntax.Statement] { files.flatMap(\.statements) }
}
