import Testing
import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

/// Oracle for the road model: an independent computation that splits every snapped
/// segment at the snapped points, joins each place to its snapped point by an off-road
/// edge, and runs a plain O(n²) Dijkstra from each origin.
@Suite struct RoadNetworkTimeModelTests {
    struct RandomNetwork {
        var list: RoadEdgeList
        var origins: [Place]
        var targets: [Place]
    }

    /// A jittered grid of streets, some oneway, some missing, then random places.
    static func network(seed: UInt64) -> RandomNetwork {
        var rng = SplitMix64(seed: seed)
        let side = Int.random(in: 3 ... 7, using: &rng)
        var coordinates: [PlanarPoint] = []
        for y in 0 ..< side {
            for x in 0 ..< side {
                coordinates.append(PlanarPoint(x: Double(x) * 500 + .random(in: -100 ... 100, using: &rng),
                                               y: Double(y) * 500 + .random(in: -100 ... 100, using: &rng)))
            }
        }
        var edges: [RoadEdge] = []
        func link(_ a: Int, _ b: Int) {
            guard Double.random(in: 0 ... 1, using: &rng) > 0.1 else { return }
            let time = UInt32(coordinates[a].distance(to: coordinates[b]) / (Double.random(in: 20 ... 90, using: &rng) / 3.6) * 10) + 1
            switch Int.random(in: 0 ..< 10, using: &rng) {
            case 0: edges.append(RoadEdge(from: Int32(a), to: Int32(b), deciseconds: time))
            case 1: edges.append(RoadEdge(from: Int32(b), to: Int32(a), deciseconds: time))
            default:
                edges.append(RoadEdge(from: Int32(a), to: Int32(b), deciseconds: time))
                edges.append(RoadEdge(from: Int32(b), to: Int32(a), deciseconds: time + UInt32.random(in: 0 ... 3, using: &rng)))
            }
        }
        for y in 0 ..< side {
            for x in 0 ..< side {
                if x + 1 < side { link(y * side + x, y * side + x + 1) }
                if y + 1 < side { link(y * side + x, (y + 1) * side + x) }
            }
        }
        func place(_ i: Int) -> Place {
            Place(communeCode: "p\(i)", point: PlanarPoint(x: .random(in: -300 ... Double(side) * 500, using: &rng),
                                                          y: .random(in: -300 ... Double(side) * 500, using: &rng)))
        }
        let list = RoadEdgeList(nodeIDs: coordinates.indices.map(Int64.init), coordinates: coordinates, edges: edges)
        return RandomNetwork(list: list, origins: (0 ..< 12).map(place), targets: (0 ..< Int.random(in: 1 ... 5, using: &rng)).map { place(100 + $0) })
    }

