import ZonegriseCore

/// A directed road graph in compressed sparse row form, forward and reverse, with dense
/// `Int32` node ids and integer edge times in deciseconds.
///
/// The edges leaving node `u` are `head[firstOut[u] ..< firstOut[u + 1]]` with times
/// `weight[…]`; the edges entering `v` are `tail[firstIn[v] ..< firstIn[v + 1]]` with
/// times `weightIn[…]`. Between two nodes there is at most one edge per direction (the
/// fastest) and no node has an edge to itself.
///
/// Memory: about 12 bytes per node (plus coordinates and ids) and 16 bytes per edge.
public struct RoadGraph: Sendable {
    /// Number of nodes; ids are `0 ..< nodeCount`.
    public let nodeCount: Int
    /// Position per node, in the CRS of the edge list.
    public let coordinates: [PlanarPoint]
    /// OSM node id per node.
    public let nodeIDs: [Int64]

    /// Forward CSR offsets, `nodeCount + 1` entries.
    public let firstOut: [Int32]
    /// Forward CSR: the node each edge enters.
    public let head: [Int32]
    /// Forward CSR: the time of each edge, in deciseconds.
    public let weight: [UInt32]
    /// Reverse CSR offsets, `nodeCount + 1` entries.
    public let firstIn: [Int32]
    /// Reverse CSR: the node each edge leaves.
    public let tail: [Int32]
    /// Reverse CSR: the time of each edge, in deciseconds.
    public let weightIn: [UInt32]
    /// The largest edge time, in deciseconds (0 for a graph without edges). Sizes the
    /// bucket queue of `MultiSourceSearch`.
    public let maxDeciseconds: UInt32

    /// Number of directed edges.
    public var edgeCount: Int { head.count }

    /// Builds the graph from an edge list: self-loops are dropped and, of parallel edges
    /// (same `from` and `to`), only the fastest is kept. Edge order within a node follows
    /// the list.
    /// - Precondition: `nodeIDs` and `coordinates` have one entry per node, every edge
    ///   end is a node, and there are fewer than 2³¹ edges.
    /// - Complexity: O(nodes + edges) time (counting sort), O(nodes) extra memory.
    public init(_ list: RoadEdgeList) {
        precondition(list.coordinates.count == list.nodeIDs.count, "one coordinate per node id")
        let graph = Self.build(nodeIDs: list.nodeIDs, coordinates: list.coordinates,
                               edgeCount: list.edges.count) { emit in
            for edge in list.edges { emit(edge.from, edge.to, edge.deciseconds) }
        }
        self = graph
    }

    /// Builds the graph from a forward CSR that is already clean (no self-loops, no
    /// parallel edges); computes the reverse CSR.
    /// - Complexity: O(nodes + edges).
    init(nodeIDs: [Int64], coordinates: [PlanarPoint], firstOut: [Int32], head: [Int32], weight: [UInt32]) {
        let n = nodeIDs.count
        precondition(coordinates.count == n && firstOut.count == n + 1 && head.count == weight.count)
        self.nodeCount = n
        self.nodeIDs = nodeIDs
        self.coordinates = coordinates
        self.firstOut = firstOut
        self.head = head
        self.weight = weight
        self.maxDeciseconds = weight.max() ?? 0

        var firstIn = [Int32](repeating: 0, count: n + 1)
        for v in head { firstIn[Int(v) + 1] += 1 }
        for v in 0 ..< n { firstIn[v + 1] += firstIn[v] }
        var fill = firstIn
        var tail = [Int32](repeating: 0, count: head.count)
        var weightIn = [UInt32](repeating: 0, count: head.count)
        for u in 0 ..< n {
            for e in Int(firstOut[u]) ..< Int(firstOut[u + 1]) {
                let v = Int(head[e])
                let slot = Int(fill[v])
                fill[v] += 1
                tail[slot] = Int32(u)
                weightIn[slot] = weight[e]
            }
        }
        self.firstIn = firstIn
        self.tail = tail
        self.weightIn = weightIn
    }

