/// A time model whose every time is another model's multiplied by a factor: what the
/// sensitivity's time variants amount to (`SensitivityVariant.timeFactor`), as a model
/// a plain analysis can run on (the oracle of the sensitivity tests).
public struct ScaledTimeModel: TravelTimeModel {
    public var base: any TravelTimeModel
    /// Multiplies every time (0.85: 15 % faster).
    public var factor: Double

    public init(_ base: any TravelTimeModel, factor: Double) {
        precondition(factor > 0, "a time factor is positive")
        self.base = base
        self.factor = factor
    }

    public var kind: String { base.kind }
    public var parameters: [String: String] { base.parameters.merging(["time_factor": BandScheme.text(factor)]) { $1 } }

    /// - Complexity: that of `base.prepare`.
    public func prepare(origins: [Place]) throws -> any PreparedTimeModel {
        Prepared(base: try base.prepare(origins: origins), factor: factor)
    }

    struct Prepared: PreparedTimeModel {
        let base: any PreparedTimeModel
        let factor: Double
        var origins: [Place] { base.origins }

        /// The base model searched to `horizonMinutes / factor`, its times scaled.
        func search(to targets: [Place], horizonMinutes: Double) throws -> any TargetSearch {
            scaled(try base.search(to: targets, horizonMinutes: horizonMinutes / factor))
        }

        func adding(_ added: [Place], to search: any TargetSearch) throws -> any TargetSearch {
            guard let scaledSearch = search as? Scaled else { preconditionFailure("a search of this scaled model") }
            return scaled(try base.adding(added, to: scaledSearch.base))
        }

        func forRepeatedAdditions() -> any PreparedTimeModel { Prepared(base: base.forRepeatedAdditions(), factor: factor) }

        func scaled(_ search: any TargetSearch) -> Scaled {
            Scaled(base: search, horizonMinutes: search.horizonMinutes * factor,
                   nearest: search.nearest.map { $0.map { NearestTarget(target: $0.target, minutes: $0.minutes * factor) } })
        }
    }

    /// A base search with scaled times, kept for `adding`.
    struct Scaled: TargetSearch {
        let base: any TargetSearch
        let horizonMinutes: Double
        let nearest: [NearestTarget?]
        var targets: [Place] { base.targets }
    }
}
