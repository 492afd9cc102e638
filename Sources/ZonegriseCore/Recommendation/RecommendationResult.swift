/// What `SiteRecommendation` chose: the sites in the order picked, where the origins
/// stand before and after, which origins no candidate can serve, and the work done.
public struct RecommendationResult: Sendable {
    /// The chosen sites, in the order the greedy picked them (each one's gain counts the
    /// sites before it as in place).
    public var sites: [RecommendedSite]
    /// Total weight beyond the threshold with the existing targets alone.
    public var beyondWeightBefore: Int
    /// Origins beyond the threshold with the existing targets that no candidate brings
    /// within it, even alone (ascending origin indices). Named, not dropped: no choice
    /// of these candidates serves them.
    public var uncoverable: [Int]
    /// Number of candidate evaluations made (each one `PreparedTimeModel.adding` of one
    /// candidate to the current search). A plain greedy makes one per remaining
    /// candidate and round; the lazy greedy usually far fewer after the first round.
    public var evaluations: Int
    /// The base search extended with the chosen sites, in pick order (the first chosen
    /// site is target `base.targets.count`), at the base search's horizon.
    public var search: any TargetSearch

    public init(sites: [RecommendedSite], beyondWeightBefore: Int, uncoverable: [Int], evaluations: Int, search: any TargetSearch) {
        self.sites = sites
        self.beyondWeightBefore = beyondWeightBefore
        self.uncoverable = uncoverable
        self.evaluations = evaluations
        self.search = search
    }

    /// Total weight still beyond the threshold with every chosen site in place.
    public var beyondWeightAfter: Int { sites.last?.beyondWeightAfter ?? beyondWeightBefore }

    /// Total weight the chosen sites bring within the threshold.
    public var gainWeight: Int { beyondWeightBefore - beyondWeightAfter }
}
