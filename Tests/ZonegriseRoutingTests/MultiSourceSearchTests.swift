import Testing
import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

@Suite struct MultiSourceSearchTests {
    /// The reference: textbook single-source Dijkstra straight on the edge list (parallel
    /// edges and self-loops included), choosing the next node by a plain scan. Shares no
    /// code with the graph or the searches.
    /// - Returns: the time from `source` to every node (to it when `reverse`), nil when
    ///   unreachable.
    static func referenceDijkstra(_ list: RoadEdgeList, from source: Int, reverse: Bool) -> [UInt64?] {
        let n = list.nodeCount
        var adjacency = [[(Int, UInt64)]](repeating: [], count: n)
        for edge in list.edges {
            let (a, b) = reverse ? (Int(edge.to), Int(edge.from)) : (Int(edge.from), Int(edge.to))
            adjacency[a].append((b, UInt64(edge.deciseconds)))
        }
        var distance = [UInt64?](repeating: nil, count: n)
        var done = [Bool](repeating: false, count: n)
        distance[source] = 0
        while true {
            var best: Int?
            for v in 0 ..< n where !done[v] {
                if let d = distance[v], best == nil || d < distance[best!]! { best = v }
            }
            guard let u = best else { break }
            done[u] = true
            for (v, w) in adjacency[u] where distance[v] == nil || distance[u]! + w < distance[v]! {
                distance[v] = distance[u]! + w
            }
        }
        return distance
    }

    /// Oracle: on random graphs, every queue's multi-source result equals the minimum over
    /// seeds of (initial time + reference single-source time), in both directions, with
    /// nodes past the horizon nil, and names a seed that achieves it.
    @Test(arguments: 1 ... 40 as ClosedRange<UInt64>)
    func matchesMinimumOfSingleSourceSearches(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 1 ... 60, using: &rng)
        let maxTime = [UInt32(3), 50, 5_000].randomElement(using: &rng)!
        let list = RandomGraphs.edgeList(nodeCount: n, edgeCount: Int.random(in: 0 ... 4 * n, using: &rng),
                                         maxDeciseconds: maxTime, using: &rng)
        let graph = RoadGraph(list)
        var searches = MultiSourceSearch.Queue.allCases.map { MultiSourceSearch(graph: graph, queue: $0) }

