/// One directed road segment between two consecutive nodes of a way.
public struct ExtractedRoadEdge: Hashable, Sendable {
    /// Dense node ids (indices into `ExtractedRoads.nodeIDs`).
    public var from: Int32
    public var to: Int32
    /// Travel time in deciseconds, peak-hour factor applied, at least 1.
    public var deciseconds: UInt32
    /// Great-circle length in metres.
    public var metres: Double

    public init(from: Int32, to: Int32, deciseconds: UInt32, metres: Double) {
        self.from = from
        self.to = to
        self.deciseconds = deciseconds
        self.metres = metres
    }
}
