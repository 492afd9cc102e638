import Testing
import ZonegriseCore
@testable import ZonegriseRouting
import ZonegriseTestSupport

@Suite struct ComponentPruningTests {
    /// Reachability by breadth-first search from every node (the brute-force oracle).
    private static func reachability(_ list: RoadEdgeList) -> [[Bool]] {
        let n = list.nodeCount
        var adjacency = [[Int]](repeating: [], count: n)
        for edge in list.edges { adjacency[Int(edge.from)].append(Int(edge.to)) }
        return (0 ..< n).map { source in
            var seen = [Bool](repeating: false, count: n)
            seen[source] = true
            var queue = [source]
            while let u = queue.popLast() {
                for v in adjacency[u] where !seen[v] { seen[v] = true; queue.append(v) }
            }
            return seen
        }
    }

    /// Oracle: two nodes share a component exactly when each reaches the other; ids are
    /// in reverse topological order; pruning keeps the largest class (lowest node on ties).
    @Test(arguments: 1 ... 30 as ClosedRange<UInt64>)
    func componentsMatchMutualReachability(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 1 ... 45, using: &rng)
        let list = RandomGraphs.edgeList(nodeCount: n, edgeCount: Int.random(in: 0 ... 3 * n, using: &rng),
                                         maxDeciseconds: 9, using: &rng)
        let graph = RoadGraph(list)
        let reach = Self.reachability(list)
        let scc = StronglyConnectedComponents(graph)
        for u in 0 ..< n {
            for v in 0 ..< n {
                #expect((scc.componentOf[u] == scc.componentOf[v]) == (reach[u][v] && reach[v][u]),
                        "seed \(seed): nodes \(u), \(v)")
            }
        }
        // The classes of mutual reachability, each named by its lowest node.
        let classOf = (0 ..< n).map { u in (0 ..< n).first { reach[u][$0] && reach[$0][u] }! }
        let classes = Set(classOf)
        #expect(scc.count == classes.count, "seed \(seed)")
        for edge in list.edges {
            let a = scc.componentOf[Int(edge.from)], b = scc.componentOf[Int(edge.to)]
            #expect(a == b || a > b, "seed \(seed): component ids not in reverse topological order")
        }

        let sizeOf = Dictionary(grouping: 0 ..< n) { classOf[$0] }.mapValues(\.count)
        let largestSize = sizeOf.values.max()!
        let largest = sizeOf.filter { $0.value == largestSize }.keys.min()!
        let expectedKept = (0 ..< n).filter { classOf[$0] == largest }.map { Int32($0) }
        let pruned = ComponentPruning.largestStronglyConnected(graph)
        #expect(pruned.keptNodes == expectedKept, "seed \(seed)")
        #expect(pruned.droppedNodes == n - expectedKept.count, "seed \(seed)")
        #expect(pruned.droppedComponents == classes.count - 1, "seed \(seed)")
        #expect(pruned.graph.nodeCount == expectedKept.count, "seed \(seed)")
        #expect(pruned.graph.nodeIDs == expectedKept.map { graph.nodeIDs[Int($0)] }, "seed \(seed)")
        // Edges: exactly those of the original graph between kept nodes.
        var expectedEdges: [[Int32]: UInt32] = [:]
        for old in expectedKept {
            for edge in graph.edgesOut(of: old) where expectedKept.contains(edge.node) {
                expectedEdges[[old, edge.node]] = edge.deciseconds
            }
        }
        var prunedEdges: [[Int32]: UInt32] = [:]
        for new in 0 ..< Int32(pruned.graph.nodeCount) {
            for edge in pruned.graph.edgesOut(of: new) {
                prunedEdges[[pruned.keptNodes[Int(new)], pruned.keptNodes[Int(edge.node)]]] = edge.deciseconds
            }
        }
        #expect(prunedEdges == expectedEdges, "seed \(seed)")
    }

    @Test func prunesIslandsAndOnewayStubs() {
        // 0 ⇄ 1 ⇄ 2 is the main part; 3 → 0 is a oneway stub in; 4 ⇄ 5 an island.
        let edges = [(0, 1), (1, 0), (1, 2), (2, 1), (3, 0), (4, 5), (5, 4)]
            .map { RoadEdge(from: Int32($0.0), to: Int32($0.1), deciseconds: 10) }
        let list = RoadEdgeList(nodeIDs: [1, 2, 3, 4, 5, 6], coordinates: Array(repeating: PlanarPoint(x: 0, y: 0), count: 6),
                                edges: edges)
        let pruned = ComponentPruning.largestStronglyConnected(RoadGraph(list))
        #expect(pruned.keptNodes == [0, 1, 2])
        #expect(pruned.droppedNodes == 3)
        #expect(pruned.droppedComponents == 2)
        #expect(pruned.graph.edgeCount == 4)
    }

    @Test func emptyGraphPrunesToEmpty() {
        let pruned = ComponentPruning.largestStronglyConnected(RoadGraph(RoadEdgeList(nodeIDs: [], coordinates: [], edges: [])))
        #expect(pruned.graph.nodeCount == 0 && pruned.keptNodes.isEmpty && pruned.droppedNodes == 0 && pruned.droppedComponents == 0)
    }

    /// A 300,000-node ring with a tail: recursion would overflow the stack.
    @Test func deepGraphsNeedNoRecursion() {
        let n = 300_000
        var edges = (0 ..< n - 1).map { RoadEdge(from: Int32($0), to: Int32($0 + 1), deciseconds: 1) }
        edges.append(RoadEdge(from: Int32(n - 2), to: 0, deciseconds: 1))
        let list = RoadEdgeList(nodeIDs: (0 ..< n).map { Int64($0) },
                                coordinates: Array(repeating: PlanarPoint(x: 0, y: 0), count: n), edges: edges)
        let pruned = ComponentPruning.largestStronglyConnected(RoadGraph(list))
        #expect(pruned.graph.nodeCount == n - 1)
        #expect(pruned.droppedNodes == 1 && pruned.droppedComponents == 1)
    }
}
