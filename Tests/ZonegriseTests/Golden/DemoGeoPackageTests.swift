import Foundation
import Synchronization
import Testing
@testable import Zonegrise
import ZonegriseCore
import ZonegriseNative

/// The demo's `resultats.gpkg` read by GDAL's `ogrinfo` (an independent client): the
/// layers, their counts, CRS, spatial indexes, valid geometries and attribute values
/// equal to `communes.csv`; and its SHA-256 against the golden record.
@Suite("Golden files: resultats.gpkg")
struct DemoGeoPackageTests {
    static let hashFile = "gpkg.sha256"

    /// `ogrinfo -q -sql QUERY file` (SQLite dialect), the `name (Type) = value` lines as
    /// (name, value).
    static func query(_ file: String, _ sql: String) throws -> [(String, String)] {
        let text = try DemoOgrinfoTests.ogrinfo(["-ro", "-q", "-dialect", "SQLite", "-sql", sql, file])
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let paren = trimmed.firstIndex(of: " "), let equals = trimmed.range(of: ") = ") else { return nil }
            return (String(trimmed[..<paren]), String(trimmed[equals.upperBound...]))
        }
    }

    @Test(.requires("ogrinfo (install gdal-bin) to validate the GeoPackage with GDAL", { DemoOgrinfoTests.ogrinfo != nil }))
    func layersCountsAndCRS() async throws {
        let (folder, report) = try await DemoRun.run("gpkg-layers")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let path = folder.appendingPathComponent("resultats.gpkg").path
        let summary = try DemoOgrinfoTests.ogrinfo(["-ro", "-so", "-al", path])
        let layers = summary.split(separator: "\n").filter { $0.hasPrefix("Layer name: ") }.map { String($0.dropFirst(12)) }
        #expect(layers == ["communes", "poles", "secteurs", "bandes_proximite", "bandes_intermediaire", "bandes_superieure", "france_services"])
        let counts = summary.split(separator: "\n").filter { $0.hasPrefix("Feature Count: ") }.map { Int($0.dropFirst(15)) ?? -1 }
        let result = report.result
        #expect(counts.count == layers.count)
        if counts.count == 7 {
            #expect(counts[0] == result.communes.count && counts[0] == 300, "communes = analysed communes")
            #expect(counts[1] == result.poles.count)
            #expect(counts[6] == result.layers[0].sites.count)
        }
        #expect(summary.components(separatedBy: "PROJCRS[\"RGF93 v1 / Lambert-93\"").count - 1 == layers.count, "every layer in Lambert-93")
        #expect(summary.components(separatedBy: "ID[\"EPSG\",2154]]").count - 1 == layers.count)
        for field in ["code: String", "population: Integer64", "temps_proximite: Real", "zone_grise_superieure: Integer(Boolean)",
                      "nb_gammes_grises: Integer64", "hors_seuil_france_services: Integer(Boolean)", "gammes_manquantes: String",
                      "poles_proches_superieure: String", "petit_secteur: Integer(Boolean)", "bande: String"] {
            #expect(summary.contains("\n" + field + " "), "no field \(field)")
        }
        // An R-tree per layer.
        let tables = try Self.query(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rtree_%_geom'").map(\.1)
        #expect(tables == layers.map { "rtree_\($0)_geom" })
        // Valid polygons, as GEOS sees them through SpatiaLite's ST_IsValid.
        let invalid = try Self.query(path, "SELECT COUNT(*) AS n FROM communes WHERE NOT ST_IsValid(geom) OR geom IS NULL")
        #expect(invalid.first?.1 == "0", "\(invalid)")
    }

    @Test(.requires("ogrinfo (install gdal-bin) to validate the GeoPackage with GDAL", { DemoOgrinfoTests.ogrinfo != nil }))
    func attributesEqualCommunesCSV() async throws {
        let (folder, _) = try await DemoRun.run("gpkg-attributes")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let path = folder.appendingPathComponent("resultats.gpkg").path
        let csv = try String(contentsOf: folder.appendingPathComponent("communes.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = csv[0]
        let rows = Array(csv.dropFirst())
        #expect(rows.count == 300)
        for row in [rows[0], rows[137], rows[299]] {
            let read = try Self.query(path, "SELECT \(header.joined(separator: ", ")) FROM communes WHERE code = '\(row[0])'")
            #expect(read.map(\.0) == header)
            for (column, (name, value)) in read.enumerated() {
                var expected = row[column]
                // Booleans are stored as 0/1; CSV writes true/false. A null is shown "(null)".
                if expected == "true" { expected = "1" } else if expected == "false" { expected = "0" } else if expected.isEmpty { expected = "(null)" }
                #expect(value == expected, "commune \(row[0]) \(name)")
            }
        }
        // The count GDAL makes of communes in zone grise supérieure agrees with zones_grises.csv.
        let table = try String(contentsOf: folder.appendingPathComponent("zones_grises.csv"), encoding: .utf8)
        let summary = try #require(table.split(separator: "\n").first { $0.hasPrefix("superieure,") }).split(separator: ",")
        let grey = try Self.query(path, "SELECT COUNT(*) AS n, SUM(population) AS p FROM communes WHERE zone_grise_superieure = 1")
        #expect(grey.map(\.1) == [String(summary[2]), String(summary[3])])
    }

    /// The bytes themselves, recorded (`ZONEGRISE_RECORD=1`, as the other golden files):
    /// GDAL's writer is deterministic for a given GDAL version.
    @Test func matchesRecordedDigest() async throws {
        let (folder, _) = try await DemoRun.run("gpkg-digest")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let digest = SHA256Digest.hex([UInt8](try DemoRun.bytes(folder, "resultats.gpkg")))
        try DemoGoldenTests.compare(Self.hashFile, actual: Data("\(digest)  resultats.gpkg\n".utf8))
    }

    /// Hand-built sectors and bands (the run computes them once `ResultPolygons` is
    /// filled): one feature each, with its attributes, in Lambert-93.
    @Test(.requires("ogrinfo (install gdal-bin) to validate the GeoPackage with GDAL", { DemoOgrinfoTests.ogrinfo != nil }))
    func sectorsAndBandsLayersHoldTheirPolygons() async throws {
        let folder = try TestRepository.makeTemporaryFolder("gpkg-sectors")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let capture = CapturingWriter()
        let config = try TerritoryManifest.load(path: DemoRun.manifest)
        _ = try await AnalysisRun(configuration: config, outputDirectory: folder.appendingPathComponent("run").path, writers: [capture]).execute()
        let outputs = try #require(capture.outputs.withLock { $0 })
        let square = MultiPolygon(polygons: [Polygon(rings: [[
            PlanarPoint(x: 620_000, y: 6_900_000), PlanarPoint(x: 621_000, y: 6_900_000), PlanarPoint(x: 621_000, y: 6_901_000),
            PlanarPoint(x: 620_000, y: 6_901_000), PlanarPoint(x: 620_000, y: 6_900_000),
        ]])])
        let sector = Sector(number: 1, communeIndices: [0, 1], population: 1234, lackingGammes: [.intermediaire, .superieure], code: "-IS",
                            nearestPoles: [.intermediaire: ["99014", "99020"], .superieure: ["99001"]], subdivisions: ["arrondissement:991"],
                            shape: square, isBelowMinimum: false)
        let band = BandArea(gamme: .proximite, band: 1, label: "10-20", communes: 2, population: 1234, shape: square)
        let withPolygons = AnalysisOutputs(result: outputs.result, territory: outputs.territory, warnings: outputs.warnings,
                                           polygons: ResultPolygons(bands: [.proximite: [band]], sectors: [sector], smallSectors: []))
        let files = try GeoPackageOutput().files(for: withPolygons)
        let file = try #require(files.first)
        let path = folder.appendingPathComponent("hand.gpkg").path
        try Data(file.bytes).write(to: URL(fileURLWithPath: path))
        let sectors = try Self.query(path, "SELECT secteur, communes, codes_communes, population, code_enjeux, gammes_manquantes, poles_proches_proximite, poles_proches_intermediaire, subdivisions, petit_secteur, ST_Area(geom) AS area FROM secteurs")
        let codes = outputs.result.communes.prefix(2).map(\.code).joined(separator: ",")
        #expect(sectors.map(\.1) == ["S001", "2", codes, "1234", "-IS", "intermediaire,superieure", "99014,99020",
                                     "arrondissement:991", "0", "1000000"])
        let bands = try Self.query(path, "SELECT gamme, bande, rang, communes, population FROM bandes_proximite")
        #expect(bands.map(\.1) == ["proximite", "10-20", "1", "2", "1234"])
        let empty = try Self.query(path, "SELECT COUNT(*) AS n FROM bandes_superieure")
        #expect(empty.map(\.1) == ["0"])
    }
}

/// A writer that keeps the run's `AnalysisOutputs` and writes nothing: by default of the
/// `geopackage` group, so that it gets the outputs with their polygons (a `tables` writer
/// gets them before the polygons are dissolved).
final class CapturingWriter: OutputWriter {
    let outputs = Mutex<AnalysisOutputs?>(nil)
    let group: OutputGroup

    init(group: OutputGroup = .geopackage) { self.group = group }

    func files(for outputs: AnalysisOutputs) -> [OutputFile] {
        self.outputs.withLock { $0 = outputs }
        return []
    }
}
