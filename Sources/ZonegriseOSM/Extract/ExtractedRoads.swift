import ZonegriseCore

/// A car road network read from OpenStreetMap: the output of `RoadExtractor`, the input
/// of the routing graph (mapped to `RoadEdgeList` by `RoadNetworkLoader`).
///
/// Dense node ids 0..<count index `nodeIDs` and `coordinates`; they are given in
/// increasing OSM id order, so the same file and profile always give the same network.
public struct ExtractedRoads: Sendable {
    /// OSM id of each dense node.
    public var nodeIDs: [Int64]
    /// Position of each dense node: x longitude, y latitude, WGS84 degrees (the loader
    /// projects them to Lambert-93).
    public var coordinates: [PlanarPoint]
    /// Directed edges, one per drivable direction of each way segment, in way order.
    public var edges: [ExtractedRoadEdge]
    /// What was read, kept and skipped.
    public var report: RoadExtractionReport

    public init(nodeIDs: [Int64], coordinates: [PlanarPoint], edges: [ExtractedRoadEdge], report: RoadExtractionReport) {
        self.nodeIDs = nodeIDs
        self.coordinates = coordinates
        self.edges = edges
        self.report = report
    }
}
