extension RoadGraph {
    /// The subgraph induced by `kept` (old ids, strictly increasing): node `i` of the
    /// result is `kept[i]`, and an edge stays when both its ends do.
    /// - Complexity: O(nodes + edges).
    func induced(keeping kept: [Int32]) -> RoadGraph {
        var oldToNew = [Int32](repeating: -1, count: nodeCount)
        for (new, old) in kept.enumerated() {
            precondition(new == 0 || kept[new - 1] < old, "kept nodes must be strictly increasing")
            oldToNew[Int(old)] = Int32(new)
        }
        var newFirst = [Int32](repeating: 0, count: kept.count + 1)
        var newHead: [Int32] = []
        var newWeight: [UInt32] = []
        newHead.reserveCapacity(edgeCount)
        newWeight.reserveCapacity(edgeCount)
        for (new, old) in kept.enumerated() {
            for e in Int(firstOut[Int(old)]) ..< Int(firstOut[Int(old) + 1]) {
                let v = oldToNew[Int(head[e])]
                if v >= 0 {
                    newHead.append(v)
                    newWeight.append(weight[e])
                }
            }
            newFirst[new + 1] = Int32(newHead.count)
        }
        return RoadGraph(nodeIDs: kept.map { nodeIDs[Int($0)] },
                         coordinates: kept.map { coordinates[Int($0)] },
                         firstOut: newFirst, head: newHead, weight: newWeight)
    }
}
