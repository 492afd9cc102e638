import Testing
import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

/// `PreparedRoadNetwork.contractingChains()`: searches extended on the contracted graph
/// give what a search of every target on the full graph gives, at every origin and at
/// every node (oracle: the full search, on random networks whose roads are drawn with
/// shape nodes, oneway or two-way with different times each way).
@Suite struct ContractedSearchTests {
    /// A jittered grid of junctions whose links carry 0–4 shape nodes each.
    static func network(seed: UInt64) -> (graph: RoadGraph, origins: [Place], targets: [Place], extra: [Place]) {
        var rng = SplitMix64(seed: seed)
        let side = Int.random(in: 2 ... 5, using: &rng)
        var coordinates: [PlanarPoint] = []
        for y in 0 ..< side {
            for x in 0 ..< side {
                coordinates.append(PlanarPoint(x: Double(x) * 800 + .random(in: -150 ... 150, using: &rng),
                                               y: Double(y) * 800 + .random(in: -150 ... 150, using: &rng)))
            }
        }
        var edges: [RoadEdge] = []
        func link(_ a: Int, _ b: Int) {
            guard Double.random(in: 0 ... 1, using: &rng) > 0.15 else { return }
            var path = [a]
            for k in 0 ..< Int.random(in: 0 ... 4, using: &rng) {
                let f = Double(k + 1) / 6
                coordinates.append(PlanarPoint(x: coordinates[a].x + (coordinates[b].x - coordinates[a].x) * f + .random(in: -60 ... 60, using: &rng),
                                               y: coordinates[a].y + (coordinates[b].y - coordinates[a].y) * f + .random(in: -60 ... 60, using: &rng)))
                path.append(coordinates.count - 1)
            }
            path.append(b)
            let kind = Int.random(in: 0 ..< 10, using: &rng)
            for k in 0 ..< path.count - 1 {
                let (p, q) = (path[k], path[k + 1])
                let time = UInt32(coordinates[p].distance(to: coordinates[q]) / (Double.random(in: 20 ... 90, using: &rng) / 3.6) * 10) + 1
                if kind != 1 { edges.append(RoadEdge(from: Int32(p), to: Int32(q), deciseconds: time)) }
                if kind != 0 { edges.append(RoadEdge(from: Int32(q), to: Int32(p), deciseconds: time + UInt32.random(in: 0 ... 5, using: &rng))) }
            }
        }
        for y in 0 ..< side {
            for x in 0 ..< side {
                if x + 1 < side { link(y * side + x, y * side + x + 1) }
                if y + 1 < side { link(y * side + x, (y + 1) * side + x) }
            }
        }
        let extent = Double(side) * 800
        func places(_ prefix: String, _ count: Int) -> [Place] {
            (0 ..< count).map {
                Place(communeCode: "\(prefix)\($0)", point: PlanarPoint(x: .random(in: -300 ... extent, using: &rng), y: .random(in: -300 ... extent, using: &rng)))
            }
        }
        let list = RoadEdgeList(nodeIDs: coordinates.indices.map { Int64($0) }, coordinates: coordinates, edges: edges)
        return (RoadGraph(list), places("o", Int.random(in: 1 ... 12, using: &rng)), places("t", Int.random(in: 0 ... 3, using: &rng)),
                places("x", Int.random(in: 1 ... 5, using: &rng)))
    }

