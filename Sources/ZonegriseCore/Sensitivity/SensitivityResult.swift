/// The classification re-run under each sensitivity variant, beside the base run
/// (`PreparedAnalysis.sensitivity`): per commune and gamme whether the zone-grise
/// status holds, and for every row of the zone-grise summary the range of its figures.
public struct SensitivityResult: Sendable {
    /// The variants, in the order run (`SensitivityVariant.standard` by default).
    public var variants: [SensitivityVariant]
    /// Per variant (same order), per gamme, whether each analysed commune is in zone
    /// grise (commune order of `AnalysisResult.communes`).
    public var greyByVariant: [[Gamme: [Bool]]]
    /// Per variant (same order), the area summary: one row per gamme then per layer.
    public var summariesByVariant: [[ZoneGriseSummary]]
    /// Per gamme, the flag of each analysed commune over the base and every variant.
    public var robustness: [Gamme: [Robustness]]
    /// One range per row of the base run's `summaries` (gammes then layers), the base
    /// included in the minimum and maximum.
    public var ranges: [SummaryRange]

    public init(base: AnalysisResult, variants: [SensitivityVariant], greyByVariant: [[Gamme: [Bool]]],
                summariesByVariant: [[ZoneGriseSummary]]) {
        precondition(variants.count == greyByVariant.count && variants.count == summariesByVariant.count, "one result per variant")
        self.variants = variants
        self.greyByVariant = greyByVariant
        self.summariesByVariant = summariesByVariant
        var robustness: [Gamme: [Robustness]] = [:]
        for gamme in Gamme.allCases {
            let baseGrey = base.access[gamme]!.map(\.isBeyond)
            robustness[gamme] = baseGrey.indices.map { i in
                Robustness(statuses: CollectionOfOne(baseGrey[i]) + greyByVariant.map { $0[gamme]![i] })
            }
        }
        self.robustness = robustness
        ranges = base.summaries.indices.map { row in
            SummaryRange(CollectionOfOne(base.summaries[row]) + summariesByVariant.map { $0[row] })
        }
    }

    /// Whether commune `i` is fragile for at least one gamme.
    public func isFragile(_ i: Int) -> Bool { Gamme.allCases.contains { robustness[$0]![i] == .fragile } }
}

/// The smallest and largest figures of one summary row (a gamme or layer) over the base
/// run and the sensitivity variants.
public struct SummaryRange: Hashable, Sendable {
    /// Gamme raw value or layer name.
    public var name: String
    public var communes: ClosedRange<Int>
    public var population: ClosedRange<Int>
    /// Share of the population beyond the threshold, percent.
    public var populationSharePercent: ClosedRange<Double>

    /// - Precondition: `rows` is not empty and names one gamme or layer.
    public init(_ rows: [ZoneGriseSummary]) {
        precondition(!rows.isEmpty && Set(rows.map(\.name)).count == 1, "one summary row, from at least one run")
        name = rows[0].name
        communes = rows.map(\.communes).min()! ... rows.map(\.communes).max()!
        population = rows.map(\.population).min()! ... rows.map(\.population).max()!
        let shares = rows.map(\.populationSharePercent)
        populationSharePercent = shares.min()! ... shares.max()!
    }
}
