import Testing
@testable import ZonegriseCore
import ZonegriseTestSupport

/// Oracles for the prepared state of the crow-fly and matrix models and of the analysis:
/// extending a kept search equals searching again, and re-classifying the communes that
/// changed equals classifying all.
@Suite struct PreparedAnalysisTests {
    func places(_ count: Int, prefix: Int, using rng: inout SplitMix64) -> [Place] {
        (0 ..< count).map { i in
            Place(communeCode: String(format: "%02d%03d", prefix, i),
                  point: PlanarPoint(x: .random(in: 0 ... 40_000, using: &rng), y: .random(in: 0 ... 40_000, using: &rng)),
                  communeAreaSquareMetres: .random(in: 1e5 ... 3e7, using: &rng))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func crowflyAddingEqualsSearchingAll(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let model = CrowflyModel(speedKmh: .random(in: 30 ... 80, using: &rng), detour: 1.3, intraCommune: Bool.random(using: &rng))
        let origins = places(150, prefix: 1, using: &rng)
        let base = places(Int.random(in: 0 ... 10, using: &rng), prefix: 2, using: &rng)
        let added = places(Int.random(in: 0 ... 6, using: &rng), prefix: 3, using: &rng)
        let prepared = model.prepare(origins: origins)
        let extended = try prepared.adding(added, to: try prepared.search(to: base, horizonMinutes: 60))
        let full = try prepared.search(to: base + added, horizonMinutes: 60)
        #expect(extended.targets == full.targets)
        for (got, want) in zip(extended.nearest, full.nearest) {
            #expect(got?.minutes == want?.minutes, "seed \(seed)")
            #expect(got?.target == want?.target, "seed \(seed)")
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func matrixAddingEqualsSearchingAll(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let origins = places(30, prefix: 1, using: &rng)
        let targets = places(12, prefix: 2, using: &rng)
        var table: [String: [String: Double]] = [:]
        for origin in origins {
            for target in targets where Int.random(in: 0 ..< 4, using: &rng) > 0 {
                table[origin.communeCode, default: [:]][target.communeCode] = .random(in: 0 ... 60, using: &rng).rounded()
            }
        }
        let model = MatrixModel(minutesByPair: table, source: "m.csv", missing: Bool.random(using: &rng) ? .crowfly : .unreachable)
        let prepared = model.prepare(origins: origins)
        let split = Int.random(in: 0 ... targets.count, using: &rng)
        let extended = try prepared.adding(Array(targets[split...]), to: try prepared.search(to: Array(targets[..<split]), horizonMinutes: 60))
        let full = try prepared.search(to: targets, horizonMinutes: 60)
        #expect(extended.nearest == full.nearest, "seed \(seed)")
    }

    @Test func matrixAddingReportsMissingPairsOfTheAddedTargets() throws {
        let a = Place(communeCode: "00001", point: PlanarPoint(x: 0, y: 0))
        let b = Place(communeCode: "00002", point: PlanarPoint(x: 6000, y: 0))
        let c = Place(communeCode: "00003", point: PlanarPoint(x: 9000, y: 0))
        let prepared = MatrixModel(minutesByPair: ["00001": ["00002": 9]], source: "m.csv").prepare(origins: [a])
        let base = try prepared.search(to: [b], horizonMinutes: 60)
        #expect(throws: TimeModelError.missingPairs(file: "m.csv", firstOrigin: "00001", firstDestination: "00003", count: 1)) {
            _ = try prepared.adding([c], to: base)
        }
    }

    /// A site added to a kept layer search gives the result of an analysis whose layer
    /// has that site from the start; re-classifying only the communes whose answer
    /// changed gives the same access as classifying all.
    @Test func addedSiteEqualsAnAnalysisWithTheSite() async throws {
        let input = ZoneGriseAnalysisTests().lineTerritory()
        let model = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        let analysis = ZoneGriseAnalysis()
        let prepared = try analysis.prepare(input, timeModel: model)
        let searches = try await prepared.searchAll()
        let site = ServiceSite(id: "site-2", name: "FS 2", communeCode: "99003", point: PlanarPoint(x: 18_000, y: 0))
        let extended = try prepared.search(searches.layers[0], adding: [Place(communeCode: site.communeCode, point: site.point)],
                                           ids: [site.id])

        var withSite = input
        withSite.serviceLayers[0].sites.append(site)
        let expected = try await analysis.run(withSite, timeModel: model)

        var layerAccess = prepared.classify(searches.layers[0])
        let changed = prepared.communes.indices.filter {
            searches.layers[0].search.nearest[$0] != extended.search.nearest[$0]
        }
        #expect(!changed.isEmpty)
        prepared.reclassify(&layerAccess, search: extended, communes: changed)
        #expect(layerAccess == expected.layerAccess[0])
        #expect(layerAccess == prepared.classify(extended))

        let access = Dictionary(uniqueKeysWithValues: Gamme.allCases.map { ($0, prepared.classify(searches[$0])) })
        let result = prepared.result(access: access, layerAccess: [layerAccess])
        #expect(result.summaries == expected.summaries)
        #expect(result.subdivisionSummaries == expected.subdivisionSummaries)
        #expect(result.codesEnjeux == expected.codesEnjeux)
    }

    /// The steps run one after the other give what the concurrent run gives.
    @Test func sequentialAndConcurrentRunsAgree() async throws {
        let input = ZoneGriseAnalysisTests().lineTerritory()
        let model = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        let concurrent = try await ZoneGriseAnalysis().run(input, timeModel: model)
        let sequential = try ZoneGriseAnalysis().runSequentially(input, timeModel: model)
        #expect(concurrent.access == sequential.access)
        #expect(concurrent.layerAccess == sequential.layerAccess)
        #expect(concurrent.summaries == sequential.summaries)
    }
}
