import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseCore
import ZonegriseRouting

/// The road graph cache file: round trip, probe, truncation, damaged counts and arrays.
/// Its use by `RoadNetworkLoader` is in `RoadNetworkLoaderTests`.
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
        let scratch = try ScratchFolder("cache-round-trip")
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
        let scratch = try ScratchFolder("cache-probe")
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
        let scratch = try ScratchFolder("cache-truncated")
        let path = scratch.path("road_graph.zgcache")
        try RoadGraphCache.write(Self.contents, key: Self.key, path: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - droppedBytes).write(to: URL(fileURLWithPath: path))
        let (error, text) = osmError { _ = try RoadGraphCache.read(path: path, key: Self.key) }
        #expect(error == .corruptCache(file: path))
        #expect(text == "\(path): the graph cache is truncated or corrupt; delete it to rebuild.")
    }

    @Test func corruptEdgeOrWrongKeyIsAnError() throws {
        let scratch = try ScratchFolder("cache-corrupt")
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
        let scratch = try ScratchFolder("cache-damaged")
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
        let scratch = try ScratchFolder("cache-counts")
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
}
