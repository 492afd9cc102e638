import Foundation
import Testing
import ZonegriseCore
import ZonegriseNative
import ZonegriseTestSupport

/// Topology-preserving simplification for the maps: fewer vertices, every shape kept and
/// valid, vertices taken from the original, boundaries within the tolerance.
@Suite struct GeometrySimplifyTests {
    let engine = GeometryEngine()

    /// A grid of adjacent cells whose edges wiggle by up to `amplitude` (seeded), with
    /// `steps` vertices per edge; neighbours share their edges exactly.
    static func wigglyGrid(columns: Int, rows: Int, side: Double, steps: Int, amplitude: Double, seed: UInt64) -> [MultiPolygon] {
        var generator = SplitMix64(seed: seed)
        // One offset per interior point of each horizontal and vertical edge.
        var horizontal: [[[Double]]] = [], vertical: [[[Double]]] = []
        for _ in 0 ... rows { horizontal.append((0 ..< columns).map { _ in (1 ..< steps).map { _ in (Double.random(in: 0 ..< 1, using: &generator) - 0.5) * 2 * amplitude } }) }
        for _ in 0 ..< rows { vertical.append((0 ... columns).map { _ in (1 ..< steps).map { _ in (Double.random(in: 0 ..< 1, using: &generator) - 0.5) * 2 * amplitude } }) }
        func edgeH(_ r: Int, _ c: Int) -> [PlanarPoint] {  // west to east along y = r × side
            (0 ... steps).map { k in
                let x = (Double(c) + Double(k) / Double(steps)) * side
                let dy = (k == 0 || k == steps || r == 0 || r == rows) ? 0 : horizontal[r][c][k - 1]
                return PlanarPoint(x: x, y: Double(r) * side + dy)
            }
        }
        func edgeV(_ r: Int, _ c: Int) -> [PlanarPoint] {  // south to north along x = c × side
            (0 ... steps).map { k in
                let y = (Double(r) + Double(k) / Double(steps)) * side
                let dx = (k == 0 || k == steps || c == 0 || c == columns) ? 0 : vertical[r][c][k - 1]
                return PlanarPoint(x: Double(c) * side + dx, y: y)
            }
        }
        var cells: [MultiPolygon] = []
        for r in 0 ..< rows {
            for c in 0 ..< columns {
                var ring = edgeH(r, c)
                ring += edgeV(r, c + 1).dropFirst()
                ring += edgeH(r + 1, c).reversed().dropFirst()
                ring += edgeV(r, c).reversed().dropFirst()
                cells.append(MultiPolygon(polygons: [Polygon(rings: [ring])]))
            }
        }
        return cells
    }

    @Test func simplifiedCommunesStayValidNonEmptyAndNearTheOriginal() throws {
        let cells = Self.wigglyGrid(columns: 6, rows: 5, side: 1000, steps: 40, amplitude: 10, seed: 7)
        let tolerance = 25.0
        var before = 0, after = 0
        for cell in cells {
            #expect(try engine.isValid(cell))
            let simplified = engine.simplifiedForMap(cell, toleranceMetres: tolerance)
            #expect(!simplified.isEmpty)
            #expect(try engine.isValid(simplified))
            let original = Set(cell.allPoints)
            #expect(simplified.allPoints.allSatisfy { original.contains($0) }, "Douglas–Peucker keeps original vertices")
            // The area moves by at most the perimeter times the tolerance.
            let perimeter = 4000.0 * 1.1
            #expect(abs(try engine.area(simplified) - (try engine.area(cell))) <= perimeter * tolerance)
            before += cell.vertexCount
            after += simplified.vertexCount
        }
        #expect(after * 3 < before, "\(before) vertices simplified to \(after)")
    }

    @Test func aShapeSmallerThanTheToleranceIsKept() throws {
        let speck = MultiPolygon(polygons: [Polygon(rings: [[PlanarPoint(x: 0, y: 0), PlanarPoint(x: 5, y: 0), PlanarPoint(x: 5, y: 5),
                                                              PlanarPoint(x: 2.5, y: 5.5), PlanarPoint(x: 0, y: 5), PlanarPoint(x: 0, y: 0)]])])
        let raw = try engine.simplifyPreservingTopology(speck, toleranceMetres: 100)
        let kept = engine.simplifiedForMap(speck, toleranceMetres: 100)
        #expect(!kept.isEmpty)
        #expect(try engine.isValid(kept))
        #expect(raw.isEmpty || raw.vertexCount <= speck.vertexCount)
        #expect(try engine.area(kept) > 0)
    }

    @Test func holesSurviveAndStayInside() throws {
        let outer: Ring = (0 ..< 64).map { k in
            let angle = Double(k) / 64 * 2 * Double.pi
            return PlanarPoint(x: 1000 * cos(angle), y: 1000 * sin(angle))
        }
        let hole: Ring = (0 ..< 64).reversed().map { k in
            let angle = Double(k) / 64 * 2 * Double.pi
            return PlanarPoint(x: 300 * cos(angle), y: 300 * sin(angle))
        }
        let ring = MultiPolygon(polygons: [Polygon(rings: [outer + [outer[0]], hole + [hole[0]]])])
        let simplified = try engine.simplifyPreservingTopology(ring, toleranceMetres: 20)
        #expect(simplified.polygons.count == 1 && simplified.polygons[0].rings.count == 2)
        #expect(try engine.isValid(simplified))
        #expect(simplified.vertexCount < ring.vertexCount)
    }
}
