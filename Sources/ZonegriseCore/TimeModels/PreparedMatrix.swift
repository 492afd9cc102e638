/// The matrix model prepared for a list of origins: each origin's row of the table
/// looked up once.
public struct PreparedMatrix: PreparedTimeModel {
    public let model: MatrixModel
    public let origins: [Place]
    /// The table's row of each origin (nil when the table has none).
    let rows: [[String: Double]?]

    /// - Complexity: O(origins) dictionary look-ups.
    public init(model: MatrixModel, origins: [Place]) {
        self.model = model
        self.origins = origins
        rows = origins.map { model.minutesByPair[$0.communeCode] }
    }

    /// - Complexity: O(origins × targets) dictionary look-ups.
    /// - Throws: `TimeModelError.missingPairs` when pairs are missing and the model's
    ///   `missing` is `.error`.
    public func search(to targets: [Place], horizonMinutes: Double) throws -> any TargetSearch {
        NearestTargets(targets: targets, horizonMinutes: horizonMinutes, nearest: try nearest(to: targets, indexOffset: 0))
    }

    /// - Complexity: O(origins × added) look-ups; the base targets are not looked at again.
    public func adding(_ added: [Place], to base: any TargetSearch) throws -> any TargetSearch {
        let kept = NearestTargets(targets: base.targets, horizonMinutes: base.horizonMinutes, nearest: base.nearest)
        return kept.merging(try nearest(to: added, indexOffset: base.targets.count), added: added)
    }

    func nearest(to targets: [Place], indexOffset: Int) throws -> [NearestTarget?] {
        var missingCount = 0
        var firstMissing: (String, String)?
        var result: [NearestTarget?] = []
        result.reserveCapacity(origins.count)
        for (origin, row) in zip(origins, rows) {
            var best: NearestTarget?
            for (index, target) in targets.enumerated() {
                let minutes: Double
                if let found = row?[target.communeCode] {
                    minutes = found
                } else if target.communeCode == origin.communeCode {
                    minutes = 0
                } else {
                    switch model.missing {
                    case .error:
                        missingCount += 1
                        if firstMissing == nil { firstMissing = (origin.communeCode, target.communeCode) }
                        continue
                    case .crowfly:
                        minutes = model.fallback.minutes(from: origin, to: target)
                    case .unreachable:
                        continue
                    }
                }
                if best == nil || minutes < best!.minutes { best = NearestTarget(target: index + indexOffset, minutes: minutes) }
            }
            result.append(best)
        }
        if let (origin, destination) = firstMissing {
            throw TimeModelError.missingPairs(file: model.source, firstOrigin: origin, firstDestination: destination, count: missingCount)
        }
        return result
    }
}