    /// Minutes from each origin to its nearest target by the split-graph construction.
    static func oracle(_ model: RoadNetworkTimeModel, _ network: RandomNetwork) -> [Double?] {
        let graph = model.graph
        var coordinates = graph.coordinates
        var arcs: [(Int, Int, Double)] = []
        for a in 0 ..< graph.nodeCount {
            for e in graph.edgesOut(of: Int32(a)) { arcs.append((a, Int(e.node), Double(e.deciseconds))) }
        }
        // Split snapped segments: every place adds a snap node and a place node.
        var splits: [UInt64: [(fraction: Double, node: Int)]] = [:]
        var placeNode: [Int] = []
        let places = network.origins + network.targets
        for place in places {
            let snap = model.snap(place.point)!
            let snapNode = coordinates.count
            coordinates.append(snap.point)
            let node = coordinates.count
            coordinates.append(place.point)
            let offRoad = snap.distanceMetres / (model.offRoadSpeedKmh / 3.6) * 10
            arcs.append((node, snapNode, offRoad))
            arcs.append((snapNode, node, offRoad))
            splits[UInt64(UInt32(snap.u)) << 32 | UInt64(UInt32(snap.v)), default: []].append((snap.fraction, snapNode))
            // A point snapped onto an end of its segment is that node.
            if snap.fraction == 0 { arcs += [(snapNode, Int(snap.u), 0), (Int(snap.u), snapNode, 0)] }
            if snap.fraction == 1 { arcs += [(snapNode, Int(snap.v), 0), (Int(snap.v), snapNode, 0)] }
            placeNode.append(node)
        }
        var split: [(Int, Int, Double)] = []
        for arc in arcs {
            let a = min(arc.0, arc.1), b = max(arc.0, arc.1)
            guard a < graph.nodeCount, b < graph.nodeCount, let cuts = splits[UInt64(a) << 32 | UInt64(b)] else {
                split.append(arc)
                continue
            }
            // Walk the segment from arc.0 to arc.1 through the snap nodes in order.
            let forward = arc.0 == a
            let ordered = cuts.sorted { forward ? $0.fraction < $1.fraction : $0.fraction > $1.fraction }
            var previous = arc.0, position = forward ? 0.0 : 1.0
            for cut in ordered {
                split.append((previous, cut.node, abs(cut.fraction - position) * arc.2))
                previous = cut.node
                position = cut.fraction
            }
            split.append((previous, arc.1, abs((forward ? 1.0 : 0.0) - position) * arc.2))
        }
        let n = coordinates.count
        var adjacency = [[(Int, Double)]](repeating: [], count: n)
        for (a, b, w) in split { adjacency[a].append((b, w)) }
        return network.origins.indices.map { o -> Double? in
            var distance = [Double](repeating: .infinity, count: n)
            var done = [Bool](repeating: false, count: n)
            distance[placeNode[o]] = 0
            for _ in 0 ..< n {
                var u = -1
                for i in 0 ..< n where !done[i] && distance[i] < .infinity && (u < 0 || distance[i] < distance[u]) { u = i }
                if u < 0 { break }
                done[u] = true
                for (v, w) in adjacency[u] where distance[u] + w < distance[v] { distance[v] = distance[u] + w }
            }
            let best = network.targets.indices.map { distance[placeNode[network.origins.count + $0]] }.min()!
            return best.isFinite ? best / 600 : nil
        }
    }

    @Test(arguments: Array(1 ... 40) as [UInt64])
    func nearestEqualsTheSplitGraphOracle(seed: UInt64) throws {
        let network = Self.network(seed: seed)
        let graph = RoadGraph(network.list)
        guard graph.edgeCount > 0 else { return }
        let model = RoadNetworkTimeModel(graph: graph, offRoadSpeedKmh: 15)
        let found = try model.nearest(from: network.origins, to: network.targets, horizonMinutes: 1e6)
        let expected = Self.oracle(model, network)
        for (i, (hit, want)) in zip(found, expected).enumerated() {
            // Seeds are rounded to whole deciseconds: allow one per rounding.
            if let want {
                let got = try #require(hit, "seed \(seed) origin \(i): expected \(want) min, got nothing")
                #expect(abs(got.minutes - want) <= 2.0 / 600, "seed \(seed) origin \(i): \(got.minutes) vs \(want)")
            } else {
                #expect(hit == nil, "seed \(seed) origin \(i): expected unreachable")
            }
        }
    }

