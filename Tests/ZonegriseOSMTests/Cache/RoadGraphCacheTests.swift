import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseCore
import ZonegriseNative
import ZonegriseRouting

/// The road graph cache: the file format (round trip, probe, truncation) and its use by
/// `RoadNetworkLoader` (built, read, rebuilt when the extract or profile changes, a
/// foreign file at the cache path refused and left alone).
@Suite("Road graph cache")
struct RoadGraphCacheTests {
    static let key = RoadGraphCache.key(extractSHA256: String(repeating: "ab", count: 32), profileFingerprint: String(repeating: "cd", count: 32))

    /// Every edge kind the file must keep bit for bit: the fastest and the slowest
    /// times, ids beyond 32 bits and negative, -0.0 and tiny coordinates.
    static var contents: RoadGraphCache.Contents { RoadGraphCache.Contents(
        graph: RoadGraph(RoadEdgeList(
            nodeIDs: [7, 1_000_000_000_123, -5, Int64.max],
            coordinates: [PlanarPoint(x: 652_000.125, y: 6_862_000.5), PlanarPoint(x: -1e-300, y: .pi),
                          PlanarPoint(x: 0, y: -0.0), PlanarPoint(x: 1.5e7, y: 2.25)],
            edges: [RoadEdge(from: 0, to: 1, deciseconds: 1), RoadEdge(from: 1, to: 0, deciseconds: UInt32.max),
                    RoadEdge(from: 2, to: 3, deciseconds: 4321), RoadEdge(from: 3, to: 0, deciseconds: 77)])),
        droppedNodes: 12, droppedComponents: 3) }

    /// Where the counts start: magic and version (12), key length (4), the key padded to
    /// 8 bytes, then the dropped nodes and components (8 each).
    static var countsOffset: Int { 16 + (key.utf8.count + 7) / 8 * 8 + 16 }

