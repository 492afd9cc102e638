/// A compact set of OSM node ids mapped to dense indices 0..<count: the ids sorted, without
/// duplicates, searched by bisection. 8 bytes per id, a quarter of a `[Int64: Int32]`
/// dictionary, which matters at the scale of France (tens of millions of road nodes).
package struct OSMNodeIndex: Hashable, Sendable {
    /// The ids in increasing order; `ids[i]` has index `i`.
    package let ids: [Int64]

    /// The index of `ids` (any order, duplicates allowed).
    /// - Complexity: O(n log n).
    package init(ids: [Int64]) {
        var sorted = ids
        sorted.sort()
        var unique = 0
        for id in sorted where unique == 0 || sorted[unique - 1] != id {
            sorted[unique] = id
            unique += 1
        }
        sorted.removeSubrange(unique...)
        self.ids = sorted
    }

    package var count: Int { ids.count }

    /// The dense index of `id`, or nil when `id` is not in the set.
    /// - Complexity: O(log n).
    @inlinable
    package func index(of id: Int64) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) >> 1
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }
}
