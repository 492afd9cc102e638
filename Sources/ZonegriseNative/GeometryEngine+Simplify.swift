import CGEOS
import ZonegriseCore

/// Topology-preserving simplification (GEOS `TopologyPreserveSimplify`, Douglas–Peucker
/// that never lets a ring cross itself or another ring of the same shape), for maps.
extension GeometryEngine {
    /// `shape` simplified with a tolerance of `toleranceMetres` (units of the CRS): no
    /// vertex of the result is farther than that from the original boundary. Rings that
    /// shrink below a triangle are dropped by GEOS, so the result may be empty for a shape
    /// smaller than the tolerance: see `simplifiedForMap`.
    /// - Throws: `NativeError.geos` for a degenerate input ring or a GEOS failure.
    /// - Complexity: O(v log v) for v vertices.
    package func simplifyPreservingTopology(_ shape: MultiPolygon, toleranceMetres: Double) throws(NativeError) -> MultiPolygon {
        let operation = "simplify a shape"
        let geometry = try context.makeGeometry(shape, operation: operation)
        defer { context.destroy(geometry) }
        // New geometry, null on exception.
        guard let simplified = GEOSTopologyPreserveSimplify_r(context.handle, geometry, toleranceMetres) else {
            throw context.error(operation)
        }
        defer { context.destroy(simplified) }
        return try context.multiPolygon(from: simplified, operation: operation)
    }

    /// `shape` simplified for drawing, never lost: at `toleranceMetres`, else at a tenth
    /// of it, else the shape itself, the first of these that is non-empty and valid. Each
    /// commune of a map is drawn from one such shape, so a commune smaller than the
    /// tolerance is still drawn (with its original vertices).
    ///
    /// Communes are simplified one by one: a boundary shared by two communes may be
    /// simplified differently on each side, leaving slivers of at most the tolerance,
    /// below a pixel at the tolerance chosen by the map (GEOS 3.11 has no coverage
    /// simplification).
    /// - Complexity: O(v log v) for v vertices, plus one validity check per attempt.
    package func simplifiedForMap(_ shape: MultiPolygon, toleranceMetres: Double) -> MultiPolygon {
        for tolerance in [toleranceMetres, toleranceMetres / 10] where tolerance > 0 {
            guard let simplified = try? simplifyPreservingTopology(shape, toleranceMetres: tolerance), !simplified.isEmpty,
                  (try? isValid(simplified)) == true else { continue }
            return simplified
        }
        return shape
    }
}