    /// A fresh folder with the cache path inside it.
    final class Scratch {
        let folder: URL
        init(_ label: String) throws { folder = try TestRepository.makeTemporaryFolder(label) }
        deinit { TestRepository.removeTemporaryFolder(folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    }

    static func expectEqual(_ a: RoadGraphCache.Contents, _ b: RoadGraphCache.Contents, sourceLocation: SourceLocation = #_sourceLocation) {
        let x = a.graph, y = b.graph
        #expect(x.nodeIDs == y.nodeIDs, sourceLocation: sourceLocation)
        #expect(x.firstOut == y.firstOut && x.head == y.head && x.weight == y.weight, sourceLocation: sourceLocation)
        #expect(x.firstIn == y.firstIn && x.tail == y.tail && x.weightIn == y.weightIn, sourceLocation: sourceLocation)
        #expect(x.maxDeciseconds == y.maxDeciseconds, sourceLocation: sourceLocation)
        // Bit for bit, so -0.0 and tiny values survive.
        #expect(x.coordinates.map(\.x.bitPattern) == y.coordinates.map(\.x.bitPattern), sourceLocation: sourceLocation)
        #expect(x.coordinates.map(\.y.bitPattern) == y.coordinates.map(\.y.bitPattern), sourceLocation: sourceLocation)
        #expect(a.droppedNodes == b.droppedNodes && a.droppedComponents == b.droppedComponents, sourceLocation: sourceLocation)
    }

    // MARK: The file

    @Test func writeThenReadGivesTheSameGraph() throws {
        let scratch = try Scratch("cache-round-trip")
        let path = scratch.path("nested/folder/road_graph.zgcache")  // folders are created
        try RoadGraphCache.write(Self.contents, key: Self.key, path: path)
        Self.expectEqual(try RoadGraphCache.read(path: path, key: Self.key), Self.contents)
        // Header 8 + 4 + 4 + key (154 bytes, padded to 160), 4 × Int64, then 24 bytes per
        // node (id, x, y), the 5 offsets (20 bytes, padded to 24), 4 heads, 4 times.
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(Self.key.utf8.count == 154)
        #expect(size == 16 + 160 + 32 + 4 * 24 + 24 + 4 * 4 + 4 * 4)
        // No temporary file left beside it.
        #expect(TestRepository.entries(of: URL(fileURLWithPath: path).deletingLastPathComponent()) == ["road_graph.zgcache"])
        // An empty graph too.
        let empty = RoadGraphCache.Contents(graph: RoadGraph(RoadEdgeList(nodeIDs: [], coordinates: [], edges: [])), droppedNodes: 0, droppedComponents: 0)
        try RoadGraphCache.write(empty, key: Self.key, path: path)
        Self.expectEqual(try RoadGraphCache.read(path: path, key: Self.key), empty)
    }

    @Test func probeTellsMatchingStaleForeignAndAbsent() throws {
        let scratch = try Scratch("cache-probe")
        let path = scratch.path("road_graph.zgcache")
        #expect(RoadGraphCache.probe(path: path, key: Self.key) == .absent)
        try RoadGraphCache.write(Self.contents, key: Self.key, path: path)
        #expect(RoadGraphCache.probe(path: path, key: Self.key) == .matching)
        let other = RoadGraphCache.key(extractSHA256: String(repeating: "ef", count: 32), profileFingerprint: String(repeating: "cd", count: 32))
        #expect(other != Self.key)
        #expect(RoadGraphCache.probe(path: path, key: other) == .stale(key: Self.key))

        // Not a cache: text, an empty file, a few bytes, a folder.
        let text = scratch.path("text.zgcache")
        try Data("from,to,deciseconds\n0,1,5\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(RoadGraphCache.probe(path: text, key: Self.key) == .foreign)
        let empty = scratch.path("empty.zgcache")
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(RoadGraphCache.probe(path: empty, key: Self.key) == .foreign)
        let short = scratch.path("short.zgcache")
        try Data(RoadGraphCache.magic).write(to: URL(fileURLWithPath: short))
        #expect(RoadGraphCache.probe(path: short, key: Self.key) == .foreign)
        #expect(RoadGraphCache.probe(path: scratch.folder.path, key: Self.key) == .foreign)

        // Our magic with another format version: stale, never read.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[8] = UInt8(truncatingIfNeeded: RoadGraphCache.formatVersion + 1)
        let future = scratch.path("future.zgcache")
        try Data(bytes).write(to: URL(fileURLWithPath: future))
        #expect(RoadGraphCache.probe(path: future, key: Self.key) == .stale(key: "another format version"))
    }

    @Test(arguments: [1, 12, 40, 200])
    func truncatedCacheIsAClearError(droppedBytes: Int) throws {
        let scratch = try Scratch("cache-truncated")
        let path = scratch.path("road_graph.zgcache")
        try RoadGraphCache.write(Self.contents, key: Self.key, path: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - droppedBytes).write(to: URL(fileURLWithPath: path))
        let (error, text) = osmError { _ = try RoadGraphCache.read(path: path, key: Self.key) }
        #expect(error == .corruptCache(file: path))
        #expect(text == "\(path): the graph cache is truncated or corrupt; delete it to rebuild.")
    }

    @Test func corruptEdgeOrWrongKeyIsAnError() throws {
        let scratch = try Scratch("cache-corrupt")
        let path = scratch.path("road_graph.zgcache")
        try RoadGraphCache.write(Self.contents, key: Self.key, path: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The last edge's head (the last Int32 before the 16 bytes of times): node 9 of 4.
        bytes[bytes.count - 16 - 4] = 9
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: OSMError.corruptCache(file: path)) {
            try RoadGraphCache.read(path: path, key: Self.key)
        }
        try RoadGraphCache.write(Self.contents, key: Self.key, path: path)
        #expect(throws: OSMError.self) { try RoadGraphCache.read(path: path, key: "another key") }
    }

    /// Damaged arrays of the right size: each is refused by the graph's checks, never
    /// routed on or crashed on.
    @Test(arguments: [
        ("offsets decrease", 0, Int32(0)),    // firstOut [0, 1, 0, 3, 4]
        ("offset past the end", 1, Int32(5)), // firstOut [0, 1, 2, 5, 4]: 5 of 4 edges
        ("self-loop", 2, Int32(0)),           // head[0] = 0: the edge 0 → 0
        ("negative head", 3, Int32(-1)),      // head[3] = -1
        ("zero time", 4, Int32(0)),           // weight[0] = 0
    ])
    func damagedArraysAreAClearError(damage: String, field: Int, value: Int32) throws {
        let scratch = try Scratch("cache-damaged")
        let path = scratch.path("road_graph.zgcache")
        try RoadGraphCache.write(Self.contents, key: Self.key, path: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let offsets = Self.countsOffset + 16 + 4 * 24, heads = offsets + 24, times = heads + 16
        let at = [offsets + 2 * 4, offsets + 3 * 4, heads, heads + 3 * 4, times][field]
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(at ..< at + 4, with: $0) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: OSMError.corruptCache(file: path), "\(damage)") {
            try RoadGraphCache.read(path: path, key: Self.key)
        }
    }

    /// Corrupt node or edge counts (a damaged disk, a file cut and re-joined) are a clear
    /// error, not a crash or a huge allocation.
    @Test(arguments: [Int64.max, Int64.max / 12 + 1, -1, Int64(Int32.max), 1 << 40])
    func corruptCountsAreAClearError(count: Int64) throws {
        let scratch = try Scratch("cache-counts")
        let path = scratch.path("road_graph.zgcache")
        for offset in [Self.countsOffset, Self.countsOffset + 8] {  // node count, edge count
            try RoadGraphCache.write(Self.contents, key: Self.key, path: path)
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            withUnsafeBytes(of: count.littleEndian) { bytes.replaceSubrange(offset ..< offset + 8, with: $0) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: OSMError.corruptCache(file: path)) {
                try RoadGraphCache.read(path: path, key: Self.key)
            }
        }
    }

    // MARK: Through the loader

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
        let scratch = try Scratch("cache-loader")
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
        let scratch = try Scratch("cache-profile")
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
        let scratch = try Scratch("cache-extract")
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
        let scratch = try Scratch("cache-foreign")
        let osm = scratch.path("map.osm")
        try Data(Self.map().xml.utf8).write(to: URL(fileURLWithPath: osm))
        let cache = scratch.path("communes.csv")
        let original = Data("code,population\n99001,1200\n".utf8)
        try original.write(to: URL(fileURLWithPath: cache))
        let (error, text) = osmError { _ = try Self.load(osm: osm, cache: cache) }
        #expect(error == .foreignCache(file: cache))
        #expect(text == "\(cache): time_model.osm.cache: the file exists and is not a zonegrise graph cache; remove it or name another cache path.")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == original)
        #expect(TestRepository.entries(of: scratch.folder) == ["communes.csv", "map.osm"])
    }

    @Test func truncatedCacheThroughTheLoaderIsAClearError() throws {
        let scratch = try Scratch("cache-loader-truncated")
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
        let scratch = try Scratch("cache-missing-extract")
        let osm = scratch.path("absent.osm.pbf"), cache = scratch.path("road_graph.zgcache")
        let (error, _) = osmError { _ = try Self.load(osm: osm, cache: cache) }
        #expect(error == .unreadable(file: osm, reason: "no such file"))
        #expect(!FileManager.default.fileExists(atPath: cache))
    }
}
