import CGEOS
import ZonegriseCore

/// Swift value types to GEOS geometries.
///
/// Coordinates go in one `GEOSCoordSeq_copyFromBuffer_r` call per ring, straight from
/// the `[PlanarPoint]` storage: no per-vertex C call.
extension GEOSContext {
    /// A new GEOS MultiPolygon with the same rings; the caller owns it.
    ///
    /// A ring that is not closed, or has fewer than 4 points, is closed when it has at
    /// least 3 distinct points; otherwise this throws, naming the polygon and ring.
    /// A polygon without rings becomes an empty polygon.
    /// - Throws: `NativeError.geos` for a degenerate ring, a non-finite coordinate or a
    ///   GEOS failure.
    /// - Complexity: O(v) for v vertices (one memcpy-like copy per ring).
    func makeGeometry(_ shape: MultiPolygon, operation: String) throws(NativeError) -> OpaquePointer {
        var members: [OpaquePointer?] = []
        members.reserveCapacity(shape.polygons.count)
        for (index, polygon) in shape.polygons.enumerated() {
            do {
                members.append(try makePolygon(polygon, index: index, operation: operation))
            } catch {
                destroy(members.compactMap { $0 })
                throw error
            }
        }
        // Takes ownership of the members. Null on exception; the only failure left once
        // every member is a valid Polygon is an allocation failure, where we leak rather
        // than risk a double free.
        let collection = members.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(
                handle, Int32(GEOS_MULTIPOLYGON.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        guard let collection else { throw error(operation) }
        return collection
    }

    /// A new GEOS collection (`GEOS_GEOMETRYCOLLECTION`) of one MultiPolygon per shape;
    /// the caller owns it.
    /// - Complexity: O(v) for v vertices in all shapes.
    func makeCollection(_ shapes: [MultiPolygon], operation: String) throws(NativeError) -> OpaquePointer {
        var members: [OpaquePointer?] = []
        members.reserveCapacity(shapes.count)
        for (index, shape) in shapes.enumerated() {
            do {
                members.append(try makeGeometry(shape, operation: "\(operation) (shape \(index))"))
            } catch {
                destroy(members.compactMap { $0 })
                throw error
            }
        }
        // Takes ownership of the members; null on exception (see makeGeometry).
        let collection = members.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(
                handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        guard let collection else { throw error(operation) }
        return collection
    }

    /// One GEOS polygon; the caller owns it.
    private func makePolygon(_ polygon: Polygon, index: Int, operation: String) throws(NativeError) -> OpaquePointer {
        guard !polygon.rings.isEmpty else {
            guard let empty = GEOSGeom_createEmptyPolygon_r(handle) else { throw error(operation) }
            return empty
        }
        let shell = try makeRing(polygon.rings[0], polygon: index, ring: 0, operation: operation)
        var holes: [OpaquePointer?] = []
        holes.reserveCapacity(polygon.rings.count - 1)
        for ringIndex in polygon.rings.indices.dropFirst() {
            do {
                holes.append(try makeRing(polygon.rings[ringIndex], polygon: index, ring: ringIndex, operation: operation))
            } catch {
                destroy(shell)
                destroy(holes.compactMap { $0 })
                throw error
            }
        }
        // Takes ownership of the shell and the holes, also when it fails (GEOS >= 3.10).
        // Null on exception.
        let result = holes.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let result else { throw error(operation) }
        return result
    }

    /// One GEOS linear ring; the caller owns it (until handed to a polygon).
    private func makeRing(_ ring: Ring, polygon: Int, ring index: Int, operation: String) throws(NativeError) -> OpaquePointer {
        let closed = try Self.closedRing(ring, polygon: polygon, ring: index, operation: operation)
        // Copies the doubles; the caller owns the sequence. Null on exception.
        let sequence = PlanarPointBuffer.withDoubles(of: closed) { doubles in
            GEOSCoordSeq_copyFromBuffer_r(handle, doubles.baseAddress, UInt32(closed.count), 0, 0)
        }
        guard let sequence else { throw error(operation) }
        // Takes ownership of the sequence, also when it fails. Null on exception.
        guard let linearRing = GEOSGeom_createLinearRing_r(handle, sequence) else { throw error(operation) }
        return linearRing
    }

    /// `ring` itself when it is closed with at least 4 points, else a closed copy when it
    /// has at least 3 distinct points.
    /// - Complexity: O(n) for the finiteness check; O(n) expected for the rare repair.
    static func closedRing(_ ring: Ring, polygon: Int, ring index: Int, operation: String) throws(NativeError) -> Ring {
        for (vertex, point) in ring.enumerated() where !(point.x.isFinite && point.y.isFinite) {
            throw .geos(
                operation: operation,
                message: "polygon \(polygon) ring \(index) vertex \(vertex) is (\(point.x), \(point.y)), not a finite coordinate")
        }
        if ring.count >= 4, ring.first == ring.last { return ring }
        let distinct = Set(ring).count
        guard distinct >= 3 else {
            throw .geos(
                operation: operation,
                message: "polygon \(polygon) ring \(index) has \(distinct) distinct point(s); a ring needs at least 3")
        }
        // 3 or more distinct points and closed implies at least 4 points: only the
        // closing point can be missing here.
        var closed = ring
        closed.append(ring[0])
        return closed
    }
}
