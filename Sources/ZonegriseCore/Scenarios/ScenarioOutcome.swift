/// A scenario evaluated against the base analysis: its kept searches, its
/// classification and aggregates, the gain of each site it adds or moves, and the
/// communes served only by an itinerant stop.
public struct ScenarioOutcome: Sendable {
    public var scenario: Scenario
    /// The searches after the changes (the base's where nothing changed).
    public var searches: AnalysisSearches
    /// The classification and aggregates after the changes. Pole levels and the pole
    /// list are the base's (a scenario changes which communes serve, not their equipment).
    public var result: AnalysisResult
    /// One line per site added, moved or calling as an itinerant stop, in the order of
    /// the layers then of the scenario file.
    public var siteGains: [SiteGain]
    /// Per service layer (input order), per analysed commune: within the threshold
    /// only thanks to an itinerant stop (beyond it without the itinerant services).
    public var itinerantOnly: [[Bool]]
}

/// What one site of a scenario brings, in inhabitants (or the weight used).
public struct SiteGain: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case added = "ajout"
        case moved = "deplacement"
        case itinerant = "itinerant"
    }

    public var layer: String
    public var site: ServiceSite
    public var kind: Kind
    /// Brought within the threshold by this site that no other change of the scenario
    /// also brings: population beyond the threshold in the scenario without this site,
    /// minus that of the whole scenario.
    public var marginalPopulation: Int
    /// Brought within the threshold by this site alone on the base network.
    public var alonePopulation: Int
    /// Itinerant stops: the days the service calls (as given; empty otherwise).
    public var days: [String] = []
}
