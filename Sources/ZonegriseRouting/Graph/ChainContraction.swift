import ZonegriseCore

/// Contracts chains of degree-2 nodes into single edges.
///
/// Most OSM nodes only shape a road: a node with one way in and one way out (a oneway
/// pass-through `u → v → w`), or with exactly two neighbours reached and left both ways
/// (a two-way pass-through `u ⇄ v ⇄ w`), lies on a chain. Each maximal chain between two
/// other nodes ("junctions") becomes one edge per direction it can be driven, whose time
/// is the sum of its edges' times. Nodes in `keep` (snapped endpoints, poles) are always
/// junctions. Every shortest-path time between remaining nodes is unchanged: a path
/// through a chain node must cross the whole chain, except U-turns, never shortest.
/// A cycle made only of chain nodes keeps its lowest node as a junction.
public struct ChainContraction {
    /// - Returns: the contracted graph (remaining nodes renumbered in their original
    ///   order) and, per old node, its new id or -1 when removed.
    /// - Precondition: no chain is longer than `UInt32.max` deciseconds.
    /// - Complexity: O(nodes + edges) time and memory.
    public static func contract(_ graph: RoadGraph, keep: Set<Int32>) -> (graph: RoadGraph, oldToNew: [Int32]) {
        let contracted = contract(graph, keep: keep) { _, _, _ in }
        return (contracted.graph, contracted.oldToNew)
    }

    /// The contraction, with every chain walked: `visit(node, walk, deciseconds)` is
    /// called for each chain node a walk crosses, with the walk's index (that of its
    /// entry in `walks`) and the time from the walk's start junction to the node. A
    /// node of a two-way chain is crossed by two walks (one each way), of a oneway
    /// chain by one.
    /// - Returns: also, per walk, its start and end junctions (old ids) and its time.
    static func contract(_ graph: RoadGraph, keep: Set<Int32>, visit: (Int, Int, UInt64) -> Void)
        -> (graph: RoadGraph, oldToNew: [Int32], walks: (from: [Int32], to: [Int32], time: [UInt32])) {
        let n = graph.nodeCount
        let firstOut = graph.firstOut, head = graph.head, weight = graph.weight
        let firstIn = graph.firstIn, tail = graph.tail

        // The graph has no parallel edges: degrees count distinct neighbours.
        var removable = [Bool](repeating: false, count: n)
        for v in 0 ..< n where !keep.contains(Int32(v)) {
            let o = Int(firstOut[v]), outDegree = Int(firstOut[v + 1]) - o
            let i = Int(firstIn[v]), inDegree = Int(firstIn[v + 1]) - i
            if outDegree == 1 && inDegree == 1 {
                removable[v] = head[o] != tail[i]
            } else if outDegree == 2 && inDegree == 2 {
                let a = head[o], b = head[o + 1]
                removable[v] = (tail[i] == a && tail[i + 1] == b) || (tail[i] == b && tail[i + 1] == a)
            }
        }

        var visited = [Bool](repeating: false, count: n)
        var from: [Int32] = [], to: [Int32] = [], time: [UInt32] = []
        from.reserveCapacity(graph.edgeCount)
        to.reserveCapacity(graph.edgeCount)
        time.reserveCapacity(graph.edgeCount)

        // Emits every edge leaving junction `s`, following chains to their far junction.
        func walk(from s: Int) {
            for e in Int(firstOut[s]) ..< Int(firstOut[s + 1]) {
                var previous = s
                var current = Int(head[e])
                var total = UInt64(weight[e])
                var steps = 0
                while removable[current] {
                    // A walk ends at a junction (see below for rings): n steps is a bug.
                    steps += 1
                    precondition(steps <= n, "chain walk from node \(s) does not end")
                    visited[current] = true
                    visit(current, from.count, total)
                    let o = Int(firstOut[current])
                    // A oneway node has one way out; a two-way node leaves by the side it
                    // was not entered from.
                    let k = Int(head[o]) == previous ? o + 1 : o
                    total += UInt64(weight[k])
                    previous = current
                    current = Int(head[k])
                }
                precondition(total <= UInt64(UInt32.max), "chain from node \(s) longer than UInt32.max deciseconds")
                from.append(Int32(s))
                to.append(Int32(current))
                time.append(UInt32(total))
            }
        }

        for s in 0 ..< n where !removable[s] { walk(from: s) }
        // What is left unvisited are rings made only of chain nodes (a walk entering a
        // ring would have come from a junction, and a chain node has no third neighbour).
        for s in 0 ..< n where removable[s] && !visited[s] {
            removable[s] = false
            walk(from: s)
        }

        var oldToNew = [Int32](repeating: -1, count: n)
        var keptIDs: [Int64] = []
        var keptCoordinates: [PlanarPoint] = []
        var next: Int32 = 0
        for v in 0 ..< n where !removable[v] {
            oldToNew[v] = next
            next += 1
            keptIDs.append(graph.nodeIDs[v])
            keptCoordinates.append(graph.coordinates[v])
        }
        let contracted = RoadGraph.build(nodeIDs: keptIDs, coordinates: keptCoordinates, edgeCount: from.count) { emit in
            for k in from.indices { emit(oldToNew[Int(from[k])], oldToNew[Int(to[k])], time[k]) }
        }
        return (contracted, oldToNew, (from, to, time))
    }
}
