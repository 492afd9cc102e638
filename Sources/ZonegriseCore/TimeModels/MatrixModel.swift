/// Car times read from an origin–destination table between communes (Odomatrix,
/// Metric, or any `origin,destination,minutes` CSV; METHOD.md §3).
///
/// Times are looked up by commune code: a target is reached at the time of its
/// commune. A target in the origin's own commune is at 0 minutes unless the table
/// gives a time for the pair. Missing pairs are an error, a crow-fly estimate, or
/// unreachable, as the user chooses.
public struct MatrixModel: TravelTimeModel {
    public enum MissingPairs: String, CaseIterable, Hashable, Sendable {
        /// Any missing (origin, target commune) pair stops the analysis.
        case error
        /// A missing pair is estimated by the crow-fly model.
        case crowfly
        /// A missing pair means the target cannot be reached from the origin.
        case unreachable
    }

    /// origin code → destination code → minutes.
    public var minutesByPair: [String: [String: Double]]
    /// File the table came from, for messages.
    public var source: String
    public var missing: MissingPairs
    /// The model used for missing pairs when `missing == .crowfly`.
    public var fallback: CrowflyModel

    public init(minutesByPair: [String: [String: Double]], source: String, missing: MissingPairs = .error,
                fallback: CrowflyModel = CrowflyModel()) {
        self.minutesByPair = minutesByPair
        self.source = source
        self.missing = missing
        self.fallback = fallback
    }

    public var kind: String { "matrix" }

    public var parameters: [String: String] {
        var result = ["file": source, "missing": missing.rawValue,
                      "pairs": "\(minutesByPair.values.reduce(0) { $0 + $1.count })"]
        if missing == .crowfly {
            for (key, value) in fallback.parameters { result["fallback_" + key] = value }
        }
        return result
    }

    /// - Complexity: O(origins × targets) dictionary look-ups.
    public func nearest(from origins: [Place], to targets: [Place], horizonMinutes: Double) throws -> [NearestTarget?] {
        var missingCount = 0
        var firstMissing: (String, String)?
        var result: [NearestTarget?] = []
        result.reserveCapacity(origins.count)
        for origin in origins {
            let row = minutesByPair[origin.communeCode]
            var best: NearestTarget?
            for (index, target) in targets.enumerated() {
                let minutes: Double
                if let found = row?[target.communeCode] {
                    minutes = found
                } else if target.communeCode == origin.communeCode {
                    minutes = 0
                } else {
                    switch missing {
                    case .error:
                        missingCount += 1
                        if firstMissing == nil { firstMissing = (origin.communeCode, target.communeCode) }
                        continue
                    case .crowfly:
                        minutes = fallback.minutes(from: origin, to: target)
                    case .unreachable:
                        continue
                    }
                }
                if best == nil || minutes < best!.minutes { best = NearestTarget(target: index, minutes: minutes) }
            }
            result.append(best)
        }
        if let (origin, destination) = firstMissing {
            throw TimeModelError.missingPairs(file: source, firstOrigin: origin, firstDestination: destination, count: missingCount)
        }
        return result
    }
}
