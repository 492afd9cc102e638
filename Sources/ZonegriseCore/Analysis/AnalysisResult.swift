/// Access of one commune to one gamme or service layer.
public struct Access: Hashable, Sendable {
    /// Car time to the nearest pole or site in minutes, rounded to 0.01; nil when none
    /// is reachable (no pole at all, or beyond the model's horizon).
    public var minutes: Double?
    /// Code of the nearest pole commune (its *bassin*), or id of the nearest site.
    public var target: String?
    /// Band index in the run's `BandScheme`.
    public var band: Int
    /// Beyond the threshold: in zone grise (gammes) or *hors seuil* (layers).
    public var isBeyond: Bool

    public init(minutes: Double?, target: String?, band: Int, isBeyond: Bool) {
        self.minutes = minutes
        self.target = target
        self.band = band
        self.isBeyond = isBeyond
    }
}

/// A pole of the service area.
public struct PoleRecord: Hashable, Sendable {
    public var code: String
    public var nom: String
    public var centre: PlanarPoint
    /// Niveau de pôle (highest own gamme).
    public var level: PoleLevel
    /// Gammes it serves as a pole of (with the hierarchy option applied).
    public var servedGammes: [Gamme]
    public var inAnalysisArea: Bool
}

/// One line of the zone grise summary: a gamme or a service layer.
public struct ZoneGriseSummary: Hashable, Sendable {
    /// Gamme raw value or service layer name.
    public var name: String
    public var thresholdMinutes: Double
    /// Communes and inhabitants beyond the threshold.
    public var communes: Int
    public var population: Int
    /// Communes and inhabitants of the area summarised.
    public var totalCommunes: Int
    public var totalPopulation: Int

    /// Share of the population beyond the threshold, in percent (0 when nobody lives there).
    public var populationSharePercent: Double {
        totalPopulation > 0 ? Double(population) / Double(totalPopulation) * 100 : 0
    }
}

/// The same summary for one subdivision.
public struct SubdivisionSummary: Hashable, Sendable {
    public var scheme: String
    public var code: String
    public var nom: String
    public var summary: ZoneGriseSummary
}

/// The classification of every analysed commune, and its aggregates.
public struct AnalysisResult: Sendable {
    /// Analysed communes sorted by code; every per-commune array below follows this order.
    public var communes: [Commune]
    public var poleLevels: [PoleLevel]
    public var access: [Gamme: [Access]]
    /// Per service layer, in the input's order.
    public var layers: [ServiceLayer]
    public var layerAccess: [[Access]]
    /// Number of gammes in zone grise (0–3).
    public var greyGammeCounts: [Int]
    /// Superposition code: a letter per grey gamme, `-` otherwise (`P--`, `-IS`, `---`).
    public var codesEnjeux: [String]
    /// Poles of the service area sorted by code.
    public var poles: [PoleRecord]
    /// One row per gamme then one per layer, for the analysis area.
    public var summaries: [ZoneGriseSummary]
    /// Per scheme (input order), per subdivision code (sorted), per gamme then layer.
    public var subdivisionSummaries: [SubdivisionSummary]
    public var parameters: AnalysisParameters
    /// The horizon given to the time model, minutes.
    public var horizonMinutes: Double
}
