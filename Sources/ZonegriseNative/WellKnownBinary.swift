import ZonegriseCore

/// ISO/OGC well-known binary, little-endian, 2D: the bytes OGR builds its geometries
/// from (`OGR_G_CreateFromWkb`), one copy of the coordinates instead of a C call per
/// vertex.
enum WellKnownBinary {
    private static let littleEndian: UInt8 = 1
    private static let pointType: UInt32 = 1
    private static let polygonType: UInt32 = 3
    private static let multiPolygonType: UInt32 = 6

    /// - Complexity: O(1).
    static func point(_ point: PlanarPoint) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(21)
        bytes.append(littleEndian)
        append(pointType, to: &bytes)
        append(point, to: &bytes)
        return bytes
    }

    /// - Complexity: O(vertices).
    static func multiPolygon(_ shape: MultiPolygon) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(9 + shape.polygons.count * 9 + shape.vertexCount * 16 + shape.polygons.reduce(0) { $0 + 4 * $1.rings.count })
        bytes.append(littleEndian)
        append(multiPolygonType, to: &bytes)
        append(UInt32(shape.polygons.count), to: &bytes)
        for polygon in shape.polygons {
            bytes.append(littleEndian)
            append(polygonType, to: &bytes)
            append(UInt32(polygon.rings.count), to: &bytes)
            for ring in polygon.rings {
                append(UInt32(ring.count), to: &bytes)
                append(ring, to: &bytes)
            }
        }
        return bytes
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A ring's points: on a little-endian machine, `[PlanarPoint]` (two `Double`s each,
    /// x then y, no padding) is already WKB's layout, copied in one go.
    private static func append(_ ring: [PlanarPoint], to bytes: inout [UInt8]) {
        #if _endian(little)
        if MemoryLayout<PlanarPoint>.size == 16 && MemoryLayout<PlanarPoint>.stride == 16 {
            ring.withUnsafeBytes { bytes.append(contentsOf: $0) }
            return
        }
        #endif
        for point in ring { append(point, to: &bytes) }
    }

    private static func append(_ point: PlanarPoint, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: point.x.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: point.y.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
