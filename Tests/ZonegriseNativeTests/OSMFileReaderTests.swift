import Foundation
import Testing
import ZonegriseCore
import ZonegriseNative
import ZonegriseTestSupport

/// readosm through `OSMFileReader`: small XML files written here, and the Monaco PBF
/// extract of ../shared/geodata when present.
@Suite struct OSMFileReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let monaco = root.appendingPathComponent("../shared/geodata/osm/monaco.osm.pbf").standardizedFileURL.path
    static let monacoAvailable = FileManager.default.fileExists(atPath: monaco)

    static let smallXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6" generator="zonegrise test">
          <node id="1" lat="43.7310" lon="7.4200" version="1"/>
          <node id="2" lat="43.7320" lon="7.4210" version="1">
            <tag k="highway" v="traffic_signals"/>
            <tag k="name" v="Place d'Armes &amp; Co"/>
          </node>
          <node id="3" lat="-12.5" lon="-0.25" version="1"/>
          <way id="10" version="1">
            <nd ref="1"/><nd ref="2"/><nd ref="3"/>
            <tag k="highway" v="primary"/>
            <tag k="maxspeed" v="FR:urban"/>
            <tag k="name" v="Boulevard Albert 1er"/>
          </way>
          <way id="11" version="1">
            <nd ref="3"/><nd ref="1"/>
            <tag k="building" v="yes"/>
          </way>
          <relation id="100" version="1">
            <member type="way" ref="10" role=""/>
            <tag k="type" v="route"/>
          </relation>
        </osm>
        """

    @Test func smallXMLFileIsReadWithTagsAndCoordinates() throws {
        let path = try TemporaryFile.write(Self.smallXML, suffix: ".osm")
        defer { TemporaryFile.remove(path) }
        let reader = try OSMFileReader(path: path)
        #expect(reader.format == .xml)

        var nodes: [OSMNode] = []
        var ways: [OSMWay] = []
        let counts = try reader.read(nodeTags: true, nodes: { nodes.append($0) }, ways: { ways.append($0) })
        #expect(counts == OSMObjectCounts(nodes: 3, ways: 2, relations: 0))
        #expect(nodes == [
            OSMNode(id: 1, longitude: 7.42, latitude: 43.731),
            OSMNode(id: 2, longitude: 7.421, latitude: 43.732, tags: ["highway": "traffic_signals", "name": "Place d'Armes & Co"]),
            OSMNode(id: 3, longitude: -0.25, latitude: -12.5),
        ])
        #expect(ways == [
            OSMWay(id: 10, nodeRefs: [1, 2, 3], tags: ["highway": "primary", "maxspeed": "FR:urban", "name": "Boulevard Albert 1er"]),
            OSMWay(id: 11, nodeRefs: [3, 1], tags: ["building": "yes"]),
        ])
        #expect(try reader.countObjects() == OSMObjectCounts(nodes: 3, ways: 2, relations: 1))
        #expect(try reader.countObjects(nodes: false, ways: true, relations: false) == OSMObjectCounts(ways: 2))
        #expect(try reader.countObjects(nodes: true, ways: false, relations: false) == OSMObjectCounts(nodes: 3))

        // Without nodeTags, nodes come without tags.
        var untagged: [OSMNode] = []
        _ = try reader.read(nodes: { untagged.append($0) })
        #expect(untagged.map(\.tags) == [[:], [:], [:]])
    }

    @Test func twoPassRoadReadKeepsOnlyWantedWaysAndNodes() throws {
        let path = try TemporaryFile.write(Self.smallXML, suffix: ".OSM")
        defer { TemporaryFile.remove(path) }
        let reader = try OSMFileReader(path: path)
        var kept: [Int64] = []
        let counts = try reader.forEachWay(withAnyKey: ["highway", "route"]) { kept.append($0.id) }
        #expect(kept == [10])
        #expect(counts.ways == 2 && counts.nodes == 0)

        let index = OSMNodeIndex(ids: [3, 1, 99, 1])
        #expect(index.ids == [1, 3, 99])
        let located = try reader.coordinates(of: index)
        #expect(located.foundCount == 2 && located.missingCount == 1 && located.nodesRead == 3)
        #expect(located.position(of: 1) == PlanarPoint(x: 7.42, y: 43.731))
        #expect(located.position(of: 3) == PlanarPoint(x: -0.25, y: -12.5))
        #expect(located.position(of: 99) == nil && !located.isFound(2))
        #expect(located.position(of: 2) == nil)  // in the file, not asked for
    }

    @Test func nodeIndexFindsEveryIdAndNothingElse() {
        var generator = SplitMix64(seed: 42)
        let ids = (0..<2000).map { _ in Int64.random(in: -50...5_000_000_000, using: &generator) }
        let index = OSMNodeIndex(ids: ids + ids.prefix(100))
        let distinct = Set(ids)
        #expect(index.count == distinct.count)
        for id in ids { #expect(index.ids[index.index(of: id)!] == id) }
        for probe in [Int64.min, -51, 5_000_000_001, Int64.max] where !distinct.contains(probe) {
            #expect(index.index(of: probe) == nil)
        }
        #expect(OSMNodeIndex(ids: []).index(of: 1) == nil)
    }

    @Test func otherSuffixesAreRejected() throws {
        let path = try TemporaryFile.write(Self.smallXML, suffix: ".txt")
        defer { TemporaryFile.remove(path) }
        #expect(throws: NativeError.osm(
            path: path,
            message: "unsupported file name: an OpenStreetMap file must end in .osm (OSM XML) or .pbf / .osm.pbf (OSM PBF); convert other formats with osmium (osmium cat in.o5m -o out.osm.pbf)")
        ) {
            try OSMFileReader(path: path)
        }
        #expect(throws: NativeError.self) { try OSMFileReader(path: "/x/roads.osm.bz2") }
    }

    @Test func missingFilesAndFoldersAreIOErrors() throws {
        #expect(throws: NativeError.io(path: "/nonexistent/roads.osm.pbf", message: "No such file or directory")) {
            try OSMFileReader(path: "/nonexistent/roads.osm.pbf")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-\(UUID().uuidString).osm").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { TemporaryFile.remove(folder) }
        #expect(throws: NativeError.io(path: folder, message: "it is a folder")) { try OSMFileReader(path: folder) }
    }

    @Test func badXMLIsAClearError() throws {
        for (text, suffix) in [("not xml at all", ".osm"), ("", ".osm"), ("<osm><node id=\"1\"", ".osm")] {
            let path = try TemporaryFile.write(text, suffix: suffix)
            defer { TemporaryFile.remove(path) }
            let error = #expect(throws: NativeError.self) { try OSMFileReader(path: path).countObjects() }
            #expect(error?.description.hasPrefix("Cannot read the OpenStreetMap file \(path): the file is not well-formed OSM XML") == true)
            #expect(error?.description.contains("READOSM_XML_ERROR") == true)
        }
    }

    @Test func textWithAPBFSuffixIsAClearError() throws {
        let path = try TemporaryFile.write("<osm></osm>", suffix: ".osm.pbf")
        defer { TemporaryFile.remove(path) }
        let error = #expect(throws: NativeError.self) { try OSMFileReader(path: path).countObjects() }
        #expect(error?.description.contains("the file is truncated, corrupt or not OSM PBF data") == true)
        #expect(error?.description.contains("READOSM_INVALID_PBF_HEADER") == true)
    }

    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { monacoAvailable }))
    func monacoPBFIsReadCompletely() throws {
        let reader = try OSMFileReader(path: Self.monaco)
        #expect(reader.format == .pbf)
        #expect(try reader.countObjects() == OSMObjectCounts(nodes: 180_118, ways: 27_377, relations: 212))

        var highwayWays = 0
        var nodeTagCount = 0
        var positions: [Int64: PlanarPoint] = [:]
        let counts = try reader.read(
            nodeTags: true,
            nodes: { node in
                nodeTagCount += node.tags.count
                positions[node.id] = PlanarPoint(x: node.longitude, y: node.latitude)
            },
            ways: { way in if way.tags["highway"] != nil { highwayWays += 1 } })
        #expect(counts == OSMObjectCounts(nodes: 180_118, ways: 27_377, relations: 0))
        #expect(highwayWays == 2927)
        #expect(nodeTagCount > 0)
        // Every node inside the header's bounding box (7.349, 43.71)–(7.491, 43.77).
        #expect(positions.values.allSatisfy { (7.349...7.491).contains($0.x) && (43.71...43.77).contains($0.y) })

        // The two-pass read agrees with the full read.
        var refs: [Int64] = []
        var visited = 0
        let firstPass = try reader.forEachWay(withAnyKey: ["highway"]) { way in
            visited += 1
            refs += way.nodeRefs
        }
        #expect(visited == 2927 && firstPass.ways == 27_377)
        let located = try reader.coordinates(of: OSMNodeIndex(ids: refs))
        #expect(located.nodesRead == 180_118)
        #expect(located.foundCount == located.index.count)  // Monaco's extract is complete
        for (slot, id) in located.index.ids.enumerated() { #expect(located.positions[slot] == positions[id]) }
    }

    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { monacoAvailable }))
    func truncatedPBFIsAClearError() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.monaco)).prefix(100_000)
        let path = try TemporaryFile.write(Data(bytes), suffix: ".osm.pbf")
        defer { TemporaryFile.remove(path) }
        let reader = try OSMFileReader(path: path)
        let error = #expect(throws: NativeError.self) { try reader.countObjects() }
        #expect(error?.description == "Cannot read the OpenStreetMap file \(path): the file is truncated, corrupt or not OSM PBF data (a block header or block is invalid) (readosm error READOSM_INVALID_PBF_HEADER); read before the error: 0 nodes, 0 ways, 0 relations.")
        #expect(throws: NativeError.self) { try reader.forEachWay { _ in } }
    }
}

/// Files in the temporary folder, for tests.
enum TemporaryFile {
    static func write(_ text: String, suffix: String) throws -> String {
        try write(Data(text.utf8), suffix: suffix)
    }

    static func write(_ data: Data, suffix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zonegrise-\(UUID().uuidString)\(suffix)").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
