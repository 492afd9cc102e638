import ZonegriseCore

/// Where a point meets the road network: the nearest point of the nearest segment.
public struct RoadSnap: Hashable, Sendable {
    /// Segment end nodes, `u < v`; the segment may be travelled u→v, v→u or both.
    public var u: Int32
    public var v: Int32
    /// Position along the segment from `u` (0) to `v` (1).
    public var fraction: Double
    /// Straight-line distance from the point to the segment, metres.
    public var distanceMetres: Double
    /// The snapped point.
    public var point: PlanarPoint
}
