import Testing
@testable import ZonegriseCore
import ZonegriseTestSupport

/// `analyse --sensitivite`: the robustness flag, the ranges, and the variants computed
/// from the kept searches against an oracle that runs the plain analysis once per
/// variant (times through `ScaledTimeModel`, poles with the moved share).
@Suite struct SensitivityTests {
    // MARK: - The flag

    @Test func greyEverywhereIsRobust() {
        #expect(Robustness(statuses: [true, true, true, true, true]) == .oui)
        #expect(Robustness(statuses: [true]) == .oui)
    }

    @Test func greyNowhereIsNotGrey() {
        #expect(Robustness(statuses: [false, false, false, false, false]) == .non)
        #expect(Robustness(statuses: [false]) == .non)
    }

    @Test func anyDisagreementIsFragile() {
        #expect(Robustness(statuses: [true, false, true, true, true]) == .fragile, "grey in the base, not in one variant")
        #expect(Robustness(statuses: [false, false, false, false, true]) == .fragile, "grey in one variant only")
        #expect(Robustness(statuses: [false, true]) == .fragile)
        #expect(Robustness(statuses: [true, false]) == .fragile)
    }

    @Test func everyCombinationOfFiveRuns() {
        for mask in 0 ..< 32 {
            let statuses = (0 ..< 5).map { mask >> $0 & 1 == 1 }
            let expected: Robustness = mask == 31 ? .oui : mask == 0 ? .non : .fragile
            #expect(Robustness(statuses: statuses) == expected, "statuses \(statuses)")
        }
    }

    @Test func rangesIncludeTheBase() {
        func row(_ communes: Int, _ population: Int) -> ZoneGriseSummary {
            ZoneGriseSummary(name: "proximite", thresholdMinutes: 10, communes: communes, population: population, totalCommunes: 10, totalPopulation: 1000)
        }
        // The base holds both extremes: the variants lie inside it.
        let range = SummaryRange([row(2, 100), row(3, 150), row(4, 180)].reversed() + [row(5, 900), row(1, 50)])
        #expect(range.communes == 1 ... 5)
        #expect(range.population == 50 ... 900)
        #expect(range.populationSharePercent == 5 ... 90)
        let baseOnly = SummaryRange([row(2, 100)])
        #expect(baseOnly.communes == 2 ... 2 && baseOnly.populationSharePercent == 10 ... 10)
    }

    @Test func variantsAreNamedAndMoveOneParameter() {
        #expect(SensitivityVariant.standard.map(\.name) == ["temps_x0.85", "temps_x1.15", "part_poles_0.4", "part_poles_0.6"])
        #expect(SensitivityVariant.standard.map(\.label) == ["temps × 0,85", "temps × 1,15", "pôles à 40 % des types", "pôles à 60 % des types"])
        let base = AnalysisParameters(poles: PoleClassifier(share: 0.5, hierarchy: false))
        #expect(SensitivityVariant.timeFactor(0.85).parameters(from: base) == base)
        var moved = base
        moved.poles.share = 0.4
        #expect(SensitivityVariant.poleShare(0.4).parameters(from: base) == moved)
    }

    // MARK: - Oracle

    /// The plain analysis under one variant: times through `ScaledTimeModel`, or the
    /// poles decided with the moved share.
    static func plainRun(_ input: AnalysisInput, _ model: any TravelTimeModel, _ variant: SensitivityVariant?,
                         base parameters: AnalysisParameters) throws -> AnalysisResult {
        switch variant {
        case nil: return try ZoneGriseAnalysis(parameters: parameters).runSequentially(input, timeModel: model)
        case let .timeFactor(factor)?:
            return try ZoneGriseAnalysis(parameters: parameters).runSequentially(input, timeModel: ScaledTimeModel(model, factor: factor))
        case let .poleShare(share)?:
            var moved = parameters
            moved.poles.share = share
            return try ZoneGriseAnalysis(parameters: moved).runSequentially(input, timeModel: model)
        }
    }

