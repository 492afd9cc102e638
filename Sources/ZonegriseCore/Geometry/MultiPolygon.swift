/// A closed ring: the first point is repeated at the end, as in GeoJSON and GEOS.
public typealias Ring = [PlanarPoint]

/// One polygon: an exterior ring then zero or more holes.
public struct Polygon: Hashable, Sendable {
    public var rings: [Ring]

    public init(rings: [Ring]) {
        self.rings = rings
    }

    public var exterior: Ring { rings.first ?? [] }
}

/// A set of polygons, the shape of every commune (a Polygon is a MultiPolygon of one).
///
/// Coordinates are in whatever CRS the holder says; in the analysis they are
/// Lambert-93 metres. Pure value type: all topology (validity, repair, areas,
/// unions) is done by `ZonegriseNative.GeometryEngine` through GEOS.
public struct MultiPolygon: Hashable, Sendable {
    public var polygons: [Polygon]

    public init(polygons: [Polygon]) {
        self.polygons = polygons
    }

    public var isEmpty: Bool { polygons.isEmpty }

    /// Every vertex, all rings included, in order.
    /// - Complexity: O(1) to make; O(vertices) to walk.
    public var allPoints: some Sequence<PlanarPoint> { polygons.lazy.flatMap(\.rings).joined() }

    /// Number of vertices, all rings included.
    public var vertexCount: Int { polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } } }

    /// Bounding box of all vertices, or nil when empty.
    public var bounds: BoundingBox? {
        var box: BoundingBox?
        for polygon in polygons {
            for point in polygon.exterior {
                if box == nil { box = BoundingBox(point) } else { box!.include(point) }
            }
        }
        return box
    }
}

/// An axis-aligned box in planar coordinates.
public struct BoundingBox: Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public init(_ point: PlanarPoint) {
        self.init(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
    }

    public mutating func include(_ point: PlanarPoint) {
        minX = Swift.min(minX, point.x)
        minY = Swift.min(minY, point.y)
        maxX = Swift.max(maxX, point.x)
        maxY = Swift.max(maxY, point.y)
    }

    public func contains(_ point: PlanarPoint) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }
}
