import Testing
import ZonegriseCore
import ZonegriseNative
@testable import Zonegrise
import ZonegriseTestSupport

/// The maps' border-by-border simplification (`SimplifiedCommunes.bordersSimplified`) on
/// seeded wiggly grids (`WigglyGridCoverage.communes`): the simplified communes are valid,
/// still a clean coverage (neighbours share every border: no sliver, no gap), with the
/// same outline topology, and made of original vertices only.
@Suite("Simplified communes for the maps")
struct SimplifiedCommunesTests {
    let engine = GeometryEngine()

    @Test(arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func neighboursKeepOneBorder(seed: UInt64) async throws {
        let shapes = WigglyGridCoverage.communes(seed: seed)
        let coverage = CoverageEdges(shapes)
        let simplified = try #require(try await SimplifiedCommunes.bordersSimplified(coverage, toleranceMetres: 0.15))
        let kept = try simplified.enumerated().map { index, shape in try #require(shape, "seed \(seed): shape \(index) fell back") }
        for (index, shape) in kept.enumerated() {
            #expect(try engine.isValid(shape), "seed \(seed) shape \(index)")
            let original = Set(shapes[index].polygons.flatMap { $0.rings.flatMap { $0 } })
            #expect(shape.polygons.allSatisfy { $0.rings.allSatisfy { $0.allSatisfy(original.contains) } }, "seed \(seed) shape \(index)")
        }
        #expect(kept.reduce(0) { $0 + $1.vertexCount } < shapes.reduce(0) { $0 + $1.vertexCount } * 2 / 3)
        // Still a clean coverage: borders shared vertex for vertex, and the union traced
        // from them has as many rings as the original union (the gaps and the outline).
        let after = CoverageEdges(kept)
        #expect(after.isClean)
        #expect(try engine.isCleanCoverage(after))
        let everything = Array(shapes.indices)
        #expect(after.unionRings(of: everything)?.count == coverage.unionRings(of: everything)?.count)
        #expect(after.sharedEdgePairs(among: everything).map { [$0.0, $0.1] } == coverage.sharedEdgePairs(among: everything).map { [$0.0, $0.1] })
    }

    /// A strip between two borders: the lower one has a peak the tolerance keeps, the
    /// upper one a smaller peak above it that the tolerance drops. Each border simplified
    /// alone, the lower peak cuts through the upper border and the strip is invalid; its
    /// borders are then simplified again finer, so that every commune is valid and its
    /// neighbours still share its borders.
    @Test func aBorderCuttingAnotherIsRetriedFiner() async throws {
        let lower = (0 ... 10).map { PlanarPoint(x: Double($0), y: $0 == 5 ? 2.2 : 1) }
        var upper = (0 ... 10).map { PlanarPoint(x: Double($0), y: 2) }
        upper.replaceSubrange(5 ... 5, with: [PlanarPoint(x: 4.8, y: 2), PlanarPoint(x: 5, y: 2.3), PlanarPoint(x: 5.2, y: 2)])
        func ring(_ points: [PlanarPoint]) -> MultiPolygon { MultiPolygon(polygons: [Polygon(rings: [points + [points[0]]])]) }
        let bottom = ring([PlanarPoint(x: 0, y: -1), PlanarPoint(x: 10, y: -1)] + lower.reversed())
        let strip = ring(lower + upper.reversed())
        let top = ring(upper + [PlanarPoint(x: 10, y: 3), PlanarPoint(x: 0, y: 3)])
        let shapes = [bottom, strip, top]
        for shape in shapes { #expect(try engine.isValid(shape)) }
        let coverage = CoverageEdges(shapes)
        #expect(try engine.isCleanCoverage(coverage))
        // The case retries: in one pass at this tolerance, the strip is invalid.
        let chains = try #require(coverage.borderChains())
        let onePass = coverage.shapes(rebuiltFrom: try engine.simplifiedChains(chains.chains[...], toleranceMetres: 1), chains: chains)
        #expect(try onePass[1].isEmpty || !engine.isValid(onePass[1]))
        let simplified = try #require(try await SimplifiedCommunes.bordersSimplified(coverage, toleranceMetres: 1))
        let kept = try simplified.map { try #require($0) }
        for shape in kept { #expect(try engine.isValid(shape)) }
        #expect(CoverageEdges(kept).isClean)
        #expect(CoverageEdges(kept).sharedEdgePairs(among: [0, 1, 2]).count == 2)
    }
}
