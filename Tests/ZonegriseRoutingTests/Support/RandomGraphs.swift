import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

/// Seeded random edge lists for the oracle tests.
enum RandomGraphs {
    /// Random directed edges over `nodeCount` nodes split into a few parts with no edge
    /// between them (plus a few stray edges between parts), with parallel edges and
    /// self-loops left in, times in `0 ... maxDeciseconds` (mostly ≥ 1).
    static func edgeList(nodeCount: Int, edgeCount: Int, maxDeciseconds: UInt32,
                         using rng: inout SplitMix64) -> RoadEdgeList {
        let parts = Int.random(in: 1 ... 3, using: &rng)
        func part(_ v: Int) -> Int { v * parts / max(nodeCount, 1) }
        var edges: [RoadEdge] = []
        guard nodeCount > 0 else { return RoadEdgeList(nodeIDs: [], coordinates: [], edges: []) }
        while edges.count < edgeCount {
            let a = Int.random(in: 0 ..< nodeCount, using: &rng)
            var b = Int.random(in: 0 ..< nodeCount, using: &rng)
            // Keep parts apart, except for a stray edge now and then.
            if part(a) != part(b) && Int.random(in: 0 ..< 10, using: &rng) != 0 { continue }
            if Int.random(in: 0 ..< 20, using: &rng) == 0 { b = a }
            let time = Int.random(in: 0 ..< 30, using: &rng) == 0 ? 0 : UInt32.random(in: 1 ... maxDeciseconds, using: &rng)
            edges.append(RoadEdge(from: Int32(a), to: Int32(b), deciseconds: time))
        }
        return RoadEdgeList(nodeIDs: (0 ..< nodeCount).map { Int64($0) * 7 + 100 },
                            coordinates: (0 ..< nodeCount).map { PlanarPoint(x: Double($0), y: -Double($0)) },
                            edges: edges)
    }

    /// A road-like graph of `junctions` nodes joined by roads cut into chains of 0 to 5
    /// shape nodes, oneway or two-way, so that chain contraction has work to do.
    static func chainedEdgeList(junctions: Int, roads: Int, using rng: inout SplitMix64) -> RoadEdgeList {
        var nodeCount = junctions
        var edges: [RoadEdge] = []
        for _ in 0 ..< roads {
            let a = Int.random(in: 0 ..< junctions, using: &rng)
            let b = Int.random(in: 0 ..< junctions, using: &rng)
            let shape = Int.random(in: 0 ... 5, using: &rng)
            var path = [a]
            for _ in 0 ..< shape { path.append(nodeCount); nodeCount += 1 }
            path.append(b)
            let oneway = Int.random(in: 0 ..< 3, using: &rng) == 0
            for k in 0 ..< path.count - 1 {
                let forward = UInt32.random(in: 1 ... 50, using: &rng)
                edges.append(RoadEdge(from: Int32(path[k]), to: Int32(path[k + 1]), deciseconds: forward))
                if !oneway {
                    // Uphill and downhill times may differ.
                    let backward = Bool.random(using: &rng) ? forward : UInt32.random(in: 1 ... 50, using: &rng)
                    edges.append(RoadEdge(from: Int32(path[k + 1]), to: Int32(path[k]), deciseconds: backward))
                }
            }
        }
        return RoadEdgeList(nodeIDs: (0 ..< nodeCount).map { Int64($0) },
                            coordinates: (0 ..< nodeCount).map { PlanarPoint(x: Double($0), y: 0) },
                            edges: edges)
    }

    /// All-pairs shortest times by Floyd–Warshall on a graph's edges (nil: unreachable).
    /// - Complexity: O(n³): small graphs only.
    static func allPairs(_ graph: RoadGraph) -> [[UInt64?]] {
        let n = graph.nodeCount
        var d = [[UInt64?]](repeating: [UInt64?](repeating: nil, count: n), count: n)
        for u in 0 ..< n {
            d[u][u] = 0
            for edge in graph.edgesOut(of: Int32(u)) {
                let v = Int(edge.node), w = UInt64(edge.deciseconds)
                if d[u][v] == nil || w < d[u][v]! { d[u][v] = w }
            }
        }
        for k in 0 ..< n {
            for i in 0 ..< n {
                guard let ik = d[i][k] else { continue }
                for j in 0 ..< n {
                    guard let kj = d[k][j] else { continue }
                    if d[i][j] == nil || ik + kj < d[i][j]! { d[i][j] = ik + kj }
                }
            }
        }
        return d
    }
}
