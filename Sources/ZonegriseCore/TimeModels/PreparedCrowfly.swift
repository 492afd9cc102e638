/// The crow-fly model prepared for a list of origins: the intra-commune term of every
/// origin computed once. Each search builds a grid over its targets.
public struct PreparedCrowfly: PreparedTimeModel {
    public let model: CrowflyModel
    public let origins: [Place]
    /// Intra-commune minutes per origin (0 when the term is off).
    let intraMinutes: [Double]

    /// - Complexity: O(origins).
    public init(model: CrowflyModel, origins: [Place]) {
        self.model = model
        self.origins = origins
        intraMinutes = origins.map { model.intraCommuneMinutes(areaSquareMetres: $0.communeAreaSquareMetres) }
    }

    /// The horizon is ignored: crow-fly times are exact and cheap.
    /// - Complexity: O(targets) to build a grid, then about O(1) per origin.
    public func search(to targets: [Place], horizonMinutes: Double) -> any TargetSearch {
        NearestTargets(targets: targets, horizonMinutes: horizonMinutes, nearest: nearest(to: targets, indexOffset: 0))
    }

    /// - Complexity: O(added) to build a grid over the added targets, then about O(1)
    ///   per origin; the base targets are not looked at again.
    public func adding(_ added: [Place], to base: any TargetSearch) -> any TargetSearch {
        let kept = NearestTargets(targets: base.targets, horizonMinutes: base.horizonMinutes, nearest: base.nearest)
        return kept.merging(nearest(to: added, indexOffset: base.targets.count), added: added)
    }

    /// Nearest of `targets` from every origin, target indices shifted by `indexOffset`.
    func nearest(to targets: [Place], indexOffset: Int) -> [NearestTarget?] {
        guard !targets.isEmpty else { return Array(repeating: nil, count: origins.count) }
        let grid = PointGrid(points: targets.map(\.point))
        return origins.indices.map { i in
            guard let hit = grid.nearest(to: origins[i].point) else { return nil }
            return NearestTarget(target: hit.index + indexOffset, minutes: model.minutes(distanceMetres: hit.distance) + intraMinutes[i])
        }
    }
}
