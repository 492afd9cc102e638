import Testing
@testable import ZonegriseCore
import ZonegriseTestSupport

@Suite struct CrowflyModelTests {
    @Test func minutesFollowDistanceDetourAndSpeed() {
        let model = CrowflyModel(speedKmh: 60, detour: 1.5, intraCommune: false)
        // 10 km × 1.5 at 60 km/h = 15 minutes.
        #expect(abs(model.minutes(distanceMetres: 10_000) - 15) < 1e-12)
    }

    @Test func intraCommuneTermIsTwoThirdsOfTheRadius() {
        let model = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: true)
        let area = Double.pi * 3000 * 3000 // a disc of radius 3 km
        #expect(abs(model.intraCommuneMinutes(areaSquareMetres: area) - 2) < 1e-9)
        #expect(CrowflyModel(intraCommune: false).intraCommuneMinutes(areaSquareMetres: area) == 0)
    }

    /// Oracle: the batch search equals the minimum over all targets of the pairwise time.
    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func nearestMatchesPairwiseMinimum(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let model = CrowflyModel(speedKmh: Double.random(in: 30 ... 90, using: &rng),
                                 detour: Double.random(in: 1 ... 1.6, using: &rng), intraCommune: Bool.random(using: &rng))
        func place(_ i: Int) -> Place {
            Place(communeCode: String(format: "%05d", i),
                  point: PlanarPoint(x: .random(in: 0 ... 50_000, using: &rng), y: .random(in: 0 ... 50_000, using: &rng)),
                  communeAreaSquareMetres: .random(in: 1e5 ... 5e7, using: &rng))
        }
        let origins = (0 ..< 200).map(place)
        let targets = (0 ..< Int.random(in: 1 ... 30, using: &rng)).map(place)
        let found = model.nearest(from: origins, to: targets, horizonMinutes: 60)
        for (origin, hit) in zip(origins, found) {
            let expected = targets.map { model.minutes(from: origin, to: $0) }.min()!
            #expect(abs(hit!.minutes - expected) < 1e-9, "seed \(seed)")
        }
    }
}

@Suite struct MatrixModelTests {
    let a = Place(communeCode: "00001", point: PlanarPoint(x: 0, y: 0))
    let b = Place(communeCode: "00002", point: PlanarPoint(x: 6000, y: 0))
    let c = Place(communeCode: "00003", point: PlanarPoint(x: 12000, y: 0))

    @Test func picksTheFastestListedPair() throws {
        let model = MatrixModel(minutesByPair: ["00001": ["00002": 9, "00003": 7]], source: "m.csv")
        let found = try model.nearest(from: [a], to: [b, c], horizonMinutes: 60)
        #expect(found == [NearestTarget(target: 1, minutes: 7)])
    }

    @Test func ownCommuneIsZeroUnlessListed() throws {
        let model = MatrixModel(minutesByPair: ["00001": ["00002": 9]], source: "m.csv")
        #expect(try model.nearest(from: [a], to: [b, a], horizonMinutes: 60) == [NearestTarget(target: 1, minutes: 0)])
        let listed = MatrixModel(minutesByPair: ["00001": ["00001": 3, "00002": 9]], source: "m.csv")
        #expect(try listed.nearest(from: [a], to: [b, a], horizonMinutes: 60) == [NearestTarget(target: 1, minutes: 3)])
    }

    @Test func missingPairsAreAnErrorNamingTheFirstPair() {
        let model = MatrixModel(minutesByPair: ["00001": ["00002": 9]], source: "m.csv", missing: .error)
        #expect(throws: TimeModelError.missingPairs(file: "m.csv", firstOrigin: "00001", firstDestination: "00003", count: 1)) {
            _ = try model.nearest(from: [a], to: [b, c], horizonMinutes: 60)
        }
        let message = TimeModelError.missingPairs(file: "m.csv", firstOrigin: "00001", firstDestination: "00003", count: 4).description
        #expect(message.contains("m.csv") && message.contains("00001 to 00003") && message.contains("3 more"))
    }

    @Test func missingPairsFallBackOrAreUnreachable() throws {
        let crowfly = CrowflyModel(speedKmh: 60, detour: 1, intraCommune: false)
        let fallback = MatrixModel(minutesByPair: ["00001": ["00003": 30]], source: "m.csv", missing: .crowfly, fallback: crowfly)
        // b is 6 km away: 6 minutes by crow fly, better than c's 30.
        #expect(try fallback.nearest(from: [a], to: [b, c], horizonMinutes: 60) == [NearestTarget(target: 0, minutes: 6)])
        let unreachable = MatrixModel(minutesByPair: [:], source: "m.csv", missing: .unreachable)
        #expect(try unreachable.nearest(from: [a], to: [b, c], horizonMinutes: 60) == [nil])
    }
}
