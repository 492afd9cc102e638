#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import ZonegriseCore
import ZonegriseTestSupport

/// Shapes and generators shared by the native tests.
enum Fixtures {
    /// Axis-aligned rectangle as a one-polygon MultiPolygon (closed ring, counter-clockwise).
    static func rectangle(minX: Double, minY: Double, maxX: Double, maxY: Double) -> MultiPolygon {
        MultiPolygon(polygons: [Polygon(rings: [rectangleRing(minX: minX, minY: minY, maxX: maxX, maxY: maxY)])])
    }

    static func rectangleRing(minX: Double, minY: Double, maxX: Double, maxY: Double) -> Ring {
        [
            PlanarPoint(x: minX, y: minY), PlanarPoint(x: maxX, y: minY), PlanarPoint(x: maxX, y: maxY),
            PlanarPoint(x: minX, y: maxY), PlanarPoint(x: minX, y: minY),
        ]
    }

    static func square(x: Double, y: Double, side: Double) -> MultiPolygon {
        rectangle(minX: x, minY: y, maxX: x + side, maxY: y + side)
    }

    /// Self-intersecting "bow-tie" over [0, 2]²: two triangles of area 1 crossing at (1, 1).
    static let bowTie = MultiPolygon(polygons: [
        Polygon(rings: [[
            PlanarPoint(x: 0, y: 0), PlanarPoint(x: 2, y: 2), PlanarPoint(x: 2, y: 0),
            PlanarPoint(x: 0, y: 2), PlanarPoint(x: 0, y: 0),
        ]])
    ])

    /// A random simple (star-shaped) polygon around `center`: `vertexCount` vertices at
    /// increasing angles, radii in [0.5, 1] × `radius`. Closed ring.
    static func starPolygon(
        center: PlanarPoint, radius: Double, vertexCount: Int, using generator: inout SplitMix64
    ) -> Polygon {
        var ring: Ring = []
        ring.reserveCapacity(vertexCount + 1)
        for index in 0..<vertexCount {
            let angle = 2 * Double.pi * Double(index) / Double(vertexCount)
            let r = radius * Double.random(in: 0.5...1, using: &generator)
            ring.append(PlanarPoint(x: center.x + r * cos(angle), y: center.y + r * sin(angle)))
        }
        ring.append(ring[0])
        return Polygon(rings: [ring])
    }
}
