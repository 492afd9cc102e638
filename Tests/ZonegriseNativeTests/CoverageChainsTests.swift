import Testing
import ZonegriseCore
@testable import ZonegriseNative
import ZonegriseTestSupport

/// `CoverageEdges.borderChains` and `GeometryEngine.simplifiedChains` on seeded wiggly
/// grids made into communes of several kinds: single cells, a block with an enclave (a
/// commune inside a hole of another), a commune in two parts, and gaps where cells are
/// left out (the outline gets holes).
@Suite("Coverage border chains")
struct CoverageChainsTests {
    let engine = GeometryEngine()

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func chainsRebuildEveryShapeExactly(seed: UInt64) throws {
        let shapes = WigglyGridCoverage.communes(seed: seed)
        let coverage = CoverageEdges(shapes)
        #expect(coverage.isClean)
        let chains = try #require(coverage.borderChains(), "seed \(seed): no chains")
        let rebuilt = coverage.shapes(rebuiltFrom: chains.chains, chains: chains)
        for (index, (shape, again)) in zip(shapes, rebuilt).enumerated() {
            #expect(try engine.isValid(again), "seed \(seed) shape \(index)")
            #expect(try engine.coverTheSamePoints(shape, again), "seed \(seed) shape \(index)")
            #expect(again.vertexCount == shape.vertexCount, "seed \(seed) shape \(index)")
        }
        // Every chain is walked once (the outline) or twice (a shared border), and every
        // vertex of a shape is on one of its chains.
        let walkers = coverage.shapesOfChains(chains)
        #expect(walkers.allSatisfy { (1 ... 2).contains($0.count) })
        #expect(walkers.contains { $0.count == 2 } && walkers.contains { $0.count == 1 })
        // The enclave (shape 1) is bordered by the block (shape 0) only.
        #expect(coverage.chainIndices(ofShape: 1, chains: chains).allSatisfy { walkers[$0] == [0, 1] })
    }

    @Test(arguments: [6, 7, 8] as [UInt64])
    func simplifiedChainsKeepTheirEndsAndOnlyOriginalVertices(seed: UInt64) throws {
        let shapes = WigglyGridCoverage.communes(seed: seed)
        let chains = try #require(CoverageEdges(shapes).borderChains())
        let simplified = try engine.simplifiedChains(chains.chains[...], toleranceMetres: 0.1)
        #expect(simplified.count == chains.chains.count)
        var dropped = 0
        for (line, original) in zip(simplified, chains.chains) {
            #expect(line.first == original.first && line.last == original.last)
            // A subsequence of the original line.
            var position = original.startIndex
            for point in line {
                guard let found = original[position...].firstIndex(of: point) else {
                    Issue.record("seed \(seed): a vertex that is not the chain's")
                    break
                }
                position = found + 1
            }
            dropped += original.count - line.count
        }
        #expect(dropped > 0, "seed \(seed): nothing simplified")
    }

    @Test func aCleanCoverageIsNeededForChains() {
        let overlapping = [Fixtures.square(x: 0, y: 0, side: 2), Fixtures.square(x: 1, y: 1, side: 2)]
        let same = [Fixtures.square(x: 0, y: 0, side: 1), Fixtures.square(x: 0, y: 0, side: 1)]
        #expect(CoverageEdges(same).borderChains() == nil)
        // Overlapping squares share no edge: each is its own clean outline.
        #expect(CoverageEdges(overlapping).borderChains()?.chains.count == 2 * 3)
    }
}
