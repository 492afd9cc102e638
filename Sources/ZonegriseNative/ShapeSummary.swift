import ZonegriseCore

/// What `GeometryEngine.summarize(_:)` learns about one shape in a single GEOS round trip.
package struct ShapeSummary: Hashable, Sendable {
    /// The repaired shape (polygonal parts of `GEOSMakeValid`), or nil when the input was
    /// already valid. Coordinates in the input's CRS.
    package var repaired: MultiPolygon?
    /// Why GEOS found the input invalid (`GEOSisValidReason`, e.g.
    /// "Self-intersection[0.5 0.5]"), or nil when it was valid.
    package var invalidityReason: String?
    /// A point guaranteed to lie inside the (repaired) shape, in the input's CRS.
    package var pointOnSurface: PlanarPoint
    /// Area of the (repaired) shape in square units of the CRS (m² for Lambert-93).
    package var area: Double

    package init(repaired: MultiPolygon?, invalidityReason: String?, pointOnSurface: PlanarPoint, area: Double) {
        self.repaired = repaired
        self.invalidityReason = invalidityReason
        self.pointOnSurface = pointOnSurface
        self.area = area
    }

    /// True when GEOS had to repair the input.
    package var wasRepaired: Bool { repaired != nil }
}
