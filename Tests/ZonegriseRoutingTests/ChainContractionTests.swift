import Testing
import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

@Suite struct ChainContractionTests {
    private static func list(_ n: Int, _ edges: [(Int, Int, UInt32)]) -> RoadEdgeList {
        RoadEdgeList(nodeIDs: (0 ..< n).map { Int64($0) }, coordinates: (0 ..< n).map { PlanarPoint(x: Double($0), y: 0) },
                     edges: edges.map { RoadEdge(from: Int32($0.0), to: Int32($0.1), deciseconds: $0.2) })
    }

    /// Oracle: all-pairs times between remaining nodes are those of the original graph
    /// (Floyd–Warshall on both); kept nodes remain; chains shrink.
    @Test(arguments: 1 ... 25 as ClosedRange<UInt64>)
    func preservesTimesBetweenRemainingNodes(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let junctions = Int.random(in: 2 ... 12, using: &rng)
        let list = RandomGraphs.chainedEdgeList(junctions: junctions, roads: Int.random(in: 1 ... 2 * junctions, using: &rng),
                                                using: &rng)
        let graph = RoadGraph(list)
        let keep = Set((0 ..< Int.random(in: 0 ... 3, using: &rng)).map { _ in Int32.random(in: 0 ..< Int32(graph.nodeCount), using: &rng) })
        let (contracted, oldToNew) = ChainContraction.contract(graph, keep: keep)

        for k in keep { #expect(oldToNew[Int(k)] >= 0, "seed \(seed): kept node \(k) removed") }
        let remaining = (0 ..< graph.nodeCount).filter { oldToNew[$0] >= 0 }
        #expect(remaining.map { oldToNew[$0] } == Array(0 ..< Int32(contracted.nodeCount)), "seed \(seed): renumbering")
        #expect(remaining.map { graph.nodeIDs[$0] } == contracted.nodeIDs, "seed \(seed)")
        #expect(contracted.nodeCount <= graph.nodeCount, "seed \(seed)")
        if graph.nodeCount > junctions + keep.count + 1 {
            #expect(contracted.nodeCount < graph.nodeCount, "seed \(seed): no chain contracted")
        }

        let before = RandomGraphs.allPairs(graph)
        let after = RandomGraphs.allPairs(contracted)
        for a in remaining {
            for b in remaining {
                #expect(after[Int(oldToNew[a])][Int(oldToNew[b])] == before[a][b], "seed \(seed): \(a) → \(b)")
            }
        }
    }

    @Test func twoWayPathBecomesOneEdgeEachWay() {
        // 0 ⇄ 1 ⇄ … ⇄ 9, 3 ds forward, 5 ds back per edge.
        var edges: [(Int, Int, UInt32)] = []
        for v in 0 ..< 9 { edges += [(v, v + 1, 3), (v + 1, v, 5)] }
        let graph = RoadGraph(Self.list(10, edges))
        let (contracted, oldToNew) = ChainContraction.contract(graph, keep: [])
        #expect(contracted.nodeCount == 2)
        #expect(oldToNew == [0, -1, -1, -1, -1, -1, -1, -1, -1, 1])
        #expect(Array(contracted.edgesOut(of: 0)) == [AdjacentEdge(node: 1, deciseconds: 27)])
        #expect(Array(contracted.edgesOut(of: 1)) == [AdjacentEdge(node: 0, deciseconds: 45)])

        let (split, splitMap) = ChainContraction.contract(graph, keep: [4])
        #expect(split.nodeCount == 3)
        #expect(splitMap[4] == 1)
        #expect(Array(split.edgesOut(of: 1)).sorted { $0.node < $1.node }
            == [AdjacentEdge(node: 0, deciseconds: 20), AdjacentEdge(node: 2, deciseconds: 15)])
    }

    @Test func onewayChainAndJunctions() {
        // Junction 0 with three roads; 0 → 1 → 2 → 3 oneway; 3 ⇄ 0 direct.
        let edges: [(Int, Int, UInt32)] = [(0, 1, 1), (1, 2, 2), (2, 3, 4), (3, 0, 8), (0, 3, 100), (0, 4, 1), (4, 0, 1)]
        let (contracted, oldToNew) = ChainContraction.contract(RoadGraph(Self.list(5, edges)), keep: [])
        #expect(oldToNew == [0, -1, -1, 1, 2])
        // The chain (7 ds) and the direct edge (100 ds) merge: the fastest stays.
        #expect(Array(contracted.edgesOut(of: 0)).sorted { $0.node < $1.node }
            == [AdjacentEdge(node: 1, deciseconds: 7), AdjacentEdge(node: 2, deciseconds: 1)])
    }

    @Test func ringOfChainNodesKeepsOneNode() {
        let (contracted, oldToNew) = ChainContraction.contract(RoadGraph(Self.list(3, [(0, 1, 1), (1, 2, 1), (2, 0, 1)])), keep: [])
        #expect(contracted.nodeCount == 1 && contracted.edgeCount == 0)
        #expect(oldToNew == [0, -1, -1])
        let (twoWay, _) = ChainContraction.contract(
            RoadGraph(Self.list(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1), (1, 0, 1), (2, 1, 1), (3, 2, 1), (0, 3, 1)])), keep: [])
        #expect(twoWay.nodeCount == 1)
    }
}
