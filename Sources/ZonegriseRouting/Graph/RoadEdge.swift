/// One directed road edge between two dense node ids, with its car time.
public struct RoadEdge: Sendable, Hashable {
    /// Dense id of the node the edge leaves.
    public var from: Int32
    /// Dense id of the node the edge enters.
    public var to: Int32
    /// Car time along the edge, in deciseconds (tenths of a second). Readers give at
    /// least 1; the graph and the searches are also correct with 0.
    public var deciseconds: UInt32

    public init(from: Int32, to: Int32, deciseconds: UInt32) {
        self.from = from
        self.to = to
        self.deciseconds = deciseconds
    }
}
