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

    public func prepare(origins: [Place]) -> any PreparedTimeModel {
        PreparedMatrix(model: self, origins: origins)
    }
}
