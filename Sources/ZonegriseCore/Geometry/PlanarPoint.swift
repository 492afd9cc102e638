/// A point in a planar coordinate system.
///
/// In the analysis every planar point is in Lambert-93 (EPSG:2154), so `x` and `y`
/// are metres east and north. Readers convert WGS84 input before building these;
/// writers convert back. The type carries no CRS itself: the CRS is fixed by the
/// stage that holds it (see `GeographicPoint` for WGS84 longitude/latitude).
public struct PlanarPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Euclidean distance in the units of the coordinates (metres for Lambert-93).
    /// - Complexity: O(1).
    @inlinable
    public func distance(to other: PlanarPoint) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// A WGS84 position in decimal degrees (longitude first, as in GeoJSON RFC 7946).
public struct GeographicPoint: Hashable, Sendable {
    public var longitudeDegrees: Double
    public var latitudeDegrees: Double

    public init(longitudeDegrees: Double, latitudeDegrees: Double) {
        self.longitudeDegrees = longitudeDegrees
        self.latitudeDegrees = latitudeDegrees
    }
}
