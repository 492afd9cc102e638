extension MultiSourceSearch {
    /// Dijkstra with a radix heap and lazy deletion (an entry is stale when the node's
    /// label has improved since it was pushed).
    /// - Returns: the number of nodes reached.
    /// - Complexity: O(V + E log C + S), C the horizon or largest time.
    static func runRadixHeap<Bound: SearchBound>(graph: RoadGraph, reverse: Bool, seeds: [(node: Int32, deciseconds: UInt32)],
                                                 horizon: UInt32, bound: Bound, labels: NodeLabels, buffers: QueueBuffers) -> Int {
        var heap = RadixHeap(buckets: buffers.radixBuckets)
        buffers.radixBuckets = []
        defer { buffers.radixBuckets = heap.buckets }
        return runLazy(graph: graph, reverse: reverse, seeds: seeds, horizon: horizon, bound: bound, labels: labels,
                       push: { heap.push(key: UInt32(truncatingIfNeeded: $0 >> 32), payload: UInt32(truncatingIfNeeded: $0)) },
                       pop: { heap.popMin() })
    }

    /// Dijkstra with a binary heap and lazy deletion.
    /// - Returns: the number of nodes reached.
    /// - Complexity: O((V + E) log E + S).
    static func runBinaryHeap<Bound: SearchBound>(graph: RoadGraph, reverse: Bool, seeds: [(node: Int32, deciseconds: UInt32)],
                                                  horizon: UInt32, bound: Bound, labels: NodeLabels, buffers: QueueBuffers) -> Int {
        var heap = BinaryHeap(storage: buffers.heap)
        buffers.heap = []
        defer { buffers.heap = heap.entries }
        return runLazy(graph: graph, reverse: reverse, seeds: seeds, horizon: horizon, bound: bound, labels: labels,
                       push: { heap.push($0) }, pop: { heap.popMin() })
    }

    /// The lazy-deletion Dijkstra loop shared by the heaps; entries are
    /// `time << 32 | node`.
    @inline(__always)
    private static func runLazy<Bound: SearchBound>(graph: RoadGraph, reverse: Bool, seeds: [(node: Int32, deciseconds: UInt32)],
                                                    horizon: UInt32, bound: Bound, labels: NodeLabels,
                                push: (UInt64) -> Void, pop: () -> UInt64?) -> Int {
        let label = labels.label
        let generation = labels.generationBits
        for (index, seed) in seeds.enumerated() where seed.deciseconds <= horizon {
            let v = Int(seed.node)
            let old = label[v]
            if old >= generation && UInt32(truncatingIfNeeded: old) <= seed.deciseconds { continue }
            if seed.deciseconds >= bound.deciseconds(v) { continue }
            label[v] = generation | UInt64(index) << 32 | UInt64(seed.deciseconds)
            push(UInt64(seed.deciseconds) << 32 | UInt64(v))
        }
        return graph.withAdjacency(reverse: reverse) { first, ends, times in
            var reached = 0
            while let entry = pop() {
                let v = Int(UInt32(truncatingIfNeeded: entry))
                let current = UInt32(truncatingIfNeeded: entry >> 32)
                let settled = label[v]
                if settled < generation || UInt32(truncatingIfNeeded: settled) != current { continue }
                reached += 1
                let room = horizon &- current
                let origin = settled & ~NodeLabels.timeMask
                for e in Int(first[v]) ..< Int(first[v + 1]) {
                    let w = times[e]
                    if w > room { continue }
                    let u = Int(ends[e])
                    let time = current &+ w
                    let old = label[u]
                    if old >= generation && UInt32(truncatingIfNeeded: old) <= time { continue }
                    if time >= bound.deciseconds(u) { continue }
                    label[u] = origin | UInt64(time)
                    push(UInt64(time) << 32 | UInt64(u))
                }
            }
            return reached
        }
    }
}
