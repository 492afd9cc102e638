import Testing
import ZonegriseCore
import ZonegriseTestSupport

/// Site recommendation on the crow-fly and matrix models: small seeded instances checked
/// against `RecommendationOracle` (searches from scratch, a plain greedy, the optimum
/// over every k-subset), and hand-made cases for the tie rule, the rounding rule, the
/// work CELF saves and the agreement with a classified analysis.
@Suite struct SiteRecommendationTests {
    static func places(_ count: Int, prefix: String, side: Double, using rng: inout SplitMix64) -> [Place] {
        (0 ..< count).map { i in
            Place(communeCode: "\(prefix)\(i)",
                  point: PlanarPoint(x: .random(in: 0 ... side, using: &rng), y: .random(in: 0 ... side, using: &rng)),
                  communeAreaSquareMetres: .random(in: 1e5 ... 3e7, using: &rng))
        }
    }

    @Test(arguments: Array(1 ... 40) as [UInt64])
    func crowflyAgreesWithTheOracle(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let model = CrowflyModel(speedKmh: .random(in: 30 ... 80, using: &rng), detour: .random(in: 1 ... 1.5, using: &rng),
                                 intraCommune: Bool.random(using: &rng))
        let origins = Self.places(Int.random(in: 1 ... 30, using: &rng), prefix: "o", side: 30_000, using: &rng)
        // Candidates and sites are origins' centres or other places.
        let others = Self.places(20, prefix: "s", side: 30_000, using: &rng)
        let prepared = PreparedCrowfly(model: model, origins: origins)
        let c = try RecommendationCase.random("crowfly, seed \(seed)", model: prepared, places: Array(origins.prefix(6)) + others, using: &rng)
        let problems = try RecommendationOracle.problems(c)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: Array(1 ... 40) as [UInt64])
    func matrixAgreesWithTheOracle(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let origins = Self.places(Int.random(in: 1 ... 25, using: &rng), prefix: "o", side: 30_000, using: &rng)
        let others = Self.places(15, prefix: "s", side: 30_000, using: &rng)
        let places = Array(origins.prefix(6)) + others
        // Whole minutes, so that many gains tie; some pairs missing.
        var table: [String: [String: Double]] = [:]
        for origin in origins {
            for place in places where Int.random(in: 0 ..< 5, using: &rng) > 0 {
                table[origin.communeCode, default: [:]][place.communeCode] = Double(Int.random(in: 0 ... 40, using: &rng))
            }
        }
        let model = MatrixModel(minutesByPair: table, source: "m.csv", missing: Bool.random(using: &rng) ? .crowfly : .unreachable)
        let c = try RecommendationCase.random("matrix, seed \(seed)", model: model.prepare(origins: origins), places: places, using: &rng)
        let problems = try RecommendationOracle.problems(c)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Four communes on a line, 10 km apart, 1 km a minute; threshold 5 minutes.
    func line(comparison: ThresholdComparison) -> (SiteRecommendation, [Place]) {
        let model = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        let origins = (0 ..< 4).map { Place(communeCode: "o\($0)", point: PlanarPoint(x: Double($0) * 10_000, y: 0)) }
        let prepared = PreparedCrowfly(model: model, origins: origins)
        let recommendation = SiteRecommendation(model: prepared, base: prepared.search(to: [], horizonMinutes: 5.01), thresholdMinutes: 5,
                                                comparison: comparison, weights: [100, 100, 50, 50])
        // c3 is 5.00004 minutes from o0 and 4.99996 from o1: both round to 5.00.
        let candidates = [20_000, 0, 10_000, 5_000.04, 25_000].map { Place(communeCode: "x", point: PlanarPoint(x: $0, y: 0)) }
        return (recommendation, candidates)
    }

    @Test func roundedTimesAtTheThresholdAreWithinItWhenStrict() throws {
        let (recommendation, candidates) = line(comparison: .strict)
        let result = try recommendation.maximalCovering(candidates: candidates, ids: ["c0", "c1", "c2", "c3", "c4"], count: 3)
        // c3 serves o0 and o1 (200), then c4 o2 and o3 (100); nothing is left to gain.
        #expect(result.sites.map(\.id) == ["c3", "c4"])
        #expect(result.sites.map(\.gainWeight) == [200, 100])
        #expect(result.sites.map(\.broughtWithin) == [[0, 1], [2, 3]])
        #expect(result.sites.map(\.beyondWeightAfter) == [100, 0])
        #expect(result.beyondWeightBefore == 300 && result.beyondWeightAfter == 0 && result.uncoverable.isEmpty)
        #expect(result.search.targets == [candidates[3], candidates[4]])
    }

    @Test func equalGainsGoToTheLowerCandidateIndex() throws {
        let (recommendation, candidates) = line(comparison: .inclusive)
        let result = try recommendation.maximalCovering(candidates: candidates, ids: ["c0", "c1", "c2", "c3", "c4"], count: 3)
        // At or beyond 5 minutes: c3 and c4 serve nobody; c1 and c2 tie at 100.
        #expect(result.sites.map(\.id) == ["c1", "c2", "c0"])
        #expect(result.sites.map(\.gainWeight) == [100, 100, 50])
        #expect(result.beyondWeightAfter == 50)
        #expect(result.uncoverable == [3])
        let all = try recommendation.coverAll(candidates: candidates, ids: ["c0", "c1", "c2", "c3", "c4"])
        #expect(all.sites.map(\.id) == ["c1", "c2", "c0"] && all.uncoverable == [3])
    }

    /// Ten candidates serving disjoint groups: after the first round, each pick costs one
    /// evaluation (the top's fresh gain still tops the other bounds), not one per
    /// remaining candidate.
    @Test func lazyGreedySavesEvaluations() throws {
        let model = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        let origins = (0 ..< 30).map { Place(communeCode: "o\($0)", point: PlanarPoint(x: Double($0 / 3) * 100_000 + Double($0 % 3) * 1000, y: 0)) }
        let prepared = PreparedCrowfly(model: model, origins: origins)
        let recommendation = SiteRecommendation(model: prepared, base: prepared.search(to: [], horizonMinutes: 100), thresholdMinutes: 10,
                                                weights: origins.indices.map { 10 * $0 + 1 })
        let candidates = (0 ..< 10).map { Place(communeCode: "c\($0)", point: PlanarPoint(x: Double($0) * 100_000 + 1000, y: 0)) }
        let result = try recommendation.maximalCovering(candidates: candidates, ids: candidates.map(\.communeCode), count: 3)
        #expect(result.sites.map(\.candidate) == [9, 8, 7])
        #expect(result.evaluations == 10 + 2, "a plain greedy makes 10 + 9 + 8")
        let all = try recommendation.coverAll(candidates: candidates, ids: candidates.map(\.communeCode))
        #expect(all.sites.map(\.candidate) == Array((0 ..< 10).reversed()))
        #expect(all.evaluations == 10 + 9)
        #expect(all.beyondWeightAfter == 0)
    }

    /// Origins of weight 0 do not count for maximal covering, but set covering covers them.
    @Test func setCoveringCoversOriginsOfWeightZero() throws {
        let model = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        let origins = [0.0, 50_000, 100_000].map { Place(communeCode: "o", point: PlanarPoint(x: $0, y: 0)) }
        let prepared = PreparedCrowfly(model: model, origins: origins)
        let recommendation = SiteRecommendation(model: prepared, base: prepared.search(to: [], horizonMinutes: 20), thresholdMinutes: 10,
                                                weights: [5, 0, 7])
        let candidates = [0.0, 50_000, 100_000].map { Place(communeCode: "c", point: PlanarPoint(x: $0, y: 0)) }
        let maximal = try recommendation.maximalCovering(candidates: candidates, ids: ["a", "b", "c"], count: 3)
        #expect(maximal.sites.map(\.id) == ["c", "a"])
        let all = try recommendation.coverAll(candidates: candidates, ids: ["a", "b", "c"])
        #expect(all.sites.map(\.id) == ["c", "a", "b"])
        #expect(all.sites.last?.gainWeight == 0 && all.sites.last?.broughtWithin == [1])
    }

    @Test func noCandidatesChooseNothing() throws {
        let (recommendation, _) = line(comparison: .strict)
        let result = try recommendation.maximalCovering(candidates: [], ids: [], count: 2)
        #expect(result.sites.isEmpty && result.evaluations == 0 && result.uncoverable == [0, 1, 2, 3])
        #expect(result.beyondWeightBefore == 300 && result.beyondWeightAfter == 300)
    }

    /// On an analysis: weighted by population, and the chosen sites added to the kept
    /// search of the layer and classified give the weight the recommendation reports.
    @Test func agreesWithTheClassifiedAnalysis() async throws {
        let input = ZoneGriseAnalysisTests().lineTerritory()
        let prepared = try ZoneGriseAnalysis().prepare(input, timeModel: CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false))
        let searches = try await prepared.searchAll()
        let recommendation = try prepared.siteRecommendation(.layer(0))
        #expect(recommendation.weights == prepared.communes.map(\.population))
        #expect(recommendation.thresholdMinutes == 30 && recommendation.base.horizonMinutes == 30.01)
        let candidates = prepared.communes.map { Place(communeCode: $0.code, point: $0.centre) }
        let result = try recommendation.maximalCovering(candidates: candidates, ids: prepared.communes.map(\.code), count: 2)

        var access = prepared.classify(searches.layers[0])
        let beyondBefore = prepared.communes.indices.filter { access[$0].isBeyond }
        #expect(result.beyondWeightBefore == beyondBefore.reduce(0) { $0 + prepared.communes[$1].population })
        var search = searches.layers[0]
        for site in result.sites {
            let was = access
            search = try prepared.search(search, adding: [site.place], ids: [site.id])
            prepared.reclassify(&access, search: search, communes: prepared.communes.indices)
            #expect(site.broughtWithin == prepared.communes.indices.filter { was[$0].isBeyond && !access[$0].isBeyond })
            #expect(site.beyondWeightAfter == prepared.communes.indices.filter { access[$0].isBeyond }
                .reduce(0) { $0 + prepared.communes[$1].population })
        }
        // Communes 0–3 (at 54 to 36 km from the site) are all within 30 km of commune 0.
        #expect(result.sites.map(\.id) == ["99000"] && result.sites[0].broughtWithin == [0, 1, 2, 3])
    }
}
