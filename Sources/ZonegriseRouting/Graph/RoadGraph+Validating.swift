import ZonegriseCore

extension RoadGraph {
    /// A graph from forward CSR arrays stored earlier (the road graph cache), or nil when
    /// they do not hold together, so that a damaged file is a clear error upstream and
    /// never a crash or an out-of-range read in a search.
    ///
    /// Checked:
    /// - counts: one id and one coordinate per node, `nodeCount + 1` offsets, one time
    ///   per edge, fewer than 2³¹ nodes and edges;
    /// - offsets start at 0, never decrease and end at the edge count;
    /// - every edge enters a node other than its own start, and no node has two edges to
    ///   the same neighbour (the invariants `RoadGraph(_:)` establishes);
    /// - every time is at least 1 decisecond;
    /// - every coordinate is a finite number (a NaN would trap in the snapping grid).
    ///
    /// The reverse side is computed, as by the other initialisers: reading a stored one
    /// instead and checking its shape costs about as much, for a file half as large again
    /// (measured in docs/ROAD-NETWORK.md, "Graph cache").
    /// - Complexity: O(nodes + edges) time; O(nodes) extra memory for the check.
    package init?(validatingNodeIDs nodeIDs: [Int64], coordinates: [PlanarPoint],
                  firstOut: [Int32], head: [Int32], weight: [UInt32]) {
        let n = nodeIDs.count
        guard n < Int(Int32.max), coordinates.count == n, head.count < Int(Int32.max),
              coordinates.allSatisfy({ $0.x.isFinite && $0.y.isFinite }),
              Self.isValidSide(nodeCount: n, first: firstOut, ends: head, times: weight) else { return nil }
        self.init(nodeIDs: nodeIDs, coordinates: coordinates, firstOut: firstOut, head: head, weight: weight)
    }

    /// Whether one CSR side keeps the invariants listed at `init?(validatingNodeIDs:…)`.
    /// - Complexity: O(nodes + edges).
    private static func isValidSide(nodeCount n: Int, first: [Int32], ends: [Int32], times: [UInt32]) -> Bool {
        guard first.count == n + 1, times.count == ends.count, first[0] == 0, Int(first[n]) == ends.count else { return false }
        // `owner[v] == u + 1` marks v already entered from u (0: not yet).
        var owner = [Int32](repeating: 0, count: n)
        for u in 0 ..< n {
            let start = first[u], end = first[u + 1]
            // Checked before use: a later offset may be the damaged one.
            guard start <= end, Int(end) <= ends.count else { return false }
            for e in Int(start) ..< Int(end) {
                let v = ends[e]
                guard v >= 0, Int(v) < n, Int(v) != u, times[e] > 0, owner[Int(v)] != Int32(u) + 1 else { return false }
                owner[Int(v)] = Int32(u) + 1
            }
        }
        return true
    }
}
