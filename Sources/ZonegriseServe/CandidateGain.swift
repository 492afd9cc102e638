import ZonegriseCore

/// One candidate commune of a service layer and what a site there would bring alone on
/// the base network: the first round of the recommendation's greedy step
/// (docs/RECOMMENDATION.md), ranked by gain, then by code.
public struct CandidateGain: Hashable, Sendable {
    public var code: String
    public var nom: String
    /// Inhabitants brought within the layer's threshold by a site at the commune's centre.
    public var gainPopulation: Int
    /// The commune's centre, Lambert-93 metres.
    public var point: PlanarPoint
}
