import Testing
import ZonegriseCore
import ZonegriseNative
@testable import Zonegrise
import ZonegriseTestSupport

/// `PointTranslationTable` (the communes' positions as read, looked up by Lambert-93
/// vertex for the band and sector GeoJSON) on seeded wiggly grids, against the mapping
/// it was filled with, and `wgs84(_:projecting:)` against PROJ.
@Suite("Point translation for the polygon GeoJSON")
struct PointTranslationTableTests {
    /// An affine stand-in for the other coordinate system: exact, and never the identity.
    static func other(_ p: PlanarPoint) -> PlanarPoint { PlanarPoint(x: 2 * p.x + 1, y: 3 * p.y - 5) }
    static func other(_ shape: MultiPolygon) -> MultiPolygon {
        MultiPolygon(polygons: shape.polygons.map { Polygon(rings: $0.rings.map { $0.map(other) }) })
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func unionsOfCommunesFindEveryVertex(seed: UInt64) {
        let communes = WigglyGridCoverage.communes(seed: seed)
        var table = PointTranslationTable(expected: 16)  // grows on the way
        for shape in communes {
            let inserted = table.insert(shape, at: Self.other(shape))
            #expect(inserted)
        }
        let distinct = Set(communes.flatMap { Array($0.allPoints) })
        #expect(table.count == distinct.count)
        for point in distinct { #expect(table.position(of: point) == Self.other(point)) }
        // Unions traced along the communes' borders (as the bands are), walked both ways.
        let coverage = CoverageEdges(communes)
        var random = SplitMix64(seed: seed)
        for _ in 0 ..< 10 {
            let members = communes.indices.filter { _ in random.next() % 3 == 0 }
            guard !members.isEmpty, let rings = coverage.unionRings(of: members) else { continue }
            for ring in rings {
                #expect(table.positions(of: ring) == ring.map(Self.other))
                #expect(table.positions(of: ring.reversed()) == ring.reversed().map(Self.other))
            }
        }
    }

    @Test func unknownPointsAndMismatchedShapes() {
        let square: [PlanarPoint] = [.init(x: 0, y: 0), .init(x: 1, y: 0), .init(x: 1, y: 1), .init(x: 0, y: 0)]
        let shape = MultiPolygon(polygons: [Polygon(rings: [square])])
        var table = PointTranslationTable()
        // A ring of another length: nothing recorded.
        let mismatched = table.insert(shape, at: MultiPolygon(polygons: [Polygon(rings: [Array(square.dropLast())])]))
        #expect(!mismatched)
        #expect(table.count == 0 && table.position(of: square[0]) == nil)
        let first = table.insert(shape, at: Self.other(shape))
        // A point already known keeps its first position.
        let again = table.insert(shape, at: shape)
        #expect(first && again)
        #expect(table.position(of: square[1]) == Self.other(square[1]))
        let outside = PlanarPoint(x: 0.5, y: 0.25)
        #expect(table.positions(of: [square[0], outside, square[1], square[2]])
            == [Self.other(square[0]), nil, Self.other(square[1]), Self.other(square[2])])
        // -0 and +0 are different bits: not found.
        #expect(table.position(of: PlanarPoint(x: -0.0, y: 0)) == nil)
    }

    /// Known vertices come from the table, the others from PROJ, in place.
    @Test func wgs84MixesRecordedAndProjectedVertices() throws {
        let toWGS84 = try CoordinateTransformer.lambert93ToWGS84()
        let known: [PlanarPoint] = [.init(x: 650_000, y: 7_000_000), .init(x: 660_000, y: 7_000_000), .init(x: 660_000, y: 7_010_000)]
        let made = PlanarPoint(x: 655_000, y: 7_005_000)  // say, an intersection
        var table = PointTranslationTable()
        let read = try known.map { try toWGS84.transform($0) }.map { PlanarPoint(x: ($0.x * 1e5).rounded() / 1e5, y: ($0.y * 1e5).rounded() / 1e5) }
        let inserted = table.insert(MultiPolygon(polygons: [Polygon(rings: [known])]), at: MultiPolygon(polygons: [Polygon(rings: [read])]))
        #expect(inserted)
        let ring = [known[0], known[1], made, known[2], known[0]]
        let result = try table.wgs84(MultiPolygon(polygons: [Polygon(rings: [ring])]), projecting: toWGS84)
        let expected = [read[0], read[1], try toWGS84.transform(made), read[2], read[0]]
        #expect(result.polygons[0].rings[0] == expected)
        // The positions as read, not the round trip through Lambert-93 (which differs in
        // the last bits).
        #expect(read[0] != (try toWGS84.transform(known[0])))
    }
}
