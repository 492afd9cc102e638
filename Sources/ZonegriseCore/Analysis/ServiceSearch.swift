/// The kept search of one gamme (its poles) or one service layer (its sites): what a
/// scenario extends with `PreparedTimeModel.adding` and what classification reads.
public struct ServiceSearch: Sendable {
    /// What the targets are.
    public enum Subject: Hashable, Sendable {
        case gamme(Gamme)
        /// A service layer, by its index in `AnalysisInput.serviceLayers`.
        case layer(Int)
    }

    public var subject: Subject
    /// Zone grise (gamme) or *hors seuil* (layer) threshold, minutes.
    public var thresholdMinutes: Double
    /// Identifier of each target: the pole's commune code or the site's id, in the
    /// order of `search.targets`.
    public var targetIDs: [String]
    /// The model's kept search.
    public var search: any TargetSearch

    public init(subject: Subject, thresholdMinutes: Double, targetIDs: [String], search: any TargetSearch) {
        precondition(targetIDs.count == search.targets.count, "one identifier per target")
        self.subject = subject
        self.thresholdMinutes = thresholdMinutes
        self.targetIDs = targetIDs
        self.search = search
    }
}

/// The kept searches of a whole analysis: one per gamme, one per service layer.
public struct AnalysisSearches: Sendable {
    /// In `Gamme.allCases` order.
    public var gammes: [ServiceSearch]
    /// In `AnalysisInput.serviceLayers` order.
    public var layers: [ServiceSearch]

    public init(gammes: [ServiceSearch], layers: [ServiceSearch]) {
        self.gammes = gammes
        self.layers = layers
    }

    public subscript(gamme: Gamme) -> ServiceSearch { gammes[Gamme.allCases.firstIndex(of: gamme)!] }
}
