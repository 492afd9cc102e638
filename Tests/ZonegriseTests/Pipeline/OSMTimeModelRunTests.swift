import Foundation
import Testing
import ZonegriseTestSupport
@testable import Zonegrise
import ZonegriseCore
import ZonegriseOSM

/// Roads for `PipelineTerritory` (nine communes 2.00–2.09° E, 47.00–47.06° N, centres
/// at 2.015 / 2.045 / 2.075° E and 47.01 / 47.03 / 47.05° N): primary roads (65 km/h)
/// along the three rows and three columns of centres, nodes every 0.015° of longitude
/// and 0.01° of latitude. Written as OSM XML.
struct PipelineRoadMap {
    struct Way {
        var points: [(lon: Double, lat: Double)]
        var tags: [String: String]
    }

    var ways: [Way] = []

    /// Lattice point (i, j): 2.0 + 0.015 i ° E, 47.0 + 0.01 j ° N.
    static func point(_ i: Int, _ j: Int) -> (lon: Double, lat: Double) { (2.0 + 0.015 * Double(i), 47.0 + 0.01 * Double(j)) }

    /// The full grid through every commune centre. `rows` and `columns` give, for each
    /// lattice row j (1, 3, 5) and column i (1, 3, 5), how far the road runs (0...6).
    static func grid(highway: String = "primary",
                     rows: [Int: ClosedRange<Int>] = [1: 0 ... 6, 3: 0 ... 6, 5: 0 ... 6],
                     columns: [Int: ClosedRange<Int>] = [1: 0 ... 6, 3: 0 ... 6, 5: 0 ... 6]) -> PipelineRoadMap {
        var map = PipelineRoadMap()
        for (j, range) in rows.sorted(by: { $0.key < $1.key }) {
            map.ways.append(Way(points: range.map { point($0, j) }, tags: ["highway": highway]))
        }
        for (i, range) in columns.sorted(by: { $0.key < $1.key }) {
            map.ways.append(Way(points: range.map { point(i, $0) }, tags: ["highway": highway]))
        }
        return map
    }

    var xml: String {
        var ids: [String: Int] = [:]
        var nodes: [String] = []
        var wayLines: [String] = []
        for (index, way) in ways.enumerated() {
            wayLines.append("  <way id=\"\(index + 1)\" version=\"1\">")
            for point in way.points {
                let key = String(format: "%.7f,%.7f", point.lon, point.lat)
                if ids[key] == nil {
                    ids[key] = 1000 + ids.count
                    nodes.append("  <node id=\"\(ids[key]!)\" lat=\"\(String(format: "%.7f", point.lat))\" lon=\"\(String(format: "%.7f", point.lon))\" version=\"1\"/>")
                }
                wayLines.append("    <nd ref=\"\(ids[key]!)\"/>")
            }
            for (k, v) in way.tags.sorted(by: { $0.key < $1.key }) { wayLines.append("    <tag k=\"\(k)\" v=\"\(v)\"/>") }
            wayLines.append("  </way>")
        }
        return (["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<osm version=\"0.6\" generator=\"zonegrise tests\">"]
            + nodes + wayLines + ["</osm>"]).joined(separator: "\n") + "\n"
    }
}

/// The `osm` time model through `AnalysisRun` on the nine-commune fixture: bad extracts
/// are errors naming the file and write nothing; far centres and road islands are
/// warnings and the run goes on.
@Suite("Pipeline: osm time model")
struct OSMTimeModelRunTests {
    static let monaco = TestRepository.sharedGeodata.appendingPathComponent("osm/monaco.osm.pbf").path

    /// The fixture with `roads` as its extract (written as `name`) and the osm model.
    static func territory(_ label: String, roads: String, name: String = "roads.osm",
                          osmSettings: String = "") throws -> PipelineTerritory {
        let territory = try PipelineTerritory(label)
        try territory.write(name, roads)
        try territory.writeManifest(extra: "time_model:\n  kind: osm\n  osm:\n    file: \(name)\n" + osmSettings)
        return territory
    }