        for round in 0 ..< 4 {
            // Some seeds repeat a node; initial times may be 0, large, or past the horizon.
            let seeds: [(node: Int32, deciseconds: UInt32)] = (0 ..< Int.random(in: 0 ... 6, using: &rng)).map { _ in
                (Int32.random(in: 0 ..< Int32(n), using: &rng),
                 Bool.random(using: &rng) ? 0 : UInt32.random(in: 0 ... 4 * maxTime, using: &rng))
            }
            let horizon = Bool.random(using: &rng) ? UInt32.max : UInt32.random(in: 0 ... 6 * maxTime, using: &rng)
            for direction in [MultiSourceSearch.Direction.towardSeeds, .fromSeeds] {
                let reverse = direction == .towardSeeds
                let single = seeds.map { Self.referenceDijkstra(list, from: Int($0.node), reverse: reverse) }
                func reach(_ s: Int, _ v: Int) -> UInt64? { single[s][v].map { $0 + UInt64(seeds[s].deciseconds) } }
                let expected: [UInt32?] = (0 ..< n).map { v in
                    let best = seeds.indices.compactMap { reach($0, v) }.min()
                    return best.flatMap { $0 <= UInt64(horizon) ? UInt32($0) : nil }
                }
                for s in searches.indices {
                    let context = "seed \(seed), round \(round), \(direction), \(searches[s].queue), horizon \(horizon)"
                    let result = searches[s].run(seeds: seeds, horizonDeciseconds: horizon, direction: direction)
                    let got = (0 ..< Int32(n)).map { result.deciseconds($0) }
                    #expect(got == expected, "\(context)")
                    #expect(result.reachedCount == expected.compactMap { $0 }.count, "\(context)")
                    for v in 0 ..< n {
                        guard let time = expected[v] else {
                            #expect(result.seed(Int32(v)) == nil, "\(context): node \(v)")
                            continue
                        }
                        let named = result.seed(Int32(v))
                        #expect(named.flatMap { reach($0, v) } == UInt64(time), "\(context): node \(v) names seed \(String(describing: named))")
                    }
                }
            }
        }
    }

    @Test func smallRoadMap() {
        // 0 —10→ 1 —10→ 2, 2 —5→ 0 ; 3 isolated.
        let list = RoadEdgeList(nodeIDs: [0, 1, 2, 3], coordinates: Array(repeating: PlanarPoint(x: 0, y: 0), count: 4),
                                edges: [RoadEdge(from: 0, to: 1, deciseconds: 10), RoadEdge(from: 1, to: 2, deciseconds: 10),
                                        RoadEdge(from: 2, to: 0, deciseconds: 5)])
        var search = MultiSourceSearch(graph: RoadGraph(list))
        let toward = search.run(seeds: [(node: 2, deciseconds: 0)], horizonDeciseconds: 100, direction: .towardSeeds)
        #expect((0 ..< 4).map { toward.deciseconds($0) } == [20, 10, 0, nil])
        let from = search.run(seeds: [(node: 2, deciseconds: 0)], horizonDeciseconds: 100, direction: .fromSeeds)
        #expect((0 ..< 4).map { from.deciseconds($0) } == [5, 15, 0, nil])
        // The earlier result is still intact: the second run got fresh arrays.
        #expect((0 ..< 4).map { toward.deciseconds($0) } == [20, 10, 0, nil])
        let bounded = search.run(seeds: [(node: 2, deciseconds: 0)], horizonDeciseconds: 14, direction: .fromSeeds)
        #expect((0 ..< 4).map { bounded.deciseconds($0) } == [5, nil, 0, nil])
        #expect(bounded.reachedCount == 2)
        let none = search.run(seeds: [(node: 1, deciseconds: 15)], horizonDeciseconds: 14, direction: .fromSeeds)
        #expect(none.reachedCount == 0 && none.deciseconds(1) == nil && none.seed(1) == nil)
    }

    /// Reused buffers: many runs on one search (past the 255 runs after which the
    /// generation stamp wraps) give the same answers as fresh searches.
    @Test func reuseAcrossRunsMatchesFreshSearches() {
        let graph = RoadGraph(SyntheticRoadGrid(columns: 30, rows: 20, seed: 7).edgeList())
        var rng = SplitMix64(seed: 11)
        var reused = MultiSourceSearch(graph: graph)
        for run in 0 ..< 600 {
            let seeds: [(node: Int32, deciseconds: UInt32)] = (0 ..< Int.random(in: 1 ... 5, using: &rng)).map { _ in
                (Int32.random(in: 0 ..< Int32(graph.nodeCount), using: &rng), UInt32.random(in: 0 ... 300, using: &rng))
            }
            let horizon = UInt32.random(in: 0 ... 3_000, using: &rng)
            var fresh = MultiSourceSearch(graph: graph)
            let expected = fresh.run(seeds: seeds, horizonDeciseconds: horizon, direction: .towardSeeds)
            let got = reused.run(seeds: seeds, horizonDeciseconds: horizon, direction: .towardSeeds)
            let same = (0 ..< Int32(graph.nodeCount)).allSatisfy {
                got.deciseconds($0) == expected.deciseconds($0) && got.seed($0) == expected.seed($0)
            }
            #expect(same, "run \(run)")
        }
    }

    /// Seeds spread far more than the largest edge time: the bucket queue lets them in as
    /// its scan reaches their time.
    @Test func seedsSpreadBeyondTheBucketSpan() {
        var edges: [RoadEdge] = []
        for v: Int32 in 0 ..< 99 {
            edges.append(RoadEdge(from: v, to: v + 1, deciseconds: 2))
            edges.append(RoadEdge(from: v + 1, to: v, deciseconds: 2))
        }
        let graph = RoadGraph(RoadEdgeList(nodeIDs: (0 ..< 100).map { Int64($0) },
                                           coordinates: Array(repeating: PlanarPoint(x: 0, y: 0), count: 100), edges: edges))
        var search = MultiSourceSearch(graph: graph)
        let result = search.run(seeds: [(node: 0, deciseconds: 1_000), (node: 99, deciseconds: 0), (node: 50, deciseconds: 95)],
                                horizonDeciseconds: .max, direction: .fromSeeds)
        // From 99 at 0: node v at 2(99 − v); node 50 seeded at 95 < 98.
        #expect(result.deciseconds(99) == 0)
        #expect(result.deciseconds(50) == 95 && result.seed(50) == 2)
        #expect(result.deciseconds(0) == 195 && result.seed(0) == 2)
        #expect(result.deciseconds(60) == 78 && result.seed(60) == 1)
    }
}