    /// Builds the graph from edges given one by one through `emit(from, to, deciseconds)`
    /// (called twice by `edges`: once to count, once to place), dropping self-loops and
    /// keeping the fastest of parallel edges.
    /// - Complexity: O(nodes + edges).
    static func build(nodeIDs: [Int64], coordinates: [PlanarPoint], edgeCount: Int,
                      edges: ((Int32, Int32, UInt32) -> Void) -> Void) -> RoadGraph {
        let n = nodeIDs.count
        precondition(edgeCount < Int(Int32.max), "too many edges for Int32 offsets")
        var firstOut = [Int32](repeating: 0, count: n + 1)
        edges { from, to, _ in
            precondition(from >= 0 && Int(from) < n && to >= 0 && Int(to) < n, "edge \(from)→\(to) outside 0..<\(n)")
            if from != to { firstOut[Int(from) + 1] += 1 }
        }
        for u in 0 ..< n { firstOut[u + 1] += firstOut[u] }
        let total = Int(firstOut[n])
        var head = [Int32](repeating: 0, count: total)
        var weight = [UInt32](repeating: 0, count: total)
        var fill = firstOut
        edges { from, to, deciseconds in
            guard from != to else { return }
            let slot = Int(fill[Int(from)])
            fill[Int(from)] += 1
            head[slot] = to
            weight[slot] = deciseconds
        }
        // Parallel edges: compact each node's range in place, keeping the first position
        // of every head with the smallest time. `owner[v] == u` marks v seen from u.
        var owner = [Int32](repeating: -1, count: n)
        var position = [Int32](repeating: 0, count: n)
        var write = 0
        var start = 0
        for u in 0 ..< n {
            let end = Int(firstOut[u + 1])
            firstOut[u] = Int32(write)
            for e in start ..< end {
                let v = Int(head[e])
                if owner[v] == Int32(u) {
                    let p = Int(position[v])
                    weight[p] = min(weight[p], weight[e])
                } else {
                    owner[v] = Int32(u)
                    position[v] = Int32(write)
                    head[write] = head[e]
                    weight[write] = weight[e]
                    write += 1
                }
            }
            start = end
        }
        firstOut[n] = Int32(write)
        head.removeLast(total - write)
        weight.removeLast(total - write)
        return RoadGraph(nodeIDs: nodeIDs, coordinates: coordinates, firstOut: firstOut, head: head, weight: weight)
    }

    /// The edges leaving `node`: for each, the node it enters and its time.
    /// - Complexity: O(1); iterating is O(out-degree).
    public func edgesOut(of node: Int32) -> AdjacentEdges {
        AdjacentEdges(nodes: head, deciseconds: weight,
                      range: Int(firstOut[Int(node)]) ..< Int(firstOut[Int(node) + 1]))
    }

    /// The edges entering `node`: for each, the node it leaves and its time.
    /// - Complexity: O(1); iterating is O(in-degree).
    public func edgesIn(of node: Int32) -> AdjacentEdges {
        AdjacentEdges(nodes: tail, deciseconds: weightIn,
                      range: Int(firstIn[Int(node)]) ..< Int(firstIn[Int(node) + 1]))
    }

    /// Calls `body` with raw views of one CSR side (offsets, other ends, times): the
    /// forward side when `reverse` is false. The one place searches touch raw pointers
    /// of the graph; the views are valid only inside `body`.
    func withAdjacency<R>(reverse: Bool,
                          _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        try (reverse ? firstIn : firstOut).withUnsafeBufferPointer { first in
            try (reverse ? tail : head).withUnsafeBufferPointer { ends in
                try (reverse ? weightIn : weight).withUnsafeBufferPointer { times in
                    try body(first, ends, times)
                }
            }
        }
    }
}
