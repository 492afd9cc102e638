import Testing
import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

@Suite struct RoadGraphTests {
    @Test func parallelEdgesKeepTheFastestAndSelfLoopsAreDropped() {
        let list = RoadEdgeList(
            nodeIDs: [10, 20, 30], coordinates: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0), PlanarPoint(x: 2, y: 0)],
            edges: [RoadEdge(from: 0, to: 1, deciseconds: 50), RoadEdge(from: 0, to: 1, deciseconds: 30),
                    RoadEdge(from: 1, to: 1, deciseconds: 5), RoadEdge(from: 0, to: 1, deciseconds: 40),
                    RoadEdge(from: 1, to: 0, deciseconds: 70), RoadEdge(from: 1, to: 2, deciseconds: 9),
                    RoadEdge(from: 2, to: 2, deciseconds: 1)])
        let graph = RoadGraph(list)
        #expect(graph.nodeCount == 3)
        #expect(graph.edgeCount == 3)
        #expect(Array(graph.edgesOut(of: 0)) == [AdjacentEdge(node: 1, deciseconds: 30)])
        #expect(Array(graph.edgesOut(of: 1)) == [AdjacentEdge(node: 0, deciseconds: 70), AdjacentEdge(node: 2, deciseconds: 9)])
        #expect(graph.edgesOut(of: 2).isEmpty)
        #expect(Array(graph.edgesIn(of: 1)) == [AdjacentEdge(node: 0, deciseconds: 30)])
        #expect(Array(graph.edgesIn(of: 2)) == [AdjacentEdge(node: 1, deciseconds: 9)])
        #expect(graph.maxDeciseconds == 70)
        #expect(graph.nodeIDs == [10, 20, 30])
        #expect(graph.coordinates[2] == PlanarPoint(x: 2, y: 0))
    }

    @Test func emptyGraph() {
        let graph = RoadGraph(RoadEdgeList(nodeIDs: [], coordinates: [], edges: []))
        #expect(graph.nodeCount == 0 && graph.edgeCount == 0 && graph.firstOut == [0] && graph.firstIn == [0])
    }

    /// Oracle: forward and reverse CSR hold exactly the minimum time per (from, to) pair
    /// of the list, self-loops excepted.
    @Test(arguments: 1 ... 20 as ClosedRange<UInt64>)
    func csrMatchesDeduplicatedList(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 1 ... 40, using: &rng)
        let list = RandomGraphs.edgeList(nodeCount: n, edgeCount: Int.random(in: 0 ... 200, using: &rng),
                                         maxDeciseconds: 20, using: &rng)
        var expected: [[Int32]: UInt32] = [:]
        for edge in list.edges where edge.from != edge.to {
            expected[[edge.from, edge.to]] = min(expected[[edge.from, edge.to]] ?? .max, edge.deciseconds)
        }
        let graph = RoadGraph(list)
        var forward: [[Int32]: UInt32] = [:], reverse: [[Int32]: UInt32] = [:]
        for u in 0 ..< Int32(n) {
            for edge in graph.edgesOut(of: u) {
                #expect(forward.updateValue(edge.deciseconds, forKey: [u, edge.node]) == nil, "seed \(seed): duplicate edge")
            }
            for edge in graph.edgesIn(of: u) {
                #expect(reverse.updateValue(edge.deciseconds, forKey: [edge.node, u]) == nil, "seed \(seed): duplicate edge")
            }
        }
        #expect(forward == expected, "seed \(seed)")
        #expect(reverse == expected, "seed \(seed)")
        #expect(graph.maxDeciseconds == (expected.values.max() ?? 0), "seed \(seed)")
    }
}
