/// Which communes may host a new site (METHOD.md §5): every commune centre of the
/// analysis area by default, narrowed by rules a user states. A commune is a candidate
/// when it matches at least one rule of `anyOf` (or there is none), is not excluded,
/// and is at least `minimumDistanceMetres` from every existing site of the layer.
///
/// The Département du Pas-de-Calais's 2017 funding rule reads: `anyOf` = communes under
/// 2,000 inhabitants; pôles supérieurs under 10,000; rural pôles intermédiaires under
/// 3,000, "rural" being what the user supplies (a list of communes or a density limit).
public struct CandidateFilter: Hashable, Sendable {
    /// One condition; every field given must hold.
    public struct Rule: Hashable, Sendable {
        /// Inhabitants, inclusive bounds.
        public var populationMin: Int?
        public var populationMax: Int?
        /// Niveaux de pôle allowed (`aucun` included when listed).
        public var poleLevels: Set<PoleLevel>?
        /// Inhabitants per km², inclusive bound (a density limit for "rural").
        public var densityMaxPerSquareKm: Double?
        /// Only these communes (a list the user supplies, e.g. the rural ones).
        public var communes: Set<String>?

        public init(populationMin: Int? = nil, populationMax: Int? = nil, poleLevels: Set<PoleLevel>? = nil,
                    densityMaxPerSquareKm: Double? = nil, communes: Set<String>? = nil) {
            self.populationMin = populationMin
            self.populationMax = populationMax
            self.poleLevels = poleLevels
            self.densityMaxPerSquareKm = densityMaxPerSquareKm
            self.communes = communes
        }

        public func matches(_ commune: Commune, level: PoleLevel) -> Bool {
            if let populationMin, commune.population < populationMin { return false }
            if let populationMax, commune.population > populationMax { return false }
            if let poleLevels, !poleLevels.contains(level) { return false }
            if let densityMaxPerSquareKm {
                guard commune.areaSquareMetres > 0 else { return false }
                if Double(commune.population) / (commune.areaSquareMetres / 1e6) > densityMaxPerSquareKm { return false }
            }
            if let communes, !communes.contains(commune.code) { return false }
            return true
        }
    }

    public var anyOf: [Rule]
    /// Communes never candidates.
    public var excluded: Set<String>
    /// Minimum straight-line distance to every existing site of the layer, metres.
    public var minimumDistanceMetres: Double

    public init(anyOf: [Rule] = [], excluded: Set<String> = [], minimumDistanceMetres: Double = 0) {
        self.anyOf = anyOf
        self.excluded = excluded
        self.minimumDistanceMetres = minimumDistanceMetres
    }

    /// The candidate communes among `communes` (the analysed ones), in their order.
    /// - Parameter levels: the niveau de pôle of each commune, in the same order.
    /// - Complexity: O(communes × (rules + sites)).
    public func candidates(_ communes: [Commune], levels: [PoleLevel], existingSites: [ServiceSite]) -> [Commune] {
        zip(communes, levels).compactMap { commune, level in
            guard !excluded.contains(commune.code) else { return nil }
            guard anyOf.isEmpty || anyOf.contains(where: { $0.matches(commune, level: level) }) else { return nil }
            if minimumDistanceMetres > 0,
               existingSites.contains(where: { $0.point.distance(to: commune.centre) < minimumDistanceMetres }) { return nil }
            return commune
        }
    }
}
