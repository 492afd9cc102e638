/// One edge seen from a node: the node at its other end and its time.
public struct AdjacentEdge: Sendable, Hashable {
    /// The node at the other end (the head for `edgesOut`, the tail for `edgesIn`).
    public var node: Int32
    /// Time along the edge, in deciseconds.
    public var deciseconds: UInt32

    public init(node: Int32, deciseconds: UInt32) {
        self.node = node
        self.deciseconds = deciseconds
    }
}

/// The edges leaving or entering one node of a `RoadGraph`, a view into its CSR arrays
/// (no copy).
public struct AdjacentEdges: RandomAccessCollection, Sendable {
    let nodes: [Int32]
    let times: [UInt32]
    let range: Range<Int>

    init(nodes: [Int32], deciseconds: [UInt32], range: Range<Int>) {
        self.nodes = nodes
        self.times = deciseconds
        self.range = range
    }

    public var startIndex: Int { range.lowerBound }
    public var endIndex: Int { range.upperBound }

    public subscript(position: Int) -> AdjacentEdge {
        precondition(range.contains(position), "index out of range")
        return AdjacentEdge(node: nodes[position], deciseconds: times[position])
    }
}
