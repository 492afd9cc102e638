import Testing
import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

/// Oracles for "prepare once, query many": a search bounded by kept results, and a kept
/// road search extended with more targets, against searching everything again.
@Suite struct IncrementalSearchTests {
    /// Seeds run on top of kept results give, per node, the minimum over everything
    /// seeded so far, and label only nodes they strictly improve.
    @Test(arguments: 1 ... 40 as ClosedRange<UInt64>)
    func boundedSearchEqualsTheSearchOfAllSeeds(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 1 ... 80, using: &rng)
        let maxTime = [UInt32(3), 50, 5_000].randomElement(using: &rng)!
        let list = RandomGraphs.edgeList(nodeCount: n, edgeCount: Int.random(in: 0 ... 4 * n, using: &rng),
                                         maxDeciseconds: maxTime, using: &rng)
        let graph = RoadGraph(list)
        func seeds() -> [(node: Int32, deciseconds: UInt32)] {
            (0 ..< Int.random(in: 0 ... 5, using: &rng)).map { _ in
                (Int32.random(in: 0 ..< Int32(n), using: &rng), Bool.random(using: &rng) ? 0 : UInt32.random(in: 0 ... 3 * maxTime, using: &rng))
            }
        }
        let horizon = Bool.random(using: &rng) ? UInt32.max : UInt32.random(in: 0 ... 6 * maxTime, using: &rng)
        let rounds = [seeds(), seeds(), seeds()]
        for queue in MultiSourceSearch.Queue.allCases {
            for direction in [MultiSourceSearch.Direction.towardSeeds, .fromSeeds] {
                var kept: [SearchResult] = []
                var all: [(node: Int32, deciseconds: UInt32)] = []
                for (round, added) in rounds.enumerated() {
                    let context = "seed \(seed), \(queue), \(direction), round \(round)"
                    var incremental = MultiSourceSearch(graph: graph, queue: queue)
                    let layer = incremental.run(seeds: added, horizonDeciseconds: horizon, direction: direction, improvingOn: kept)
                    func keptTime(_ v: Int32) -> UInt32? { kept.compactMap { $0.deciseconds(v) }.min() }
                    for v in 0 ..< Int32(n) {
                        if let improved = layer.deciseconds(v) {
                            #expect(keptTime(v).map { improved < $0 } ?? true, "\(context): node \(v) labelled without improving")
                        }
                    }
                    kept.append(layer)
                    all += added
                    var full = MultiSourceSearch(graph: graph, queue: queue)
                    let expected = full.run(seeds: all, horizonDeciseconds: horizon, direction: direction)
                    let got = (0 ..< Int32(n)).map(keptTime)
                    #expect(got == (0 ..< Int32(n)).map { expected.deciseconds($0) }, "\(context)")
                }
            }
        }
    }

    /// A kept road search extended with more targets answers every origin as a search
    /// of all the targets does: the same minutes, and the same target unless two
    /// targets tie.
    @Test(arguments: Array(1 ... 40) as [UInt64])
    func addingTargetsEqualsSearchingThemAll(seed: UInt64) throws {
        let network = RoadNetworkTimeModelTests.network(seed: seed)
        let graph = RoadGraph(network.list)
        guard graph.edgeCount > 0 else { return }
        var rng = SplitMix64(seed: seed &* 31)
        let model = RoadNetworkTimeModel(graph: graph, offRoadSpeedKmh: 15)
        let prepared = model.prepare(origins: network.origins)
        let extra = (0 ..< Int.random(in: 1 ... 4, using: &rng)).map { i in
            Place(communeCode: "x\(i)", point: PlanarPoint(x: .random(in: -300 ... 3500, using: &rng), y: .random(in: -300 ... 3500, using: &rng)))
        }
        let horizon = Bool.random(using: &rng) ? 1e6 : Double.random(in: 0.5 ... 6, using: &rng)
        let split = Int.random(in: 0 ... extra.count, using: &rng)
        let base = try prepared.search(to: network.targets, horizonMinutes: horizon)
        let once = try prepared.adding(Array(extra[..<split]), to: base)
        let twice = try prepared.adding(Array(extra[split...]), to: once)
        let full = try prepared.search(to: network.targets + extra, horizonMinutes: horizon)
        #expect(twice.targets == full.targets)
        for (i, (got, want)) in zip(twice.nearest, full.nearest).enumerated() {
            let context = "seed \(seed) origin \(i) horizon \(horizon)"
            #expect(got?.minutes == want?.minutes, "\(context): \(String(describing: got)) vs \(String(describing: want))")
            if let got, let want, got.target != want.target {
                // Only a tie may name another target: that target is as fast.
                let single = try prepared.search(to: [full.targets[got.target]], horizonMinutes: horizon).nearest[i]
                #expect(single?.minutes == want.minutes, "\(context): names target \(got.target), not \(want.target)")
            }
        }
        // The catchment of every node is a target at the node's time.
        let road = try #require(twice as? RoadTargetSearch)
        let fullRoad = try #require(full as? RoadTargetSearch)
        for node in 0 ..< Int32(graph.nodeCount) {
            #expect(road.nodeTime(node)?.deciseconds == fullRoad.nodeTime(node)?.deciseconds, "seed \(seed) node \(node)")
        }
    }

    /// Origins are snapped once, when prepared, and far ones are reported from the kept snaps.
    @Test func preparedNetworkReportsFarOrigins() {
        let list = RoadEdgeList(nodeIDs: [1, 2], coordinates: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1000, y: 0)],
                                edges: [RoadEdge(from: 0, to: 1, deciseconds: 600), RoadEdge(from: 1, to: 0, deciseconds: 600)])
        let model = RoadNetworkTimeModel(graph: RoadGraph(list))
        let origins = [Place(communeCode: "a", point: PlanarPoint(x: 500, y: 10)),
                       Place(communeCode: "b", point: PlanarPoint(x: 500, y: 2500))]
        let prepared = PreparedRoadNetwork(model: model, origins: origins)
        let far = prepared.farOrigins(limitMetres: 1000)
        #expect(far.map(\.index) == [1])
        #expect(far.first?.metres == 2500)
        #expect(model.farPlaces(origins.map(\.point), limitMetres: 1000).map(\.index) == [1])
    }
}
