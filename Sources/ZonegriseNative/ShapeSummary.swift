import ZonegriseCore

/// What `GeometryEngine.summarize(_:)` learns about one shape in a single GEOS round trip.
public struct ShapeSummary: Hashable, Sendable {
    /// The repaired shape (polygonal parts of `GEOSMakeValid`), or nil when the input was
    /// already valid. Coordinates in the input's CRS.
    public var repaired: MultiPolygon?
    /// Why GEOS found the input invalid (`GEOSisValidReason`, e.g.
    /// "Self-intersection[0.5 0.5]"), or nil when it was valid.
    public var invalidityReason: String?
    /// A point guaranteed to lie inside the (repaired) shape, in the input's CRS.
    public var pointOnSurface: PlanarPoint
    /// Area of the (repaired) shape in square units of the CRS (m² for Lambert-93).
    public var area: Double

    public init(repaired: MultiPolygon?, invalidityReason: String?, pointOnSurface: PlanarPoint, area: Double) {
        self.repaired = repaired
        self.invalidityReason = invalidityReason
        self.pointOnSurface = pointOnSurface
        self.area = area
    }

    /// True when GEOS had to repair the input.
    public var wasRepaired: Bool { repaired != nil }
}
