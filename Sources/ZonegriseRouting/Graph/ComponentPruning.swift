/// Keeps only the largest strongly connected component of a road graph.
///
/// A car can go from any node of a strongly connected component to any other and back;
/// nodes outside the largest one (private car parks cut off by access tags, islands
/// without a ferry, edges of the extract) would otherwise be reached from nowhere or
/// reach nothing, and snapping a commune onto them would give "unreachable".
public struct ComponentPruning {
    /// The largest strongly connected component as a graph of its own.
    ///
    /// Nodes are renumbered densely in their original order. Of components of equal
    /// size, the one holding the lowest node id wins.
    /// - Returns: the pruned graph; `keptNodes[new] == old id`; the number of nodes and
    ///   of components dropped.
    /// - Complexity: O(nodes + edges) time and memory.
    public static func largestStronglyConnected(_ graph: RoadGraph)
        -> (graph: RoadGraph, keptNodes: [Int32], droppedNodes: Int, droppedComponents: Int) {
        let components = StronglyConnectedComponents(graph)
        guard components.count > 0 else { return (graph, [], 0, 0) }
        let sizes = components.sizes()
        // The first component met in node order among the largest: lowest node id wins.
        var largest: Int32 = components.componentOf[0]
        for c in components.componentOf where sizes[Int(c)] > sizes[Int(largest)] { largest = c }
        var kept: [Int32] = []
        kept.reserveCapacity(sizes[Int(largest)])
        for (node, c) in components.componentOf.enumerated() where c == largest { kept.append(Int32(node)) }
        let pruned = graph.induced(keeping: kept)
        return (pruned, kept, graph.nodeCount - kept.count, components.count - 1)
    }
}
