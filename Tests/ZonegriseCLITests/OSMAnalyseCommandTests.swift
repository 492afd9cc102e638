import Foundation
import Testing
import ZonegriseTestSupport

/// `zonegrise analyse --time-model osm` end to end with the built tool, on four square
/// communes (99001–99004, 0.03° × 0.02° each, from 2.00° E 47.00° N; 99004 a pole of
/// every gamme) crossed by two primary roads through their centres.
@Suite("CLI: analyse with the osm time model")
struct OSMAnalyseCommandTests {
    static let outputs = OutputNames.analysisFolder(["communes.csv", "communes.geojson", "gammes.csv", "manifest.json", "poles.geojson",
                                                      "road_graph.zgcache", "zones_grises.csv"])

    /// Writes the territory into `folder`; returns the manifest path.
    @discardableResult
    static func writeOSMTerritory(_ folder: URL) throws -> String {
        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        var features: [String] = []
        for index in 0 ..< 4 {
            let x0 = 2.0 + 0.03 * Double(index % 2), y0 = 47.0 + 0.02 * Double(index / 2)
            let ring = [(x0, y0), (x0 + 0.03, y0), (x0 + 0.03, y0 + 0.02), (x0, y0 + 0.02), (x0, y0)]
            features.append("{\"type\":\"Feature\",\"properties\":{\"code\":\"9900\(index + 1)\",\"nom\":\"Commune \(index + 1)\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring.map { "[\($0.0),\($0.1)]" }.joined(separator: ","))]]}}")
        }
        try write("communes.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n")
        try write("populations.csv", "code,population\n99001,100\n99002,200\n99003,300\n99004,4000\n")
        try write("bpe.csv", "DEPCOM,TYPEQU,NB_EQUIP\n99004,P1,1\n99004,I1,1\n99004,S1,1\n")
        try write("gammes.csv", "typequ,gamme\nP1,proximite\nI1,intermediaire\nS1,superieure\n")
        try write("manifest.yaml", """
            name: OSM fixture
            analysis_area: ["99"]
            communes:
              files: [communes.geojson]
            populations: populations.csv
            equipment: bpe.csv
            gammes: gammes.csv

            """)
        // Roads along the centres' rows (47.01, 47.03) and columns (2.015, 2.045).
        var nodes: [String] = [], ways: [String] = []
        var ids: [String: Int] = [:]
        func node(_ lon: Double, _ lat: Double) -> Int {
            let key = String(format: "%.4f %.4f", lon, lat)
            if let id = ids[key] { return id }
            let id = 100 + ids.count
            ids[key] = id
            nodes.append("  <node id=\"\(id)\" lat=\"\(String(format: "%.4f", lat))\" lon=\"\(String(format: "%.4f", lon))\" version=\"1\"/>")
            return id
        }
        let lines: [[(Double, Double)]] = [
            [(2.0, 47.01), (2.015, 47.01), (2.03, 47.01), (2.045, 47.01), (2.06, 47.01)],
            [(2.0, 47.03), (2.015, 47.03), (2.03, 47.03), (2.045, 47.03), (2.06, 47.03)],
            [(2.015, 47.0), (2.015, 47.01), (2.015, 47.02), (2.015, 47.03), (2.015, 47.04)],
            [(2.045, 47.0), (2.045, 47.01), (2.045, 47.02), (2.045, 47.03), (2.045, 47.04)],
        ]
        for (index, line) in lines.enumerated() {
            ways.append("  <way id=\"\(index + 1)\" version=\"1\">")
            for point in line { ways.append("    <nd ref=\"\(node(point.0, point.1))\"/>") }
            ways.append("    <tag k=\"highway\" v=\"primary\"/>")
            ways.append("  </way>")
        }
        try write("roads.osm", (["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<osm version=\"0.6\">"] + nodes + ways + ["</osm>"])
            .joined(separator: "\n") + "\n")
        return folder.appendingPathComponent("manifest.yaml").path
    }

