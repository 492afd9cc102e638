import CGEOS
import ZonegriseCore

/// GEOS geometries back to Swift value types.
///
/// Coordinates come out in one `GEOSCoordSeq_copyToBuffer_r` call per ring, straight
/// into the `[PlanarPoint]` storage.
extension GEOSContext {
    /// The polygonal parts of `geometry` (a Polygon, a MultiPolygon, or a
    /// GeometryCollection at any depth) as one MultiPolygon. Points and lines are dropped,
    /// empty polygons skipped. `geometry` stays owned by the caller.
    /// - Complexity: O(v) for v vertices.
    func multiPolygon(from geometry: OpaquePointer, operation: String) throws(NativeError) -> MultiPolygon {
        var polygons: [Polygon] = []
        try appendPolygons(of: geometry, to: &polygons, operation: operation)
        return MultiPolygon(polygons: polygons)
    }

    /// GEOS type id of `geometry` (`GEOS_POLYGON`, ...).
    func typeID(of geometry: OpaquePointer, operation: String) throws(NativeError) -> Int32 {
        let type = GEOSGeomTypeId_r(handle, geometry)  // -1 on exception
        guard type >= 0 else { throw error(operation) }
        return type
    }

    /// True when `geometry` has no points. Returns 2 on exception.
    func isEmpty(_ geometry: OpaquePointer, operation: String) throws(NativeError) -> Bool {
        switch GEOSisEmpty_r(handle, geometry) {
        case 0: return false
        case 1: return true
        default: throw error(operation)
        }
    }

    private func appendPolygons(of geometry: OpaquePointer, to polygons: inout [Polygon], operation: String) throws(NativeError) {
        switch try typeID(of: geometry, operation: operation) {
        case Int32(GEOS_POLYGON.rawValue):
            if try isEmpty(geometry, operation: operation) { return }
            polygons.append(try polygon(from: geometry, operation: operation))
        case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            let count = GEOSGetNumGeometries_r(handle, geometry)  // -1 on exception
            guard count >= 0 else { throw error(operation) }
            for index in 0..<count {
                // Borrowed from the collection; null on exception.
                guard let member = GEOSGetGeometryN_r(handle, geometry, index) else { throw error(operation) }
                try appendPolygons(of: member, to: &polygons, operation: operation)
            }
        default:
            return  // points and lines: not part of a polygonal result
        }
    }

    private func polygon(from geometry: OpaquePointer, operation: String) throws(NativeError) -> Polygon {
        // Borrowed from the polygon; null on exception.
        guard let exterior = GEOSGetExteriorRing_r(handle, geometry) else { throw error(operation) }
        let holeCount = GEOSGetNumInteriorRings_r(handle, geometry)  // -1 on exception
        guard holeCount >= 0 else { throw error(operation) }
        var rings: [Ring] = []
        rings.reserveCapacity(Int(holeCount) + 1)
        rings.append(try ring(from: exterior, operation: operation))
        for index in 0..<holeCount {
            // Borrowed from the polygon; null on exception.
            guard let hole = GEOSGetInteriorRingN_r(handle, geometry, index) else { throw error(operation) }
            rings.append(try ring(from: hole, operation: operation))
        }
        return Polygon(rings: rings)
    }

    func ring(from geometry: OpaquePointer, operation: String) throws(NativeError) -> Ring {
        // Borrowed from the ring; null on exception.
        guard let sequence = GEOSGeom_getCoordSeq_r(handle, geometry) else { throw error(operation) }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0 else { throw error(operation) }  // 0 on exception
        let points = PlanarPointBuffer.makePoints(count: Int(size)) { doubles in
            // 1 on success, 0 on exception.
            GEOSCoordSeq_copyToBuffer_r(handle, sequence, doubles.baseAddress, 0, 0) == 1
        }
        guard let points else { throw error(operation) }
        return points
    }
}