    static func index(_ report: AnalysisRun.Report, _ code: String) throws -> Int {
        try #require(report.result.communes.firstIndex { $0.code == code })
    }

    // MARK: A good run

    @Test func runOnTheRoadGridWritesTheCacheAndReadsItNextTime() async throws {
        let territory = try Self.territory("osm-grid", roads: PipelineRoadMap.grid().xml)
        let report = try await territory.run()
        #expect(territory.outputEntries == OutputNames.analysisFolder(["communes.csv", "communes.geojson", "gammes.csv", "manifest.json",
                                                                       "poles.geojson", "road_graph.zgcache", "zones_grises.csv"]))
        #expect(!report.warningMessages.contains { $0.contains("road") }, "\(report.warningMessages)")
        // 99005 is a pole: 0; 99002 is 0.02° of latitude (2.22 km) below it on the
        // column road, 2.05 min at 65 km/h (99001, 0.03° of longitude away, is 2.10 min).
        let proximite = try #require(report.result.access[.proximite])
        #expect(proximite[try Self.index(report, "99005")].minutes == 0)
        let i2 = try Self.index(report, "99002")
        #expect(proximite[i2].target == "99005")
        #expect(abs((proximite[i2].minutes ?? 0) - 2.05) <= 0.03, "\(proximite[i2])")
        // 99009 (2.075, 47.05) to 99005 (2.045, 47.03): 0.03° of longitude and 0.02° of
        // latitude of road, 2.10 + 2.05 min.
        let superieure = try #require(report.result.access[.superieure])
        #expect(abs((superieure[try Self.index(report, "99009")].minutes ?? 0) - 4.15) <= 0.05)
        let manifest = try String(contentsOf: territory.out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"kind\": \"osm\""))
        #expect(report.roadGraphCacheState == "built")
        #expect(!manifest.contains("cache_state"))

        let second = try await territory.run()
        #expect(!second.warningMessages.contains { $0.contains("rebuilt") }, "\(second.warningMessages)")
        let again = try String(contentsOf: territory.out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(second.roadGraphCacheState == "read")
        #expect(again == manifest)
        #expect(second.result.access[.superieure]?.map(\.minutes) == report.result.access[.superieure]?.map(\.minutes))
    }

    // MARK: Bad extracts: an error naming the file, nothing written

    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { FileManager.default.fileExists(atPath: monaco) }))
    func truncatedPBFIsAnErrorNamingTheFile() async throws {
        let territory = try PipelineTerritory("osm-truncated")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.monaco)).prefix(10_000)
        try bytes.write(to: territory.folder.appendingPathComponent("monaco-cut.osm.pbf"))
        try territory.writeManifest(extra: "time_model:\n  kind: osm\n  osm:\n    file: monaco-cut.osm.pbf")
        let (error, text) = await territory.runError()
        let path = territory.path("monaco-cut.osm.pbf")
        guard case let .roadNetwork(.malformed(file, _, detail))? = error else {
            Issue.record("expected a malformed-file error, got \(text)")
            return
        }
        #expect(file == path)
        #expect(detail.contains("truncated, corrupt or not OSM PBF data"), "\(detail)")
        #expect(text.hasPrefix(path + ": "))
        expectNoOutput(territory)
    }

    @Test(arguments: [("communes.osm", "code,population\n99001,1200\n"), ("empty.osm", "")])
    func nonOSMFileWithAnOsmSuffixIsAnErrorNamingTheFile(name: String, content: String) async throws {
        let territory = try Self.territory("osm-not-osm", roads: content, name: name)
        let (error, text) = await territory.runError()
        let path = territory.path(name)
        #expect(error == .roadNetwork(.malformed(file: path, line: nil, detail: "the file is not well-formed OSM XML (empty, truncated or not XML) (readosm error READOSM_XML_ERROR); read before the error: 0 nodes, 0 ways, 0 relations")), "\(text)")
        #expect(text.hasPrefix(path + ": "), "\(text)")
        expectNoOutput(territory)
    }

    @Test func xmlThatIsNotOSMHasNoDrivableRoad() async throws {
        let territory = try Self.territory("osm-html", roads: "<html><body><p>roads</p></body></html>\n", name: "page.osm")
        let (error, text) = await territory.runError()
        let path = territory.path("page.osm")
        #expect(error == .roadNetwork(.noDrivableRoad(file: path, profile: "car", waysRead: 0, highwayWays: 0)), "\(text)")
        expectNoOutput(territory)
    }

    @Test func extractWithOnlyFootwaysHasNoDrivableRoad() async throws {
        var map = PipelineRoadMap.grid(highway: "footway")
        map.ways[0].tags["highway"] = "steps"
        let territory = try Self.territory("osm-footways", roads: map.xml)
        let (error, text) = await territory.runError()
        let path = territory.path("roads.osm")
        #expect(error == .roadNetwork(.noDrivableRoad(file: path, profile: "car", waysRead: 6, highwayWays: 6)))
        #expect(text == "\(path): no road is drivable under the car profile (6 way(s) read, 6 with a highway tag); is it the right OpenStreetMap extract?")
        expectNoOutput(territory)
    }

    @Test func missingExtractIsAnError() async throws {
        let territory = try PipelineTerritory("osm-missing")
        try territory.writeManifest(extra: "time_model:\n  kind: osm\n  osm:\n    file: absent.osm.pbf")
        let (error, _) = await territory.runError()
        #expect(error == .roadNetwork(.unreadable(file: territory.path("absent.osm.pbf"), reason: "no such file")))
        expectNoOutput(territory)
    }

    @Test func extractThatIsAFolderIsAnError() async throws {
        let territory = try PipelineTerritory("osm-folder")
        try FileManager.default.createDirectory(at: territory.folder.appendingPathComponent("roads.osm.pbf"), withIntermediateDirectories: false)
        try territory.writeManifest(extra: "time_model:\n  kind: osm\n  osm:\n    file: roads.osm.pbf")
        let (error, text) = await territory.runError()
        let path = territory.path("roads.osm.pbf")
        #expect(error == .roadNetwork(.unreadable(file: path, reason: "Is a directory")), "\(text)")
        #expect(text == "\(path): cannot read the file: Is a directory.")
        expectNoOutput(territory)
    }

    @Test func osmModelWithoutAnExtractIsAnError() async throws {
        let territory = try PipelineTerritory("osm-no-file")
        try territory.writeManifest(extra: "time_model:\n  kind: osm")
        let (error, text) = await territory.runError()
        #expect(error == .invalidParameter(source: territory.path("manifest.yaml"), key: "time_model.osm.file",
                                           detail: "the osm time model needs an OpenStreetMap extract (.osm.pbf or .osm): name it here or with --osm"))
        #expect(text.contains("time_model.osm.file") && text.contains(".osm.pbf"))
        expectNoOutput(territory)
        // The same with the kind set as the --time-model flag does.
        let flagged = try PipelineTerritory("osm-no-file-flag")
        var configuration = try flagged.configuration()
        try configuration.apply("time_model.kind", value: "osm", source: "--time-model")
        #expect(await flagged.runError(configuration).error?.description.contains("time_model.osm.file") == true)
        expectNoOutput(flagged)
    }

    @Test func foreignFileAtTheCachePathIsAnErrorAndKept() async throws {
        let territory = try Self.territory("osm-foreign-cache", roads: PipelineRoadMap.grid().xml, osmSettings: "    cache: notes.txt\n")
        try territory.write("notes.txt", "my notes\n")
        let (error, text) = await territory.runError()
        #expect(error == .roadNetwork(.foreignCache(file: territory.path("notes.txt"))), "\(text)")
        #expect(text == "\(territory.path("notes.txt")): time_model.osm.cache: the file exists and is not a zonegrise graph cache, which zonegrise never overwrites; name another file for the cache.")
        #expect(try territory.text("notes.txt") == "my notes\n")
        expectNoOutput(territory)
    }

    // MARK: Warnings, and a result

    @Test func communeCentreFarFromAnyRoadIsNamedWithItsDistance() async throws {
        // No road in the north-east: row 5 stops at column 3, column 5 at row 3. The centre
        // of 99009 moved to (2.085, 47.058): 0.04° of longitude (3.03 km) east of the
        // column-3 road (2.045° E), 0.028° of latitude (3.11 km) above the row-3 road.
        let map = PipelineRoadMap.grid(rows: [1: 0 ... 6, 3: 0 ... 6, 5: 0 ... 3], columns: [1: 0 ... 6, 3: 0 ... 6, 5: 0 ... 3])
        let territory = try PipelineTerritory("osm-far")
        try territory.write("roads.osm", map.xml)
        try territory.write("centres.csv", "code,longitude,latitude\n99009,2.085,47.058\n")
        try territory.write("manifest.yaml", """
            name: Fixture
            analysis_area: ["99"]
            communes:
              files: [communes-a.geojson, communes-b.geojson]
              centres: centres.csv
            populations: populations.csv
            equipment: bpe.csv
            gammes: gammes.csv
            time_model:
              kind: osm
              osm:
                file: roads.osm
            """)
        let report = try await territory.run()
        let far = report.warningMessages.filter { $0.contains("farther than 1000 m from any road") }
        #expect(far.count == 1, "\(report.warningMessages)")
        let warning = try #require(far.first)
        #expect(warning.hasPrefix("1 commune centre(s) farther than 1000 m from any road (99009 at "), "\(warning)")
        #expect(warning.hasSuffix(" m); the leg to the road is costed at 15 km/h"), "\(warning)")
        // The distance: 3,031 m on the sphere; Lambert-93 on the ellipsoid is within 0.4 %.
        let metres = try #require(Double(warning.split(separator: "(99009 at ")[1].prefix { $0.isNumber }))
        #expect(abs(metres - 3031) <= 12, "\(metres) m")
        // And a time: 3.03 km off road at 15 km/h (12.14 min), then 0.028° of latitude of
        // road down to 99005 (3.11 km at 65 km/h, 2.87 min).
        let superieure = try #require(report.result.access[.superieure])
        let minutes = try #require(superieure[try Self.index(report, "99009")].minutes)
        #expect(abs(minutes - 15.01) <= 0.1, "\(minutes) min")
        #expect(territory.outputEntries.contains("communes.csv"))
    }

    @Test func farLimitComesFromTheManifest() async throws {
        // With max_snap_metres 5000 the same centre is not reported.
        let map = PipelineRoadMap.grid(rows: [1: 0 ... 6, 3: 0 ... 6, 5: 0 ... 3], columns: [1: 0 ... 6, 3: 0 ... 6, 5: 0 ... 3])
        let territory = try Self.territory("osm-far-limit", roads: map.xml, osmSettings: "    max_snap_metres: 5000\n")
        let report = try await territory.run()
        #expect(!report.warningMessages.contains { $0.contains("from any road") }, "\(report.warningMessages)")
    }

    @Test func roadIslandIsDroppedWithAWarning() async throws {
        var map = PipelineRoadMap.grid()
        // A street of three nodes joined to nothing, in the north-west corner.
        map.ways.append(.init(points: [(2.002, 47.058), (2.004, 47.058), (2.006, 47.058)], tags: ["highway": "residential"]))
        // A one-way spur off the grid: its end can be reached but not left.
        map.ways.append(.init(points: [PipelineRoadMap.point(6, 1), (2.095, 47.005)], tags: ["highway": "service", "oneway": "yes"]))
        let territory = try Self.territory("osm-island", roads: map.xml)
        let report = try await territory.run()
        let path = territory.path("roads.osm")
        #expect(report.warningMessages.contains("\(path): 4 road node(s) in 2 island(s) cut off from the main network dropped (only the largest strongly connected component is routed)"),
                "\(report.warningMessages)")
        let manifest = try String(contentsOf: territory.out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"dropped_nodes\": \"4\"") && manifest.contains("\"dropped_components\": \"2\""))
        #expect(report.result.access[.proximite]?.allSatisfy { $0.minutes != nil } == true)
    }
}