    /// A place snapped onto the node where a one-way segment starts or ends is at that
    /// node: it may use the node's other roads (it is not inside the one-way segment).
    @Test func placeOnTheEndOfAOnewaySegmentUsesTheOtherEdgesOfItsNode() throws {
        // 0 → 1 one-way (1 km, 100 s); 0 ⇄ 2 two-way (1 km, 60 s); 1 ⇄ 2 two-way (60 s).
        let list = RoadEdgeList(nodeIDs: [1, 2, 3],
                                coordinates: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1000, y: 0), PlanarPoint(x: 0, y: 1000)],
                                edges: [RoadEdge(from: 0, to: 1, deciseconds: 1000),
                                        RoadEdge(from: 0, to: 2, deciseconds: 600), RoadEdge(from: 2, to: 0, deciseconds: 600),
                                        RoadEdge(from: 1, to: 2, deciseconds: 600), RoadEdge(from: 2, to: 1, deciseconds: 600)])
        let model = RoadNetworkTimeModel(graph: RoadGraph(list))
        func place(_ x: Double, _ y: Double) -> Place { Place(communeCode: "p", point: PlanarPoint(x: x, y: y)) }
        // Node 0 lies on segments 0-1 and 0-2; the tie goes to 0-1 (fraction 0).
        #expect(model.snap(PlanarPoint(x: 0, y: 0)).map { [$0.u, $0.v] } == [0, 1])
        // From node 0 to node 2: 60 s by 0 → 2 (not 100 + 60 s through node 1).
        #expect(try model.nearest(from: [place(0, 0)], to: [place(0, 1000)], horizonMinutes: 60).first??.minutes == 1)
        // Beyond the end: (-300, 0) snaps to node 0 at fraction 0 too, 300 m off the road (72 s at 15 km/h).
        let hit = try #require(try model.nearest(from: [place(-300, 0)], to: [place(0, 1000)], horizonMinutes: 60).first ?? nil)
        #expect(abs(hit.minutes - (72 + 60) / 60.0) < 1e-9)
        // To node 0 from node 2: 60 s, whatever the direction of the segment node 0 snapped to.
        #expect(try model.nearest(from: [place(0, 1000)], to: [place(0, 0)], horizonMinutes: 60).first??.minutes == 1)
        // Reversed graph: 1 → 0 one-way; a target at node 0 is reached by 2 → 0.
        let reversed = RoadEdgeList(nodeIDs: list.nodeIDs, coordinates: list.coordinates,
                                    edges: list.edges.map { $0.from == 0 && $0.to == 1 ? RoadEdge(from: 1, to: 0, deciseconds: 1000) : $0 })
        let other = RoadNetworkTimeModel(graph: RoadGraph(reversed))
        #expect(try other.nearest(from: [place(0, 1000)], to: [place(0, 0)], horizonMinutes: 60).first??.minutes == 1)
        #expect(try other.nearest(from: [place(0, 0)], to: [place(0, 1000)], horizonMinutes: 60).first??.minutes == 1)
    }

    @Test func horizonTurnsFarTargetsIntoNothing() throws {
        // Two nodes 6 km apart at 60 km/h: 6 minutes.
        let list = RoadEdgeList(nodeIDs: [1, 2], coordinates: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 6000, y: 0)],
                                edges: [RoadEdge(from: 0, to: 1, deciseconds: 3600), RoadEdge(from: 1, to: 0, deciseconds: 3600)])
        let model = RoadNetworkTimeModel(graph: RoadGraph(list))
        let origin = Place(communeCode: "a", point: PlanarPoint(x: 0, y: 0))
        let target = Place(communeCode: "b", point: PlanarPoint(x: 6000, y: 0))
        #expect(try model.nearest(from: [origin], to: [target], horizonMinutes: 10).first??.minutes == 6)
        #expect(try model.nearest(from: [origin], to: [target], horizonMinutes: 5) == [nil])
    }

    @Test func offRoadLegIsCostedAtTheSlowSpeed() throws {
        let list = RoadEdgeList(nodeIDs: [1, 2], coordinates: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 6000, y: 0)],
                                edges: [RoadEdge(from: 0, to: 1, deciseconds: 3600), RoadEdge(from: 1, to: 0, deciseconds: 3600)])
        let model = RoadNetworkTimeModel(graph: RoadGraph(list), offRoadSpeedKmh: 15)
        // 1 km off the road at 15 km/h = 4 minutes, then 3 km of road at 60 km/h = 3 minutes.
        let origin = Place(communeCode: "a", point: PlanarPoint(x: 3000, y: 1000))
        let target = Place(communeCode: "b", point: PlanarPoint(x: 6000, y: 0))
        let hit = try #require(try model.nearest(from: [origin], to: [target], horizonMinutes: 60).first ?? nil)
        #expect(abs(hit.minutes - 7) < 1e-9)
        #expect(model.snap(origin.point)?.distanceMetres == 1000)
    }
}
