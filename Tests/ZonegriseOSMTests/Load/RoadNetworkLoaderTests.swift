import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseCore
import ZonegriseNative
import ZonegriseRouting

/// `RoadNetworkLoader` and its cache: built, read, rebuilt when the extract or profile
/// changes, a foreign file at the cache path refused and left alone, a damaged cache or
/// a missing extract a clear error.
@Suite("Road network loader")
struct RoadNetworkLoaderTests {
    /// A two-way street a-b-c and a separate street e-f (an island: 2 nodes dropped).
    static func map(highway: String = "residential") -> OSMTestMap {
        OSMTestMap("""
            a---b---c

            e---f
            """, ways: [("abc", ["highway": highway]), ("ef", ["highway": "residential"])])
    }

    static func load(osm: String, profile: String? = nil, cache: String) throws -> (output: RoadNetworkLoader.Output, warnings: [String]) {
        let warnings = Warnings()
        let output = try RoadNetworkLoader(osmPath: osm, profilePath: profile, cachePath: cache, warnings: warnings).load()
        return (output, warnings.messages)
    }

    static func edges(_ graph: RoadGraph) -> [RoadEdge] {
        (0 ..< Int32(graph.nodeCount)).flatMap { node in graph.edgesOut(of: node).map { RoadEdge(from: node, to: $0.node, deciseconds: $0.deciseconds) } }
    }

    @Test func loaderBuildsThenReads() throws {
        let scratch = try ScratchFolder("cache-loader")
        let osm = scratch.path("map.osm")
        try Data(Self.map().xml.utf8).write(to: URL(fileURLWithPath: osm))
        let cache = scratch.path("out/road_graph.zgcache")

        let first = try Self.load(osm: osm, cache: cache)
        #expect(first.output.details["cache_state"] == "built")
        #expect(FileManager.default.fileExists(atPath: cache))
        #expect(first.output.graph.nodeCount == 3 && first.output.graph.edgeCount == 4)
        #expect(first.output.details["dropped_nodes"] == "2" && first.output.details["dropped_components"] == "1")
        #expect(first.warnings == ["\(osm): 2 road node(s) in 1 island(s) cut off from the main network dropped (only the largest strongly connected component is routed)"])
        let modified = try FileManager.default.attributesOfItem(atPath: cache)[.modificationDate] as? Date

        let second = try Self.load(osm: osm, cache: cache)
        #expect(second.output.details["cache_state"] == "read")
        #expect(second.warnings == first.warnings, "the island warning is repeated from the cache, nothing about rebuilding")
        #expect(Self.edges(second.output.graph) == Self.edges(first.output.graph))
        #expect(second.output.graph.nodeIDs == first.output.graph.nodeIDs)
        #expect(second.output.graph.coordinates == first.output.graph.coordinates)
        #expect(second.output.details == first.output.details.merging(["cache_state": "read"]) { $1 })
        #expect(try FileManager.default.attributesOfItem(atPath: cache)[.modificationDate] as? Date == modified)

        // The extract is hashed once, and the digest handed on for the run manifest.
        let digest = try SHA256Digest.hex(fileAt: osm)
        #expect(first.output.details["extract_sha256"] == digest)
        #expect(first.output.fileDigests == [osm: digest] && second.output.fileDigests == [osm: digest])

        // The built-in profile and a copy of profiles/car.yaml have the same fingerprint.
        let third = try Self.load(osm: osm, profile: TestRepository.path("profiles/car.yaml"), cache: cache)
        #expect(third.output.details["cache_state"] == "read")
    }

    @Test func changedProfileRebuildsWithAWarning() throws {
        let scratch = try ScratchFolder("cache-profile")
        let osm = scratch.path("map.osm")
        try Data(Self.map().xml.utf8).write(to: URL(fileURLWithPath: osm))
        let cache = scratch.path("road_graph.zgcache")
        let first = try Self.load(osm: osm, cache: cache)
        #expect(first.output.details["cache_state"] == "built")

        let profile = scratch.path("slow.yaml")
        let standard = try String(contentsOfFile: TestRepository.path("profiles/car.yaml"), encoding: .utf8)
        #expect(standard.contains("\npeak_hour_factor: 1.0\n"))
        try Data(standard.replacingOccurrences(of: "\npeak_hour_factor: 1.0\n", with: "\npeak_hour_factor: 1.5\n").utf8)
            .write(to: URL(fileURLWithPath: profile))
        let second = try Self.load(osm: osm, profile: profile, cache: cache)
        #expect(second.output.details["cache_state"] == "rebuilt")
        let rebuiltWarning = second.warnings.filter { $0.hasPrefix("\(cache): graph cache built from another extract, profile or format (") && $0.hasSuffix("…); rebuilt") }
        #expect(rebuiltWarning.count == 1, "\(second.warnings)")
        #expect(second.output.details["profile_fingerprint"] != first.output.details["profile_fingerprint"])
        // The new graph has the new times: 1.5 × each edge, rounded.
        let before = Self.edges(first.output.graph), after = Self.edges(second.output.graph)
        #expect(before.count == after.count)
        for (a, b) in zip(before, after) {
            #expect(a.from == b.from && a.to == b.to && abs(Double(b.deciseconds) - 1.5 * Double(a.deciseconds)) <= 1)
        }
        // And the cache now holds it: read back with that profile, rebuilt again with the standard one.
        #expect(try Self.load(osm: osm, profile: profile, cache: cache).output.details["cache_state"] == "read")
        #expect(try Self.load(osm: osm, cache: cache).output.details["cache_state"] == "rebuilt")
    }

