import ZonegriseTestSupport
import Testing
import ZonegriseCore
@testable import ZonegriseRouting

/// `RoadGraph(validatingNodeIDs:…)`, the way back from stored CSR arrays: a graph's own
/// arrays give the same graph; any broken invariant gives nil, never a crash.
@Suite struct RoadGraphValidatingTests {
    /// A random graph whose times are all at least 1 (stored graphs never hold 0).
    static func graph(seed: UInt64) -> RoadGraph {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 1 ... 40, using: &rng)
        var list = RandomGraphs.edgeList(nodeCount: n, edgeCount: Int.random(in: 0 ... 200, using: &rng), maxDeciseconds: 20, using: &rng)
        list.edges = list.edges.map { RoadEdge(from: $0.from, to: $0.to, deciseconds: max($0.deciseconds, 1)) }
        return RoadGraph(list)
    }

    static func rebuilt(_ g: RoadGraph, firstOut: [Int32]? = nil, head: [Int32]? = nil, weight: [UInt32]? = nil,
                        coordinates: [PlanarPoint]? = nil) -> RoadGraph? {
        RoadGraph(validatingNodeIDs: g.nodeIDs, coordinates: coordinates ?? g.coordinates,
                  firstOut: firstOut ?? g.firstOut, head: head ?? g.head, weight: weight ?? g.weight)
    }

    @Test(arguments: 1 ... 20 as ClosedRange<UInt64>)
    func ownArraysGiveTheSameGraph(seed: UInt64) throws {
        let g = Self.graph(seed: seed)
        let back = try #require(Self.rebuilt(g), "seed \(seed)")
        #expect(back.nodeCount == g.nodeCount && back.nodeIDs == g.nodeIDs && back.coordinates == g.coordinates)
        #expect(back.firstOut == g.firstOut && back.head == g.head && back.weight == g.weight)
        #expect(back.firstIn == g.firstIn && back.tail == g.tail && back.weightIn == g.weightIn)
        #expect(back.maxDeciseconds == g.maxDeciseconds)
    }

    /// A damaged cache whose coordinates are not numbers: nil, not a trap when the
    /// places are snapped (`Int(nan)` in the segment grid).
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteCoordinateIsRefused(value: Double) throws {
        let g = Self.graph(seed: 7)
        var coordinates = g.coordinates
        coordinates[coordinates.count / 2].y = value
        #expect(Self.rebuilt(g, coordinates: coordinates) == nil)
        #expect(Self.rebuilt(g) != nil)
    }

    @Test func emptyGraph() throws {
        let back = try #require(RoadGraph(validatingNodeIDs: [], coordinates: [], firstOut: [0], head: [], weight: []))
        #expect(back.nodeCount == 0 && back.edgeCount == 0 && back.firstIn == [0])
        #expect(RoadGraph(validatingNodeIDs: [], coordinates: [], firstOut: [], head: [], weight: []) == nil)
    }

    /// 0 → 1 (5), 0 → 2 (7), 1 → 2 (3), 2 → 0 (4), each invariant broken once.
    @Test func everyBrokenInvariantIsRefused() {
        let points = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0), PlanarPoint(x: 0, y: 1)]
        let g = RoadGraph(RoadEdgeList(nodeIDs: [1, 2, 3], coordinates: points, edges: [
            RoadEdge(from: 0, to: 1, deciseconds: 5), RoadEdge(from: 0, to: 2, deciseconds: 7),
            RoadEdge(from: 1, to: 2, deciseconds: 3), RoadEdge(from: 2, to: 0, deciseconds: 4)]))
        #expect(g.firstOut == [0, 2, 3, 4] && g.head == [1, 2, 2, 0])
        #expect(Self.rebuilt(g) != nil)
        let broken: [(String, RoadGraph?)] = [
            ("a coordinate short", Self.rebuilt(g, coordinates: Array(points.dropLast()))),
            ("an offset short", Self.rebuilt(g, firstOut: [0, 2, 4])),
            ("a time short", Self.rebuilt(g, weight: [5, 7, 3])),
            ("first offset not 0", Self.rebuilt(g, firstOut: [1, 2, 3, 4])),
            ("last offset not the edge count", Self.rebuilt(g, firstOut: [0, 2, 3, 3])),
            ("offsets decrease", Self.rebuilt(g, firstOut: [0, 3, 2, 4])),
            ("an offset past the end", Self.rebuilt(g, firstOut: [0, 2, 9, 4])),
            ("a negative offset", Self.rebuilt(g, firstOut: [0, -1, 3, 4])),
            ("a head past the last node", Self.rebuilt(g, head: [1, 2, 3, 0])),
            ("a negative head", Self.rebuilt(g, head: [1, 2, -2, 0])),
            ("a self-loop", Self.rebuilt(g, head: [1, 2, 1, 0])),
            ("a parallel edge", Self.rebuilt(g, head: [1, 1, 2, 0])),
            ("a zero time", Self.rebuilt(g, weight: [5, 7, 0, 4])),
        ]
        for (what, graph) in broken { #expect(graph == nil, "\(what)") }
    }

    /// Random damage to one array entry (as a bad disk sector would do) never crashes;
    /// whatever is accepted keeps the invariants.
    @Test(arguments: 1 ... 40 as ClosedRange<UInt64>)
    func randomDamageIsRefusedOrHarmless(seed: UInt64) {
        var rng = SplitMix64(seed: seed &* 7919)
        let g = Self.graph(seed: seed)
        var firstOut = g.firstOut, head = g.head, weight = g.weight
        let values: [Int32] = [-1, 0, 1, Int32(g.nodeCount), Int32(g.edgeCount), Int32.max, Int32.min,
                               Int32.random(in: -3 ... Int32(g.nodeCount + 3), using: &rng)]
        let value = values.randomElement(using: &rng)!
        switch Int.random(in: 0 ..< 3, using: &rng) {
        case 0: firstOut[Int.random(in: 0 ..< firstOut.count, using: &rng)] = value
        case 1: if !head.isEmpty { head[Int.random(in: 0 ..< head.count, using: &rng)] = value }
        default: if !weight.isEmpty { weight[Int.random(in: 0 ..< weight.count, using: &rng)] = UInt32(bitPattern: value) }
        }
        guard let back = Self.rebuilt(g, firstOut: firstOut, head: head, weight: weight) else { return }
        for u in 0 ..< Int32(back.nodeCount) {
            let out = back.edgesOut(of: u).map(\.node)
            #expect(Set(out).count == out.count && !out.contains(u) && out.allSatisfy { $0 >= 0 && Int($0) < back.nodeCount }, "seed \(seed)")
            #expect(back.edgesOut(of: u).allSatisfy { $0.deciseconds > 0 }, "seed \(seed)")
        }
        #expect(back.firstIn.last.map(Int.init) == back.edgeCount, "seed \(seed)")
    }
}
