import ZonegriseTestSupport
import Foundation
import Testing
import ZonegriseCore
@testable import ZonegriseOSM
import ZonegriseRouting

/// Chain contraction on the real Monaco graph, as docs/ROUTING.md measures it: with the
/// snapped segments' ends kept, a search on the contracted graph gives every kept node
/// the time it has on the full graph. (The pipeline does not contract; see the doc.)
@Suite("Real data: Monaco chain contraction")
struct MonacoChainContractionTests {
    static let monaco = TestRepository.sharedGeodata.appendingPathComponent("osm/monaco.osm.pbf").path

    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { FileManager.default.fileExists(atPath: monaco) }))
    func contractionKeepingSnappedEndsKeepsTheirTimes() throws {
        let folder = try TestRepository.makeTemporaryFolder("monaco-contraction")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let graph = try RoadNetworkLoader(osmPath: Self.monaco, profilePath: nil,
                                          cachePath: folder.appendingPathComponent("road_graph.zgcache").path, warnings: Warnings()).load().graph
        let index = SegmentIndex(graph: graph)
        var rng = SplitMix64(seed: 11)
        let snaps = (0 ..< 500).compactMap { _ -> RoadSnap? in
            let node = graph.coordinates[Int.random(in: 0 ..< graph.nodeCount, using: &rng)]
            return index.snap(PlanarPoint(x: node.x + Double.random(in: -150 ... 150, using: &rng),
                                          y: node.y + Double.random(in: -150 ... 150, using: &rng)))
        }
        let keep = Set(snaps.flatMap { [$0.u, $0.v] })
        let contracted = ChainContraction.contract(graph, keep: keep)
        #expect(contracted.graph.nodeCount < graph.nodeCount / 2, "\(contracted.graph.nodeCount) of \(graph.nodeCount) nodes left")
        let seeds = snaps.prefix(20).flatMap { [(node: $0.u, deciseconds: UInt32(0)), (node: $0.v, deciseconds: UInt32(0))] }
        var full = MultiSourceSearch(graph: graph), small = MultiSourceSearch(graph: contracted.graph)
        for direction in [MultiSourceSearch.Direction.towardSeeds, .fromSeeds] {
            let a = full.run(seeds: seeds, horizonDeciseconds: 36_000, direction: direction)
            let b = small.run(seeds: seeds.map { (contracted.oldToNew[Int($0.node)], $0.deciseconds) }, horizonDeciseconds: 36_000,
                              direction: direction)
            let differing = keep.filter { a.deciseconds($0) != b.deciseconds(contracted.oldToNew[Int($0)]) }
            #expect(differing.isEmpty, "\(differing.count) of \(keep.count) snapped ends differ (\(direction))")
        }
    }
}
