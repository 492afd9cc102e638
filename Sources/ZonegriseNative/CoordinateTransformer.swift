import CPROJ
import ZonegriseCore

/// A PROJ coordinate transformation between two CRSs, in the order the rest of the code
/// expects: a geographic CRS is always longitude then latitude in degrees
/// (`proj_normalize_for_visualization`), a projected CRS easting then northing in its
/// unit (metres for Lambert-93).
///
/// Owns its `PJ_CONTEXT` (PROJ logs captured, never printed) and `PJ`. Not `Sendable`:
/// use `makeCopy()` for another thread or task.
package final class CoordinateTransformer {
    /// The CRSs as given to `init`, e.g. "EPSG:2154".
    package let source: String
    package let target: String
    private let context: PROJContext
    private let transformation: OpaquePointer

    /// A transformation from `source` to `target`, any CRS PROJ understands
    /// ("EPSG:2154", "EPSG:4326", WKT, PROJ strings).
    /// - Throws: `NativeError.proj` when PROJ knows no such CRS or no operation.
    /// - Complexity: about 6 ms (PROJ database look-ups).
    package init(from source: String, to target: String) throws(NativeError) {
        let context = PROJContext()
        let operation = "create the transformation \(source) → \(target)"
        // New object or null; null area of interest.
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw context.error(operation)
        }
        defer { _ = proj_destroy(raw) }
        // New object or null.
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw context.error(operation)
        }
        self.source = source
        self.target = target
        self.context = context
        self.transformation = normalized
    }

    private init(source: String, target: String, context: PROJContext, transformation: OpaquePointer) {
        self.source = source
        self.target = target
        self.context = context
        self.transformation = transformation
    }

    deinit {
        _ = proj_destroy(transformation)
    }

    /// Lambert-93 (EPSG:2154, metres) to WGS84 (EPSG:4326, longitude and latitude in degrees).
    package static func lambert93ToWGS84() throws(NativeError) -> CoordinateTransformer {
        try CoordinateTransformer(from: "EPSG:2154", to: "EPSG:4326")
    }

    /// WGS84 (EPSG:4326, longitude and latitude in degrees) to Lambert-93 (EPSG:2154, metres).
    package static func wgs84ToLambert93() throws(NativeError) -> CoordinateTransformer {
        try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:2154")
    }

    /// The same transformation in a new context, for use on another thread or task.
    /// - Complexity: about 0.4 ms (`proj_clone`), much less than a new `init`.
    package func makeCopy() throws(NativeError) -> CoordinateTransformer {
        let copyContext = PROJContext()
        // New object or null.
        guard let clone = proj_clone(copyContext.handle, transformation) else {
            throw copyContext.error("copy the transformation \(source) → \(target)")
        }
        return CoordinateTransformer(source: source, target: target, context: copyContext, transformation: clone)
    }

    /// One point, source CRS to target CRS (geographic: x longitude, y latitude, degrees).
    /// - Throws: `NativeError.proj` when PROJ cannot transform it (out of the domain).
    /// - Complexity: O(1), about 0.5 µs.
    package func transform(_ point: PlanarPoint) throws(NativeError) -> PlanarPoint {
        _ = proj_errno_reset(transformation)
        let input = proj_coord(point.x, point.y, 0, 0)
        // Failed coordinates come back as HUGE_VAL with the error number set.
        let output = proj_trans(transformation, PJ_FWD, input)
        guard output.xy.x.isFinite, output.xy.y.isFinite else {
            throw failure(at: point, index: nil)
        }
        return PlanarPoint(x: output.xy.x, y: output.xy.y)
    }

    /// Transforms `points` in place with one `proj_trans_generic` call over the buffer.
    /// On error `points` is left unchanged.
    /// - Throws: `NativeError.proj` naming the first point PROJ could not transform.
    /// - Complexity: O(n), about 0.5 µs per point.
    package func transform(_ points: inout [PlanarPoint]) throws(NativeError) {
        guard !points.isEmpty else { return }
        var result = points
        let count = result.count
        let stride = PlanarPointBuffer.strideInBytes
        _ = proj_errno_reset(transformation)
        PlanarPointBuffer.withMutableDoubles(of: &result) { doubles in
            let xs = doubles.baseAddress!
            // Strided in place: x at offset 0, y at offset 8 of each 16-byte point; no z, no t.
            // Returns the number of points processed; failures become HUGE_VAL.
            _ = proj_trans_generic(
                transformation, PJ_FWD,
                xs, stride, count,
                xs + 1, stride, count,
                nil, 0, 0,
                nil, 0, 0)
        }
        if let bad = result.firstIndex(where: { !($0.x.isFinite && $0.y.isFinite) }) {
            throw failure(at: points[bad], index: bad)
        }
        points = result
    }

    /// Every vertex of `shape`, ring by ring.
    /// - Complexity: O(v) for v vertices, about 0.5 µs per vertex.
    package func transform(_ shape: MultiPolygon) throws(NativeError) -> MultiPolygon {
        var result = shape
        for polygonIndex in result.polygons.indices {
            for ringIndex in result.polygons[polygonIndex].rings.indices {
                try transform(&result.polygons[polygonIndex].rings[ringIndex])
            }
        }
        return result
    }

    private func failure(at point: PlanarPoint, index: Int?) -> NativeError {
        let which = index.map { "point \($0) " } ?? "point "
        return context.error(
            "transform \(which)(\(point.x), \(point.y)) from \(source) to \(target)",
            fallback: "the point is outside the domain of the transformation")
    }
}

@available(*, unavailable, message: "one CoordinateTransformer per thread or task: use makeCopy()")
extension CoordinateTransformer: Sendable {}
