/// One OpenStreetMap way as read from a file: its id, the ids of its nodes in order (no
/// coordinates: OSM ways carry none) and its tags.
public struct OSMWay: Hashable, Sendable {
    public var id: Int64
    /// Node ids in the way's order; a closed way repeats its first node at the end.
    public var nodeRefs: [Int64]
    public var tags: [String: String]

    public init(id: Int64, nodeRefs: [Int64], tags: [String: String]) {
        self.id = id
        self.nodeRefs = nodeRefs
        self.tags = tags
    }
}
