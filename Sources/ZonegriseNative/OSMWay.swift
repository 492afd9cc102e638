/// One OpenStreetMap way as read from a file: its id, the ids of its nodes in order (no
/// coordinates: OSM ways carry none) and its tags.
package struct OSMWay: Hashable, Sendable {
    package var id: Int64
    /// Node ids in the way's order; a closed way repeats its first node at the end.
    package var nodeRefs: [Int64]
    package var tags: [String: String]

    package init(id: Int64, nodeRefs: [Int64], tags: [String: String]) {
        self.id = id
        self.nodeRefs = nodeRefs
        self.tags = tags
    }
}
