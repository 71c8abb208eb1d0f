/// The class a framework gives a tool.
public enum ToolClass: String, Codable, Sendable, Hashable, CaseIterable {
    /// Installation and use in a browser are allowed (« offre institutionnelle »).
    case institutional
    /// Only in a browser and without creating an account (« solutions tolérées »).
    case tolerated
    /// Neither installed nor used in a browser (« usages non autorisés »).
    case forbidden
}

/// The class of a tool as a decision reports it, including the two cases with no class.
public enum ToolStanding: String, Codable, Sendable, Hashable {
    /// « Offre institutionnelle ».
    case institutional
    /// « Solution tolérée ».
    case tolerated
    /// « Usage non autorisé ».
    case forbidden
    /// In the catalog, but no classify statement gives it a class.
    case unclassified
    /// Not in the catalog at all: it needs a review.
    case unlisted

    init(_ toolClass: ToolClass?) {
        switch toolClass {
        case .institutional: self = .institutional
        case .tolerated: self = .tolerated
        case .forbidden: self = .forbidden
        case nil: self = .unclassified
        }
    }
}
