import Foundation
import Testing
@testable import Zonegrise

/// A small territory written into a fresh temporary folder, run through
/// `TerritoryManifest.load` and `AnalysisRun` like the `analyse` command does.
///
/// Département 99, nine square communes 99001…99009 on a 3 × 3 grid in WGS84 (cells of
/// 0.03° × 0.02°, about 2.3 × 2.2 km, from 2.00° E, 47.00° N; 99001 south-west, 99005 in
/// the middle), split across two GeoJSON files (`communes-a.geojson`: 99001–99005,
/// `communes-b.geojson`: 99006–99009), one feature per line so that feature N is on line
/// N + 1. 99005 is a pole of every gamme (types P1, I1, S1), 99001 of the proximité.
/// One France Services site in 99005, three others outside the territory.
final class PipelineTerritory {
    let folder: URL
    /// The output folder given to the run (created empty).
    let out: URL

    static let populations: [(code: String, population: Int)] = [
        ("99001", 1200), ("99002", 300), ("99003", 250), ("99004", 400), ("99005", 5000),
        ("99006", 350), ("99007", 150), ("99008", 220), ("99009", 180),
    ]
    static var totalPopulation: Int { populations.reduce(0) { $0 + $1.population } }

    init(_ label: String = "pipeline") throws {
        folder = try TestRepository.makeTemporaryFolder(label)
        out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try write("communes-a.geojson", Self.featureCollection((0 ..< 5).map { Self.squareFeature($0) }))
        try write("communes-b.geojson", Self.featureCollection((5 ..< 9).map { Self.squareFeature($0) }))
        try write("populations.csv", "code,population\n" + Self.populations.map { "\($0.code),\($0.population)\n" }.joined())
        try write("bpe.csv", """
        DEPCOM,TYPEQU,NB_EQUIP
        99001,P1,1
        99005,P1,2
        99005,I1,1
        99005,S1,1
        99009,X9,1

        """)
        try write("gammes.csv", "typequ,gamme\nP1,proximite\nI1,intermediaire\nS1,superieure\n")
        try write("france-services.csv", """
        id_fs,lib_fs,insee_com,latitude,longitude
        fs-1,Centre,99005,47.03,2.045
        fs-2,Ailleurs,98001,45.0,5.0
        fs-3,Perdu,,45.5,4.5
        fs-4,Inconnu,99999,46.0,3.0

        """)
        try writeManifest()
    }

    deinit { TestRepository.removeTemporaryFolder(folder) }

    // MARK: Files

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func writeBytes(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Rewrites `manifest.yaml`; `extra` is appended (more top-level keys).
    func writeManifest(communes: [String] = ["communes-a.geojson", "communes-b.geojson"], extra: String = "") throws {
        try write("manifest.yaml", """
        name: Fixture
        analysis_area: ["99"]
        communes:
          files: [\(communes.joined(separator: ", "))]
        populations: populations.csv
        equipment: bpe.csv
        gammes: gammes.csv
        service_layers:
          - name: france_services
            file: france-services.csv
            threshold: 30
        \(extra)
        """)
    }

    /// The ring of grid cell `index` (0 = 99001), counter-clockwise, in degrees.
    static func square(_ index: Int) -> [(Double, Double)] {
        let x0 = 2.0 + 0.03 * Double(index % 3), y0 = 47.0 + 0.02 * Double(index / 3)
        return [(x0, y0), (x0 + 0.03, y0), (x0 + 0.03, y0 + 0.02), (x0, y0 + 0.02), (x0, y0)]
    }

    static func code(_ index: Int) -> String { "9900\(index + 1)" }

    static func feature(properties: String, ring: [(Double, Double)]) -> String {
        let coordinates = ring.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coordinates)]]}}"
    }

    static func squareFeature(_ index: Int, code: String? = nil) -> String {
        feature(properties: "\"code\":\"\(code ?? Self.code(index))\",\"nom\":\"Commune \(index + 1)\"", ring: square(index))
    }

    /// One feature per line: feature N (1-based) is on line N + 1.
    static func featureCollection(_ features: [String], crs: String? = nil) -> String {
        let crsMember = crs.map { "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"\($0)\"}}," } ?? ""
        return "{\"type\":\"FeatureCollection\",\(crsMember)\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    // MARK: Runs

    func configuration() throws -> AnalysisConfiguration {
        try TerritoryManifest.load(path: path("manifest.yaml"))
    }

    @discardableResult
    func run(_ configuration: AnalysisConfiguration? = nil) async throws -> AnalysisRun.Report {
        try await AnalysisRun(configuration: configuration ?? self.configuration(), outputDirectory: out.path).execute()
    }

    /// The error of a run that must fail, with its description.
    func runError(_ configuration: AnalysisConfiguration? = nil) async -> (error: ZonegriseError?, text: String) {
        await asyncZonegriseError { try await self.run(configuration) }
    }

    /// The names in the output folder, hidden ones included.
    var outputEntries: [String] { TestRepository.entries(of: out) }

    /// The rows of an output CSV by the value of their first column.
    func outputRows(_ name: String) throws -> (header: [String], rows: [String: [String: String]]) {
        let lines = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[fields[0]] = Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        return (header, rows)
    }
}

/// Records an issue when a failed run left anything in the output folder: no output
/// file and no staging folder.
func expectNoOutput(_ territory: PipelineTerritory, sourceLocation: SourceLocation = #_sourceLocation) {
    let entries = territory.outputEntries
    #expect(entries.isEmpty, "the failed run left \(entries) in the output folder", sourceLocation: sourceLocation)
    #expect(!entries.contains { $0.hasPrefix(".zonegrise-staging-") }, sourceLocation: sourceLocation)
}
