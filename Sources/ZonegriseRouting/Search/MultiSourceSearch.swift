/// Multi-source shortest times on a road graph: every seed starts at its own initial
/// time, and every node gets the minimum over seeds of (initial time + road time), up
/// to a horizon.
///
/// "Time to the nearest pole of a gamme from every commune" is one run in the
/// `.towardSeeds` direction with the poles as seeds at 0 (or at their access time),
/// whatever the number of poles (PERFORMANCE.md in the shared docs). Nodes beyond the horizon are
/// not explored and answer nil.
///
/// The default queue is Dial's bucket queue (Dial 1969, "Algorithm 360: shortest-path
/// forest with topological ordering") over `min(maxDeciseconds, horizon) + 1` circular
/// buckets, exact for integer times. Buffers are reused across runs; reached nodes are
/// recognised by a generation stamp, so a run costs what it explores, not the size of
/// the graph.
public struct MultiSourceSearch: Sendable {
    /// Which way edges are followed.
    public enum Direction: Sendable, Hashable {
        /// Times from each node *to* the nearest seed (edges followed backwards): the
        /// time a resident needs to reach a service.
        case towardSeeds
        /// Times *from* the nearest seed to each node (edges followed forwards).
        case fromSeeds
    }

    /// The priority queue behind the search. All give the same times; `bucket` is the
    /// fastest on road graphs (see the routing benchmark), the others serve as
    /// independent cross-checks.
    package enum Queue: Sendable, Hashable, CaseIterable {
        /// Dial's circular bucket queue with lazy deletion.
        case bucket
        /// A radix heap (Ahuja, Mehlhorn, Orlin, Tarjan 1990) with lazy deletion.
        case radixHeap
        /// A binary heap with lazy deletion.
        case binaryHeap
    }

    /// The graph searched.
    public let graph: RoadGraph
    package let queue: Queue
    private var labels: NodeLabels
    private var buffers: QueueBuffers

    /// Allocates the labels for `graph` (8 bytes per node); the buckets grow with use
    /// (4 bytes per queued node at most).
    /// - Complexity: O(nodes).
    public init(graph: RoadGraph) {
        self.init(graph: graph, queue: .bucket)
    }

    package init(graph: RoadGraph, queue: Queue) {
        self.graph = graph
        self.queue = queue
        labels = NodeLabels(count: graph.nodeCount)
        buffers = QueueBuffers()
    }

    /// Runs one search.
    ///
    /// - Parameters:
    ///   - seeds: start nodes with their initial times in deciseconds (e.g. the time
    ///     from the node to the service itself). A node may appear several times; its
    ///     smallest time counts. Seeds past the horizon are ignored.
    ///   - horizonDeciseconds: the largest time reported; `UInt32.max` for no limit.
    ///   - direction: `.towardSeeds` follows edges backwards (time to the seeds),
    ///     `.fromSeeds` forwards (time from the seeds).
    /// - Returns: the times and seeds per node. Keeping the result alive while running
    ///   again makes the next run allocate new arrays (O(nodes)) instead of reusing them.
    /// - Precondition: every seed node is a node of the graph; at most 2²⁴ seeds.
    /// - Complexity: O(V + E + T) for the V nodes within the horizon and the E edges
    ///   leaving them, T the time span explored in deciseconds (buckets scanned), plus
    ///   O(S log S) to order the S seeds.
    public mutating func run(seeds: [(node: Int32, deciseconds: UInt32)], horizonDeciseconds: UInt32,
                             direction: Direction) -> SearchResult {
        run(seeds: seeds, horizonDeciseconds: horizonDeciseconds, direction: direction, bound: NoBound())
    }

    /// Runs one search that only settles the nodes it improves on kept results: a node
    /// whose time in `kept` (the smallest over the results) is at most the time this
    /// search would give it is neither labelled nor expanded. The result then holds the
    /// improved nodes only; every other node keeps its time in `kept`. This is the
    /// incremental step of a scenario or a candidate site: the cost is that of the
    /// region the new seeds win, not of the graph.
    ///
    /// Exact: a path through a node the kept results reach no later cannot improve any
    /// node beyond it. On equal times the kept result wins.
    /// - Precondition: every result of `kept` was run on this graph in the same direction.
    /// - Complexity: O(V' + E' + T') over the improved region only.
    public mutating func run(seeds: [(node: Int32, deciseconds: UInt32)], horizonDeciseconds: UInt32,
                             direction: Direction, improvingOn kept: [SearchResult]) -> SearchResult {
        for result in kept { precondition(result.nodeCount == graph.nodeCount, "a kept result of another graph") }
        switch kept.count {
        case 0: return run(seeds: seeds, horizonDeciseconds: horizonDeciseconds, direction: direction, bound: NoBound())
        case 1: return run(seeds: seeds, horizonDeciseconds: horizonDeciseconds, direction: direction, bound: KeptTimes(kept[0]))
        default: return run(seeds: seeds, horizonDeciseconds: horizonDeciseconds, direction: direction, bound: KeptTimesStack(kept))
        }
    }

    mutating func run<Bound: SearchBound>(seeds: [(node: Int32, deciseconds: UInt32)], horizonDeciseconds: UInt32,
                                          direction: Direction, bound: Bound) -> SearchResult {
        precondition(seeds.count <= NodeLabels.maxSeeds, "more than \(NodeLabels.maxSeeds) seeds")
        for seed in seeds {
            precondition(seed.node >= 0 && Int(seed.node) < graph.nodeCount,
                         "seed node \(seed.node) outside 0..<\(graph.nodeCount)")
        }
        if !isKnownUniquelyReferenced(&labels) { labels = NodeLabels(count: graph.nodeCount) }
        if !isKnownUniquelyReferenced(&buffers) { buffers = QueueBuffers() }
        labels.advanceGeneration()
        let reverse = direction == .towardSeeds
        let reached: Int
        switch queue {
        case .bucket:
            reached = Self.runBucketQueue(graph: graph, reverse: reverse, seeds: seeds, horizon: horizonDeciseconds, bound: bound,
                                          labels: labels, buffers: buffers)
        case .radixHeap:
            reached = Self.runRadixHeap(graph: graph, reverse: reverse, seeds: seeds, horizon: horizonDeciseconds, bound: bound,
                                        labels: labels, buffers: buffers)
        case .binaryHeap:
            reached = Self.runBinaryHeap(graph: graph, reverse: reverse, seeds: seeds, horizon: horizonDeciseconds, bound: bound,
                                         labels: labels, buffers: buffers)
        }
        return SearchResult(labels: labels, reachedCount: reached, horizonDeciseconds: horizonDeciseconds)
    }
}
