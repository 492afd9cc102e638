import ZonegriseCore

/// Directed road edges as extracted from OpenStreetMap, before graph building.
///
/// Node index = dense id: node `i` has OSM id `nodeIDs[i]` and position
/// `coordinates[i]`. A two-way road is two edges. `RoadGraph(_:)` turns the list into
/// compact adjacency arrays.
public struct RoadEdgeList: Sendable, Hashable {
    /// OSM node id per dense node.
    public var nodeIDs: [Int64]
    /// Position per dense node; the caller decides the CRS (Lambert-93 metres in the
    /// pipeline).
    public var coordinates: [PlanarPoint]
    /// Directed edges; may hold parallel edges and self-loops (the graph drops them).
    public var edges: [RoadEdge]

    public init(nodeIDs: [Int64], coordinates: [PlanarPoint], edges: [RoadEdge]) {
        self.nodeIDs = nodeIDs
        self.coordinates = coordinates
        self.edges = edges
    }

    /// Number of dense nodes.
    public var nodeCount: Int { nodeIDs.count }
}
