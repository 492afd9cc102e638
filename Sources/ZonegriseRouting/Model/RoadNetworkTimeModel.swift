import ZonegriseCore

/// Car times on a road graph (the `osm` model of METHOD.md §3): places snap to the
/// nearest road segment, the leg off the road is costed at a slow speed, and one
/// multi-source search per target set on the reversed graph gives every origin its
/// nearest target. Never an origin × destination matrix.
///
/// The graph and its segment index are built once here; `prepare(origins:)` snaps the
/// origins once (`PreparedRoadNetwork`), and each search is kept with its per-node
/// times and catchments (`RoadTargetSearch`).
///
/// Targets seed the search at the cost of reaching them from each end of their
/// segment (`fraction × edge time` plus their own off-road leg); each origin then
/// leaves its segment by either end it may travel to. Two places on the same segment
/// are also joined directly along it.
/// - Complexity: O(targets + origins) snaps, plus one bounded search over the nodes
///   within the horizon of the targets.
public struct RoadNetworkTimeModel: TravelTimeModel {
    public let index: SegmentIndex
    /// Speed of the straight leg between a place and its snapped point, km/h.
    public var offRoadSpeedKmh: Double
    /// Describes the network for the run manifest (file, profile, counts).
    public var details: [String: String]

    public static let defaultOffRoadSpeedKmh = 15.0

    public init(graph: RoadGraph, offRoadSpeedKmh: Double = RoadNetworkTimeModel.defaultOffRoadSpeedKmh,
                details: [String: String] = [:]) {
        precondition(offRoadSpeedKmh > 0, "the off-road speed must be positive")
        index = SegmentIndex(graph: graph)
        self.offRoadSpeedKmh = offRoadSpeedKmh
        self.details = details
    }

    public var graph: RoadGraph { index.graph }
    public var kind: String { "osm" }

    public var parameters: [String: String] {
        var result = details
        result["offroad_speed_kmh"] = BandScheme.text(offRoadSpeedKmh)
        result["graph_nodes"] = String(graph.nodeCount)
        result["graph_edges"] = String(graph.edgeCount)
        return result
    }

    /// Snaps a place; nil only for an empty graph.
    public func snap(_ point: PlanarPoint) -> RoadSnap? { index.snap(point) }

    /// Time of the off-road leg for a snap, deciseconds.
    func offRoadDeciseconds(_ snap: RoadSnap) -> Double {
        snap.distanceMetres / (offRoadSpeedKmh / 3.6) * 10
    }

    /// The time of the edge from `a` to `b`, deciseconds, or nil when there is none.
    func edgeDeciseconds(_ a: Int32, _ b: Int32) -> Double? {
        graph.edgesOut(of: a).first { $0.node == b }.map { Double($0.deciseconds) }
    }

    // Time along the segment between the snapped point and one of its ends, deciseconds,
    // nil when the segment may not be driven that way. A point snapped onto an end
    // (fraction 0 or 1: a place on a node, or beyond the end of its nearest segment) is
    // that node, whatever the segment's direction, so the leg is 0.
    func legToU(_ snap: RoadSnap) -> Double? {
        snap.fraction == 0 ? 0 : edgeDeciseconds(snap.v, snap.u).map { snap.fraction * $0 }
    }

    func legFromU(_ snap: RoadSnap) -> Double? {
        snap.fraction == 0 ? 0 : edgeDeciseconds(snap.u, snap.v).map { snap.fraction * $0 }
    }

    func legToV(_ snap: RoadSnap) -> Double? {
        snap.fraction == 1 ? 0 : edgeDeciseconds(snap.u, snap.v).map { (1 - snap.fraction) * $0 }
    }

    func legFromV(_ snap: RoadSnap) -> Double? {
        snap.fraction == 1 ? 0 : edgeDeciseconds(snap.v, snap.u).map { (1 - snap.fraction) * $0 }
    }

    /// Snaps every origin once.
    /// - Complexity: one snap per origin, about O(1) each on an evenly spread network.
    public func prepare(origins: [Place]) -> any PreparedTimeModel {
        PreparedRoadNetwork(model: self, origins: origins)
    }

    /// The places farther than `limitMetres` from any road, with their distance in
    /// metres, in the order given (the run warns about them: their off-road leg is
    /// costed at `offRoadSpeedKmh`).
    /// - Complexity: one snap per place.
    public func farPlaces(_ points: [PlanarPoint], limitMetres: Double) -> [(index: Int, metres: Double)] {
        points.enumerated().compactMap { i, point in
            guard let snap = snap(point), snap.distanceMetres > limitMetres else { return nil }
            return (i, snap.distanceMetres)
        }
    }

    static func key(_ snap: RoadSnap) -> UInt64 { UInt64(UInt32(snap.u)) << 32 | UInt64(UInt32(snap.v)) }

    static func ticks(_ deciseconds: Double) -> UInt32 { UInt32(min(deciseconds.rounded(), Double(UInt32.max / 2))) }
}
