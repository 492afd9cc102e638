import Foundation
import Zonegrise
import ZonegriseCore
import ZonegriseNative
import ZonegriseOSM
import ZonegriseTestSupport

/// One reader under fuzzing: its seed files and how one input is run. A run may throw
/// (a user error is the right answer to a bad input); it must not trap.
struct FuzzTarget: Sendable {
    /// The folder name of its corpus (`Tests/FuzzCorpus/<name>/`).
    let name: String
    /// The suffix of its input files (readers decide on it: `.osm`, `.pbf`, `.gz`).
    let suffix: String
    /// Seed files, relative to the repository root, or named files of `FuzzTerritory`.
    let seeds: [Seed]
    let run: @Sendable (_ bytes: [UInt8], _ context: FuzzContext) async throws -> Void

    enum Seed: Sendable {
        case repository(String)
        case territory(String)
        /// A workbook made by `XLSXFixture` (binary: no text seed holds it).
        case workbook([XLSXFixture.Sheet])
    }

    /// The bytes of every seed.
    func seedBytes(_ context: FuzzContext) throws -> [[UInt8]] {
        try seeds.map { seed in
            switch seed {
            case let .repository(path): return Array(try Data(contentsOf: RepositoryFolders.root.appendingPathComponent(path)))
            case let .territory(name): return Array(FuzzTerritory.files[name]!.utf8)
            case let .workbook(sheets): return Array(try XLSXFixture.bytes(sheets))
            }
        }
    }

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "geojson", suffix: ".geojson", seeds: [.repository("geodata/demo/communes-98.geojson"), .territory("communes.geojson")]) { bytes, _ in
            _ = try GeoJSONReader.read(bytes, file: "fuzz.geojson")
        },
        FuzzTarget(name: "json", suffix: ".json", seeds: [.territory("communes.geojson"), .repository("Tests/FuzzCorpus/seeds/values.json")]) { bytes, _ in
            _ = try JSONParser.parse(bytes, file: "fuzz.json")
        },
        FuzzTarget(name: "csv", suffix: ".csv",
                   seeds: ["populations.csv", "france-services.csv", "arrondissements.csv", "gammes.csv", "equipements-geolocalises.csv"].map { .repository("geodata/demo/" + $0) }) { bytes, _ in
            let csv = try CSVReader(bytes: bytes, file: "fuzz.csv")
            var total = 0
            try csv.forEachRecord { record in
                for index in 0 ..< record.count {
                    total &+= record.string(index).utf8.count
                    _ = record.int(index)
                    _ = record.double(index)
                }
            }
            _ = try csv.countRecords()
            _ = total
        },
        FuzzTarget(name: "gzip", suffix: ".gz", seeds: [.repository("geodata/demo/bpe.csv.gz")]) { bytes, _ in
            _ = try Gzip.decompress(bytes, source: "fuzz.gz")
        },
        FuzzTarget(name: "manifest", suffix: ".yaml", seeds: [.repository("geodata/demo/demo.yaml"), .repository("examples/pas-de-calais.yaml"), .territory("manifest.yaml")]) { bytes, context in
            let path = context.scratch("manifest.yaml")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            _ = try TerritoryManifest.load(path: path)
        },
        // The zip (ZIPFoundation) and SpreadsheetML (SWXMLHash) layers of the gamme workbook.
        FuzzTarget(name: "xlsx", suffix: ".xlsx", seeds: [.workbook(XLSXFixture.inseeLayout)]) { bytes, context in
            let path = context.scratch("gammes.xlsx")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            _ = try GammeWorkbookReader(file: path).read()
        },
        FuzzTarget(name: "osm-xml", suffix: ".osm", seeds: [.repository("Tests/FuzzCorpus/seeds/tiny.osm")]) { bytes, context in
            try context.loadRoads(bytes, suffix: ".osm")
        },
        FuzzTarget(name: "osm-pbf", suffix: ".osm.pbf", seeds: [.repository("Tests/FuzzCorpus/seeds/tiny.osm.pbf")]) { bytes, context in
            try context.loadRoads(bytes, suffix: ".osm.pbf")
        },
    ] + pipeline

    /// The whole analysis of `FuzzTerritory` with one of its files mutated.
    static let pipeline: [FuzzTarget] = [
        ("pipeline-communes", "communes.geojson", "manifest.yaml"), ("pipeline-populations", "populations.csv", "manifest.yaml"),
        ("pipeline-equipment", "bpe.csv", "manifest.yaml"), ("pipeline-gammes", "gammes.csv", "manifest.yaml"),
        ("pipeline-sites", "france-services.csv", "manifest.yaml"), ("pipeline-subdivisions", "arrondissements.csv", "manifest.yaml"),
        ("pipeline-matrix", "matrix.csv", "manifest-matrix.yaml"), ("pipeline-manifest", "manifest.yaml", "manifest.yaml"),
        ("pipeline-scenario", "scenario.yaml", "manifest.yaml"),
    ].map { name, file, manifest in
        FuzzTarget(name: name, suffix: "." + (file.split(separator: ".").last.map(String.init) ?? "txt"), seeds: [.territory(file)]) { bytes, context in
            try await context.territory.with(file, replacedBy: bytes) {
                let configuration = try TerritoryManifest.load(path: context.territory.path(manifest))
                let out = context.territory.outputFolder()
                defer { try? FileManager.default.removeItem(atPath: out) }
                if file == "scenario.yaml" {
                    _ = try await ComparisonRun(configuration: configuration, scenarioPaths: [context.territory.path(file)], outputDirectory: out).execute()
                } else {
                    _ = try await AnalysisRun(configuration: configuration, outputDirectory: out).execute()
                }
            }
        }
    }

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