    /// For seeded random small territories and every model, the flags and ranges equal
    /// those of five plain runs (the base and each variant alone).
    @Test(arguments: AnalysisPropertyTests.seeds)
    func flagsEqualFivePlainRuns(seed: UInt64) async throws {
        let territory = AnalysisPropertyTests.territory(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0x5E45)
        var parameters = AnalysisParameters()
        parameters.poles.hierarchy = Bool.random(using: &rng)
        parameters.comparison = Bool.random(using: &rng) ? .strict : .inclusive
        for (name, model) in AnalysisPropertyTests.models(territory) {
            let prepared = try ZoneGriseAnalysis(parameters: parameters).prepare(territory.input, timeModel: model)
            let searches = try prepared.searchAllSequentially()
            let base = prepared.result(searches)
            let sensitivity = try await prepared.sensitivity(base: searches, result: base)

            let runs = try ([nil] + SensitivityVariant.standard.map(Optional.some)).map {
                try Self.plainRun(territory.input, model, $0, base: parameters)
            }
            for gamme in Gamme.allCases {
                let expected = base.communes.indices.map { i in Robustness(statuses: runs.map { $0.access[gamme]![i].isBeyond }) }
                #expect(sensitivity.robustness[gamme]! == expected, "seed \(seed) \(name) \(gamme)")
            }
            for (v, run) in runs.dropFirst().enumerated() {
                #expect(sensitivity.summariesByVariant[v] == run.summaries, "seed \(seed) \(name) variant \(SensitivityVariant.standard[v].name)")
            }
            let expectedRanges = base.summaries.indices.map { row in SummaryRange(runs.map { $0.summaries[row] }) }
            #expect(sensitivity.ranges == expectedRanges, "seed \(seed) \(name)")
        }
    }

    /// The oracle can fail: flags from four plain runs (a variant left out) differ from
    /// the sensitivity's on some territory.
    @Test func theOracleTellsAVariantLeftOut() async throws {
        var differs = false
        for seed in AnalysisPropertyTests.seeds where !differs {
            let territory = AnalysisPropertyTests.territory(seed: seed)
            let model = CrowflyModel(speedKmh: 50, detour: 1.3, intraCommune: false)
            let prepared = try ZoneGriseAnalysis().prepare(territory.input, timeModel: model)
            let searches = try prepared.searchAllSequentially()
            let sensitivity = try await prepared.sensitivity(base: searches, result: prepared.result(searches))
            let fewer = try await prepared.sensitivity(base: searches, result: prepared.result(searches),
                                                       variants: Array(SensitivityVariant.standard.dropFirst()))
            differs = Gamme.allCases.contains { sensitivity.robustness[$0]! != fewer.robustness[$0]! }
        }
        #expect(differs, "times x0.85 changed no flag on any of the seeded territories")
    }

    /// The seeded territories exercise the pole-share variants too: on some of them a
    /// share of 0.4 or 0.6 alone makes a commune fragile (else the oracle above would
    /// not test the pole searches).
    @Test func poleSharesAloneMakeSomeCommuneFragile() async throws {
        var fragile = 0
        for seed in AnalysisPropertyTests.seeds {
            let territory = AnalysisPropertyTests.territory(seed: seed)
            let prepared = try ZoneGriseAnalysis().prepare(territory.input, timeModel: CrowflyModel(speedKmh: 50, detour: 1.3, intraCommune: false))
            let searches = try prepared.searchAllSequentially()
            let shares = try await prepared.sensitivity(base: searches, result: prepared.result(searches), variants: [.poleShare(0.4), .poleShare(0.6)])
            fragile += Gamme.allCases.reduce(0) { $0 + shares.robustness[$1]!.filter { $0 == .fragile }.count }
        }
        #expect(fragile > 0)
    }

    /// Times ×k keep each commune's nearest pole; only its time and status move.
    @Test func aTimeFactorKeepsTheNearestPoles() async throws {
        let territory = AnalysisPropertyTests.territory(seed: AnalysisPropertyTests.seeds[0])
        let model = CrowflyModel(speedKmh: 50, detour: 1.3, intraCommune: false)
        let scaled = try ZoneGriseAnalysis().runSequentially(territory.input, timeModel: ScaledTimeModel(model, factor: 1.15))
        let plain = try ZoneGriseAnalysis().runSequentially(territory.input, timeModel: model)
        for gamme in Gamme.allCases {
            #expect(scaled.access[gamme]!.map(\.target) == plain.access[gamme]!.map(\.target))
            for (a, b) in zip(scaled.access[gamme]!, plain.access[gamme]!) {
                if let a = a.minutes, let b = b.minutes { #expect(abs(a - b * 1.15) <= 0.011) }
            }
        }
    }
}
