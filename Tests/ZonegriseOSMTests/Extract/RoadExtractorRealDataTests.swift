import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseCore

/// Extraction of the Monaco PBF extract of ../shared/geodata (skipped when absent).
@Suite struct RoadExtractorRealDataTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let monaco = root.appendingPathComponent("../shared/geodata/osm/monaco.osm.pbf").standardizedFileURL.path
    static let available = FileManager.default.fileExists(atPath: monaco)

    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { available }))
    func monacoGivesARoadNetwork() throws {
        let roads = try RoadExtractor().extract(path: Self.monaco)
        let report = roads.report
        #expect(report.waysRead == 27_377 && report.nodesRead == 180_118)
        #expect(report.highwayWays == 2927)
        #expect(report.drivableWays > 500 && report.drivableWays < report.highwayWays)
        #expect(!roads.edges.isEmpty && roads.nodeIDs.count == roads.coordinates.count)
        // Dense ids in increasing OSM id order, every node on an edge, positions in the box.
        #expect(zip(roads.nodeIDs, roads.nodeIDs.dropFirst()).allSatisfy { $0 < $1 })
        var used = [Bool](repeating: false, count: roads.nodeIDs.count)
        for edge in roads.edges {
            used[Int(edge.from)] = true
            used[Int(edge.to)] = true
            #expect(edge.from != edge.to && edge.deciseconds >= 1 && edge.metres >= 0 && edge.metres < 5000)
        }
        #expect(used.allSatisfy { $0 })
        #expect(roads.coordinates.allSatisfy { (7.30...7.55).contains($0.x) && (43.65...43.80).contains($0.y) })
        // Total length of the network, both directions counted once per direction: a
        // sanity range for Monaco and its French fringe (a few hundred km of lanes).
        let kilometres = roads.edges.reduce(0) { $0 + $1.metres } / 1000
        #expect(kilometres > 100 && kilometres < 2000)
        print("Monaco: \(roads.nodeIDs.count) nodes, \(roads.edges.count) edges, \(Int(kilometres)) km of directed edges; \(report.drivableWays) drivable ways of \(report.highwayWays) highway ways; warnings: \(report.warnings)")
    }

    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { available }))
    func truncatedMonacoIsAClearError() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.monaco)).prefix(100_000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-\(UUID().uuidString).osm.pbf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: OSMError.malformed(
            file: path, line: nil,
            detail: "the file is truncated, corrupt or not OSM PBF data (a block header or block is invalid) (readosm error READOSM_INVALID_PBF_HEADER); read before the error: 0 nodes, 0 ways, 0 relations")
        ) {
            try RoadExtractor().extract(path: path)
        }
    }
}
