import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseNative
import ZonegriseRouting

/// The synthetic road network of the demo (`geodata/demo/roads.osm`, written by
/// scripts/make-demo.py): what the default car profile keeps and what pruning drops, as the
/// demo's README describes them.
@Suite struct DemoRoadNetworkTests {
    static let path = TestRepository.path("geodata/demo/roads.osm")

    /// The road and ferry ways of the file whose tags satisfy `match`.
    static func ways(_ match: ([String: String]) -> Bool) throws -> [OSMWay] {
        var found: [OSMWay] = []
        _ = try OSMFileReader(path: path).forEachWay(withAnyKey: ["highway", "route"]) { if match($0.tags) { found.append($0) } }
        return found
    }

    @Test func shortcutsTheTrackAndTheFerryAreNotDriven() throws {
        let roads = try RoadExtractor().extract(path: Self.path)
        #expect(roads.report.profileWarnings.total == 0)  // every maxspeed form of the file is read
        #expect(roads.report.waysWithMissingNodes == 0)
        let forbidden = try Self.ways {
            $0["highway"] == "footway" || $0["highway"] == "track" || $0["access"] == "no" || $0["route"] == "ferry"
        }
        #expect(forbidden.count == 4)
        #expect(roads.report.drivableWays == roads.report.highwayWays - 3)
        // Their inner nodes are on no other way: none may be a network node.
        let kept = Set(roads.nodeIDs)
        for way in forbidden {
            #expect(way.nodeRefs.dropFirst().dropLast().allSatisfy { !kept.contains($0) }, "\(way.tags)")
        }
    }

    @Test func pruningDropsExactlyTheIslandUnlessFerriesAreOn() throws {
        func droppedNodes(_ profile: CarProfile) throws -> (ids: Set<Int64>, components: Int) {
            let roads = try RoadExtractor(profile: profile).extract(path: Self.path)
            let graph = RoadGraph(RoadEdgeList(
                nodeIDs: roads.nodeIDs, coordinates: roads.coordinates,
                edges: roads.edges.map { RoadEdge(from: $0.from, to: $0.to, deciseconds: $0.deciseconds) }))
            let pruned = ComponentPruning.largestStronglyConnected(graph)
            let keptIDs = Set(pruned.keptNodes.map { roads.nodeIDs[Int($0)] })
            return (Set(roads.nodeIDs).subtracting(keptIDs), pruned.droppedComponents)
        }
        let islandNames: Set<String> = ["Rue du Tour de l'Île", "Cale de l'Île", "Chemin du Phare"]
        let island = Set(try Self.ways { islandNames.contains($0["name"] ?? "") }.flatMap(\.nodeRefs))
        #expect(island.count == 10)
        let off = try droppedNodes(.standard)
        #expect(off.ids == island)
        #expect(off.components == 1)
        var ferries = CarProfile.standard
        ferries.ferries = true
        #expect(try droppedNodes(ferries).ids.isEmpty)
    }
}
