extension MultiSourceSearch {
    /// Dial's algorithm with lazy deletion: bucket `t mod B` lists the nodes labelled
    /// with time `t`, with `B = min(max edge time, horizon) + 1` so that all queued times
    /// lie in `[current, current + B)`. An entry is stale when its node has improved
    /// since; appends and scans are sequential. Seeds enter when the scan reaches their
    /// initial time, which keeps the invariant whatever their spread.
    ///
    /// Measured against the same algorithm with intrusive doubly linked lists and
    /// decrease-key: 10–15 % faster on a 1 M-node grid (fewer random writes).
    /// - Returns: the number of nodes reached.
    /// - Complexity: O(V + E + T + S log S), T the time span scanned.
    static func runBucketQueue<Bound: SearchBound>(graph: RoadGraph, reverse: Bool, seeds: [(node: Int32, deciseconds: UInt32)],
                                                   horizon: UInt32, bound: Bound, labels: NodeLabels, buffers: QueueBuffers) -> Int {
        // Seeds in order of initial time, then of index: `time << 32 | index`.
        var pending: [UInt64] = []
        pending.reserveCapacity(seeds.count)
        for (index, seed) in seeds.enumerated() where seed.deciseconds <= horizon {
            pending.append(UInt64(seed.deciseconds) << 32 | UInt64(index))
        }
        guard !pending.isEmpty else { return 0 }
        pending.sort()

        let bucketCount = Int(min(graph.maxDeciseconds, horizon)) + 1
        buffers.reserveBuckets(bucketCount)
        let buckets = buffers.buckets
        let label = labels.label
        let generation = labels.generationBits

        return graph.withAdjacency(reverse: reverse) { first, ends, times in
            var current = UInt32(truncatingIfNeeded: pending[0] >> 32)
            var bucket = Int(current % UInt32(bucketCount))
            var nextPending = 0
            var queued = 0 // entries, stale ones included
            var reached = 0
            while true {
                // Seeds starting now.
                while nextPending < pending.count, UInt32(truncatingIfNeeded: pending[nextPending] >> 32) == current {
                    let index = pending[nextPending] & NodeLabels.timeMask
                    nextPending += 1
                    let v = Int(seeds[Int(index)].node)
                    let old = label[v]
                    if old >= generation && UInt32(truncatingIfNeeded: old) <= current { continue }
                    if current >= bound.deciseconds(v) { continue }
                    label[v] = generation | index << 32 | UInt64(current)
                    buckets[bucket].append(Int32(v))
                    queued += 1
                }
                // Settle the current bucket; edges of time 0 append to it while scanned.
                var k = 0
                while k < buckets[bucket].count {
                    let v = Int(buckets[bucket][k])
                    k += 1
                    let settled = label[v]
                    if settled < generation || UInt32(truncatingIfNeeded: settled) != current { continue }
                    reached += 1
                    let room = horizon &- current
                    // Generation and seed pass on unchanged.
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
                        var target = bucket + Int(w)
                        if target >= bucketCount { target -= bucketCount }
                        buckets[target].append(Int32(u))
                        queued += 1
                    }
                }
                queued -= k
                buckets[bucket].removeAll()
                if queued == 0 {
                    guard nextPending < pending.count else { break }
                    current = UInt32(truncatingIfNeeded: pending[nextPending] >> 32)
                    bucket = Int(current % UInt32(bucketCount))
                    continue
                }
                current += 1
                bucket += 1
                if bucket == bucketCount { bucket = 0 }
            }
            return reached
        }
    }
}
