import Foundation
import Testing
@testable import Zonegrise

/// The demo's GeoJSON outputs read by an independent client, GDAL's `ogrinfo`
/// (package gdal-bin): skipped, saying so, when it is not installed.
@Suite("Golden files: ogrinfo reads the GeoJSON")
struct DemoOgrinfoTests {
    static let ogrinfo: String? = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo", "/opt/homebrew/bin/ogrinfo"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Standard output of `ogrinfo arguments`; an issue when it fails.
    static func ogrinfo(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ogrinfo))
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "ogrinfo \(arguments): \(String(decoding: errorData, as: UTF8.self))")
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.requires("ogrinfo (install gdal-bin) to validate the GeoJSON with GDAL", { ogrinfo != nil }))
    func communesGeoJSONHasTheContract() async throws {
        let (folder, _) = try await DemoRun.run("ogrinfo-communes")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let path = folder.appendingPathComponent("communes.geojson").path
        let summary = try Self.ogrinfo(["-ro", "-so", "-al", path])
        #expect(summary.contains("Feature Count: 300\n"), "\(summary)")
        #expect(summary.contains("ID[\"EPSG\",4326]") || summary.contains("AUTHORITY[\"EPSG\",\"4326\"]"), "\(summary)")
        // Extent in degrees around the synthetic territory (longitude 1.5–2.9, latitude 49.1–49.8).
        let extent = try #require(summary.split(separator: "\n").first { $0.hasPrefix("Extent: ") })
        let numbers = extent.split(whereSeparator: { "(), -:".contains($0) }).compactMap { Double($0) }
        #expect(numbers.count == 4)
        if numbers.count == 4 {
            #expect(numbers[0] > 1 && numbers[2] < 3 && numbers[1] > 49 && numbers[3] < 50, "\(extent)")
        }
        let fields = [
            "code: String", "nom: String", "population: Integer", "niveau_pole: String",
            "temps_proximite: Real", "pole_proximite: String", "bande_proximite: String", "zone_grise_proximite: Integer(Boolean)",
            "temps_intermediaire: Real", "zone_grise_intermediaire: Integer(Boolean)",
            "temps_superieure: Real", "pole_superieure: String", "bande_superieure: String", "zone_grise_superieure: Integer(Boolean)",
            "nb_gammes_grises: Integer", "code_enjeux: String",
            "temps_france_services: Real", "site_france_services: String", "hors_seuil_france_services: Integer(Boolean)",
        ]
        for field in fields {
            #expect(summary.contains("\n" + field + " "), "no field \(field)")
        }
        // GDAL's count of communes in zone grise supérieure agrees with zones_grises.csv.
        let grey = try Self.ogrinfo(["-ro", "-q", "-sql", "SELECT COUNT(*) AS n FROM communes WHERE zone_grise_superieure = 1", path])
        let table = try String(contentsOf: folder.appendingPathComponent("zones_grises.csv"), encoding: .utf8)
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("superieure,") }).split(separator: ",")
        #expect(grey.contains("n (Integer) = \(row[2])"), "\(grey)")
    }

    @Test(.requires("ogrinfo (install gdal-bin) to validate the GeoJSON with GDAL", { ogrinfo != nil }))
    func polesGeoJSONIsReadable() async throws {
        let (folder, report) = try await DemoRun.run("ogrinfo-poles")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let summary = try Self.ogrinfo(["-ro", "-so", "-al", folder.appendingPathComponent("poles.geojson").path])
        #expect(summary.contains("Geometry: Point\n"), "\(summary)")
        #expect(summary.contains("Feature Count: \(report.result.poles.count)\n"), "\(summary)")
        #expect(report.result.poles.count == 111)
        for field in ["code: String", "niveau_pole: String", "gammes: String", "zone_analyse: Integer(Boolean)"] {
            #expect(summary.contains("\n" + field + " "), "no field \(field)")
        }
    }
}