    @Test(arguments: 1 ... 60 as ClosedRange<UInt64>)
    func extendingOnContractedChainsEqualsSearchingEveryTarget(seed: UInt64) throws {
        let network = Self.network(seed: seed)
        guard network.graph.edgeCount > 0 else { return }
        var rng = SplitMix64(seed: seed &* 977)
        let model = RoadNetworkTimeModel(graph: network.graph, offRoadSpeedKmh: 15)
        let prepared = PreparedRoadNetwork(model: model, origins: network.origins)
        let contracted = prepared.contractingChains()
        let chains = try #require(contracted.chains)
        #expect(chains.graph.nodeCount <= network.graph.nodeCount)
        let horizon = Bool.random(using: &rng) ? 1e6 : Double.random(in: 0.5 ... 8, using: &rng)
        let split = Int.random(in: 0 ... network.extra.count, using: &rng)
        // The base is searched on the full graph, as the analysis does; both extensions
        // run on the contracted one (the second over a contracted layer).
        let base = prepared.search(to: network.targets, horizonMinutes: horizon)
        let once = contracted.adding(Array(network.extra[..<split]), to: base)
        // The second extension is asked of either model: a base with contracted layers
        // is extended on the same chains.
        let twice = (Bool.random(using: &rng) ? contracted : prepared).adding(Array(network.extra[split...]), to: once)
        let full = prepared.search(to: network.targets + network.extra, horizonMinutes: horizon)
        #expect(twice.targets == full.targets)
        for (i, (got, want)) in zip(twice.nearest, full.nearest).enumerated() {
            let context = "seed \(seed) origin \(i) horizon \(horizon)"
            #expect(got?.minutes == want?.minutes, "\(context): \(String(describing: got)) vs \(String(describing: want))")
            if let got, let want, got.target != want.target {
                // Only a tie may name another target: that target is as fast.
                let single = prepared.search(to: [full.targets[got.target]], horizonMinutes: horizon).nearest[i]
                #expect(single?.minutes == want.minutes, "\(context): names target \(got.target), not \(want.target)")
            }
        }
        let road = try #require(twice as? RoadTargetSearch)
        let fullRoad = try #require(full as? RoadTargetSearch)
        for node in 0 ..< Int32(network.graph.nodeCount) {
            let got = road.nodeTime(node), want = fullRoad.nodeTime(node)
            #expect(got?.deciseconds == want?.deciseconds, "seed \(seed) node \(node) (junction: \(chains.junction(node) != nil))")
            if let got, let want, got.target != want.target {
                let single = try #require(prepared.search(to: [full.targets[got.target]], horizonMinutes: horizon) as? RoadTargetSearch)
                #expect(single.nodeTime(node)?.deciseconds == want.deciseconds, "seed \(seed) node \(node): catchment \(got.target)")
            }
        }
    }

    /// One road of six segments between two junctions, two-way with different times each
    /// way, plus a oneway loop: the shape nodes go, the origins' segment ends stay, and
    /// a site added in the middle of the road is found from both ends.
    @Test func chainsAreContractedAroundTheOrigins() {
        var coordinates = (0 ... 6).map { PlanarPoint(x: Double($0) * 100, y: 0) }
        coordinates += [PlanarPoint(x: 600, y: 100), PlanarPoint(x: 300, y: 150)]
        var edges: [RoadEdge] = []
        for k in 0 ..< 6 {
            edges.append(RoadEdge(from: Int32(k), to: Int32(k + 1), deciseconds: 10))
            edges.append(RoadEdge(from: Int32(k + 1), to: Int32(k), deciseconds: 12))
        }
        // Oneway loop 6 → 7 → 8 → 0.
        edges += [RoadEdge(from: 6, to: 7, deciseconds: 15), RoadEdge(from: 7, to: 8, deciseconds: 30), RoadEdge(from: 8, to: 0, deciseconds: 30)]
        let graph = RoadGraph(RoadEdgeList(nodeIDs: coordinates.indices.map { Int64($0) }, coordinates: coordinates, edges: edges))
        let model = RoadNetworkTimeModel(graph: graph, offRoadSpeedKmh: 15)
        let origins = [Place(communeCode: "a", point: PlanarPoint(x: -20, y: 0)), Place(communeCode: "b", point: PlanarPoint(x: 580, y: -10))]
        let prepared = PreparedRoadNetwork(model: model, origins: origins)
        let contracted = prepared.contractingChains()
        // Junctions: node 0 (degree 3) and 6 (degree 3); every other node is a shape node,
        // but the origins' segments (0–1 and 5–6) keep their ends.
        let kept = (0 ..< Int32(graph.nodeCount)).filter { contracted.chains?.junction($0) != nil }
        #expect(kept == [0, 1, 5, 6])
        let base = prepared.search(to: [], horizonMinutes: 60)
        let site = [Place(communeCode: "s", point: PlanarPoint(x: 300, y: 5))]
        let got = contracted.adding(site, to: base).nearest
        let want = prepared.search(to: site, horizonMinutes: 60).nearest
        #expect(got == want)
        #expect(got.allSatisfy { $0 != nil })
    }
}
