import Testing
import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

/// The properties of the analysis (issue 8) on the road model, on the random networks of
/// `RoadNetworkTimeModelTests`: adding a target never increases an origin's time to its
/// nearest target, removing one never decreases it, and the nearest time is the least of
/// the one-target times. Failures name their seed.
@Suite struct RoadModelPropertyTests {
    static func minutes(_ model: RoadNetworkTimeModel, _ origins: [Place], _ targets: [Place]) throws -> [Double] {
        try model.nearest(from: origins, to: targets, horizonMinutes: 1e6).map { $0?.minutes ?? .infinity }
    }

    @Test(arguments: Array(1 ... 30) as [UInt64])
    func addingATargetNeverIncreasesATimeAndRemovingOneNeverDecreasesIt(seed: UInt64) throws {
        let network = RoadNetworkTimeModelTests.network(seed: seed)
        let graph = RoadGraph(network.list)
        guard graph.edgeCount > 0 else { return }
        let model = RoadNetworkTimeModel(graph: graph, offRoadSpeedKmh: 15)
        var rng = SplitMix64(seed: seed ^ 0x70AD)
        let base = try Self.minutes(model, network.origins, network.targets)
        let added = network.targets + [network.origins[Int.random(in: 0 ..< network.origins.count, using: &rng)]]
        for (i, (after, before)) in zip(try Self.minutes(model, network.origins, added), base).enumerated() {
            #expect(after <= before, "seed \(seed) origin \(i): a target added, \(before) → \(after) minutes")
        }
        if network.targets.count > 1 {
            var fewer = network.targets
            fewer.remove(at: Int.random(in: 0 ..< fewer.count, using: &rng))
            for (i, (after, before)) in zip(try Self.minutes(model, network.origins, fewer), base).enumerated() {
                #expect(after >= before, "seed \(seed) origin \(i): a target removed, \(before) → \(after) minutes")
            }
        }
        // The multi-source search equals the least of single-target searches.
        let single = try network.targets.map { try Self.minutes(model, network.origins, [$0]) }
        for i in network.origins.indices {
            let least = single.map { $0[i] }.min() ?? .infinity
            #expect(abs(base[i] - least) <= 1e-9 || base[i] == least, "seed \(seed) origin \(i): nearest \(base[i]), least single \(least)")
        }
    }
}
