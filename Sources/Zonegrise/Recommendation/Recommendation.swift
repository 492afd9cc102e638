import ZonegriseCore

/// What `zonegrise recommend` chose, for its outputs: the sites in order with their
/// gains, what is left beyond the threshold, the communes no candidate can bring within
/// it (`--cover-all`), and the scenario that opens the sites.
public struct Recommendation: Sendable {
    /// The service layer the sites are for.
    public var layer: String
    /// `population`, or `FILE:COLUMN` of a weights file: what the gains count.
    public var weightName: String
    /// `maximal_covering` (k sites) or `set_covering` (`--cover-all`).
    public var objective: String
    /// The analysed communes, and the weight of each.
    public var communes: [Commune]
    public var weights: [Int]
    public var result: RecommendationResult
    /// Number of candidate communes.
    public var candidateCount: Int
    /// The scenario opening the recommended sites, as written to `scenario.yaml`.
    public var scenario: Scenario
    /// The territory manifest the scenario names as its base (absolute).
    public var manifestPath: String
}
