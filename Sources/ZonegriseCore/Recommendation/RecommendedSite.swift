/// One site chosen by `SiteRecommendation`, with what it brings once the sites chosen
/// before it are in place (its marginal gain).
public struct RecommendedSite: Hashable, Sendable {
    /// Index of the site in the candidates given.
    public var candidate: Int
    /// The candidate's identifier (a commune code, a site id).
    public var id: String
    /// The candidate's place.
    public var place: Place
    /// Total weight (inhabitants by default) of the origins this site brings within the
    /// threshold: its marginal gain.
    public var gainWeight: Int
    /// Those origins, as ascending indices into the prepared model's origins (the
    /// analysed communes, for a `PreparedAnalysis`).
    public var broughtWithin: [Int]
    /// Total weight still beyond the threshold once this site and those before it are
    /// in place.
    public var beyondWeightAfter: Int

    public init(candidate: Int, id: String, place: Place, gainWeight: Int, broughtWithin: [Int], beyondWeightAfter: Int) {
        self.candidate = candidate
        self.id = id
        self.place = place
        self.gainWeight = gainWeight
        self.broughtWithin = broughtWithin
        self.beyondWeightAfter = beyondWeightAfter
    }
}