    @Test func osmRunWritesTheGraphCacheThenReadsIt() throws {
        let folder = try CLIScratch.folder("osm-run")
        defer { CLIScratch.remove(folder) }
        let manifest = try Self.writeOSMTerritory(folder)
        let out = folder.appendingPathComponent("out")
        let roads = folder.appendingPathComponent("roads.osm").path
        let arguments = ["analyse", manifest, "--out", out.path, "--time-model", "osm", "--osm", roads]

        let first = try ZonegriseBinary.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(CLIScratch.entries(out) == Self.outputs)
        #expect(first.stdout.hasPrefix("4 communes analysed, 4600 inhabitants; 1 poles in the service area."), "\(first.stdout)")
        #expect(!first.stderr.contains("graph cache") && !first.stderr.contains("rebuilt"), "\(first.stderr)")
        let manifestJSON = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifestJSON.contains("\"kind\": \"osm\""))
        // The manifest names the default cache relative to the outputs, and not whether it
        // was read or built: two runs write the same manifest.
        #expect(manifestJSON.contains("\"cache\": \"road_graph.zgcache (in the output folder)\""))
        #expect(!manifestJSON.contains("cache_state"))
        let builtAt = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("road_graph.zgcache").path)[.modificationDate] as? Date
        let cache = try Data(contentsOf: out.appendingPathComponent("road_graph.zgcache"))
        #expect(cache.prefix(8) == Data("ZGRAPH\u{0}\n".utf8))
        // 99001 (2.015, 47.01) to the pole 99004 (2.045, 47.03): 0.03° of longitude and
        // 0.02° of latitude of primary road (2.10 + 2.05 min).
        let communes = try CLIScratch.rows(out.appendingPathComponent("communes.csv"))
        let header = try String(contentsOf: out.appendingPathComponent("communes.csv"), encoding: .utf8)
            .prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "temps_superieure"), "\(header)")
        let minutes = try #require(communes["99001"].flatMap { Double($0[column]) })
        #expect(abs(minutes - 4.15) <= 0.05, "\(minutes)")

        let second = try ZonegriseBinary.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains("rebuil") && !second.stderr.contains("graph cache"), "\(second.stderr)")
        #expect(second.stderr == first.stderr)
        #expect(second.stdout == first.stdout)
        let again = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(again == manifestJSON)
        // Read, not rewritten.
        #expect(try Data(contentsOf: out.appendingPathComponent("road_graph.zgcache")) == cache)
        #expect(try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("road_graph.zgcache").path)[.modificationDate] as? Date == builtAt)
        #expect(CLIScratch.entries(out) == Self.outputs)
    }

    static let monaco = ZonegriseBinary.repositoryRoot.appendingPathComponent("../shared/geodata/osm/monaco.osm.pbf").standardizedFileURL

    @Test(.requires("../shared/geodata/osm/monaco.osm.pbf", { FileManager.default.fileExists(atPath: monaco.path) }))
    func truncatedPBFIsAnErrorNamingTheFile() throws {
        let folder = try CLIScratch.folder("osm-truncated")
        defer { CLIScratch.remove(folder) }
        let manifest = try Self.writeOSMTerritory(folder)
        // The first 10 KB of the Monaco extract.
        let cut = folder.appendingPathComponent("cut.osm.pbf")
        try Data(contentsOf: Self.monaco).prefix(10_000).write(to: cut)
        let out = folder.appendingPathComponent("out")
        let result = try ZonegriseBinary.run(["analyse", manifest, "--out", out.path, "--time-model", "osm", "--osm", cut.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("zonegrise: error: \(cut.path): "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "the failed run created \(CLIScratch.entries(out))")
    }

    @Test func osmTimeModelWithoutAnExtractIsAnError() throws {
        let folder = try CLIScratch.folder("osm-no-extract")
        defer { CLIScratch.remove(folder) }
        let manifest = try Self.writeOSMTerritory(folder)
        let out = folder.appendingPathComponent("out")
        let result = try ZonegriseBinary.run(["analyse", manifest, "--out", out.path, "--time-model", "osm"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "zonegrise: error: \(manifest): time_model.osm.file: the osm time model needs an OpenStreetMap extract (.osm.pbf or .osm): name it here or with --osm.\n")
        #expect(!FileManager.default.fileExists(atPath: out.path), "the failed run created \(CLIScratch.entries(out))")
    }
}