    @Test func changedExtractRebuildsWithAWarning() throws {
        let scratch = try ScratchFolder("cache-extract")
        let osm = scratch.path("map.osm")
        try Data(Self.map().xml.utf8).write(to: URL(fileURLWithPath: osm))
        let cache = scratch.path("road_graph.zgcache")
        let first = try Self.load(osm: osm, cache: cache)
        // The same path, another content: the street becomes a primary road.
        try Data(Self.map(highway: "primary").xml.utf8).write(to: URL(fileURLWithPath: osm))
        let second = try Self.load(osm: osm, cache: cache)
        #expect(second.output.details["cache_state"] == "rebuilt")
        #expect(second.warnings.contains { $0.hasPrefix("\(cache): graph cache built from another extract, profile or format") && $0.hasSuffix("rebuilt") },
                "\(second.warnings)")
        #expect(second.output.details["extract_sha256"] != first.output.details["extract_sha256"])
        // 400 m at 65 km/h instead of 25 km/h.
        #expect(Self.edges(second.output.graph).map(\.deciseconds) != Self.edges(first.output.graph).map(\.deciseconds))
        #expect(Self.edges(second.output.graph).allSatisfy { $0.deciseconds == 222 })
    }

    @Test func foreignFileAtTheCachePathIsRefusedAndKept() throws {
        let scratch = try ScratchFolder("cache-foreign")
        let osm = scratch.path("map.osm")
        try Data(Self.map().xml.utf8).write(to: URL(fileURLWithPath: osm))
        let cache = scratch.path("communes.csv")
        let original = Data("code,population\n99001,1200\n".utf8)
        try original.write(to: URL(fileURLWithPath: cache))
        let (error, text) = osmError { _ = try Self.load(osm: osm, cache: cache) }
        #expect(error == .foreignCache(file: cache))
        #expect(text == "\(cache): time_model.osm.cache: the file exists and is not a zonegrise graph cache, which zonegrise never overwrites; name another file for the cache.")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == original)
        #expect(TestRepository.entries(of: scratch.folder) == ["communes.csv", "map.osm"])
    }

    @Test func truncatedCacheThroughTheLoaderIsAClearError() throws {
        let scratch = try ScratchFolder("cache-loader-truncated")
        let osm = scratch.path("map.osm")
        try Data(Self.map().xml.utf8).write(to: URL(fileURLWithPath: osm))
        let cache = scratch.path("road_graph.zgcache")
        _ = try Self.load(osm: osm, cache: cache)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cache))
        try bytes.prefix(bytes.count - 5).write(to: URL(fileURLWithPath: cache))
        let (error, text) = osmError { _ = try Self.load(osm: osm, cache: cache) }
        #expect(error == .corruptCache(file: cache), "\(text)")
    }

    @Test func missingExtractIsAClearError() throws {
        let scratch = try ScratchFolder("cache-missing-extract")
        let osm = scratch.path("absent.osm.pbf"), cache = scratch.path("road_graph.zgcache")
        let (error, _) = osmError { _ = try Self.load(osm: osm, cache: cache) }
        #expect(error == .unreadable(file: osm, reason: "no such file"))
        #expect(!FileManager.default.fileExists(atPath: cache))
    }
}

/// The warnings of the extraction name the extract once (they used to print its path
/// twice: "roads.osm: roads.osm: 1 way(s)…").
@Suite("Road network loader: warnings")
struct RoadNetworkLoaderWarningTests {
    @Test func extractionWarningsNameTheExtractOnce() throws {
        let scratch = try ScratchFolder("loader-warning")
        let osm = scratch.path("map.osm")
        let map = OSMTestMap("a---b---c", ways: [("abc", ["highway": "residential", "maxspeed": "fast"])])
        try Data(map.xml.utf8).write(to: URL(fileURLWithPath: osm))
        let (_, warnings) = try RoadNetworkLoaderTests.load(osm: osm, cache: scratch.path("cache.zgcache"))
        let maxspeed = try #require(warnings.first { $0.contains("maxspeed") })
        #expect(maxspeed.hasPrefix(osm + ": 1 way(s) have a maxspeed that is not a speed"), "\(maxspeed)")
        #expect(maxspeed.components(separatedBy: osm).count == 2, "the path appears once: \(maxspeed)")
    }
}

/// A node PROJ cannot project (latitude −90°) is named by its OSM id (it used to be an
/// array position, with exit code 1).
@Suite("Road network loader: unprojectable node")
struct RoadNetworkLoaderProjectionTests {
    @Test func nodeIsNamedByItsID() throws {
        let scratch = try ScratchFolder("loader-projection")
        let osm = scratch.path("pole.osm")
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="7001" lat="49.0" lon="2.0"/>
              <node id="7002" lat="-90" lon="2.001"/>
              <node id="7003" lat="49.001" lon="2.002"/>
              <way id="10"><nd ref="7001"/><nd ref="7002"/><nd ref="7003"/><tag k="highway" v="residential"/></way>
            </osm>

            """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: osm))
        let (error, text) = osmError { _ = try RoadNetworkLoaderTests.load(osm: osm, cache: scratch.path("cache.zgcache")) }
        guard case let .malformed(file, _, detail)? = error else {
            Issue.record("expected a malformed extract, got \(text)")
            return
        }
        #expect(file == osm)
        #expect(detail.hasPrefix("node 7002 at longitude 2.001, latitude -90.0 cannot be projected to Lambert-93"), "\(detail)")
    }
}
