import Foundation
import Testing
@testable import Zonegrise
import ZonegriseNative
import ZonegriseTestSupport

/// Pas-de-Calais on the real data with its inputs converted by `ogr2ogr` as IGN ships
/// them (communes as Shapefiles with `INSEE_COM` and `NOM`, arrondissements as a
/// GeoPackage layer): the same communes and results as the GeoJSON path; and the
/// `resultats.gpkg` of the run read by `ogrinfo`.
@Suite("Real data: Pas-de-Calais through OGR",
       .requires("../shared/geodata (real open data beside the repository)", { TestRepository.hasSharedGeodata }),
       .requires("ogr2ogr and ogrinfo (install gdal-bin)", { GDALTools.ogr2ogr != nil && GDALTools.ogrinfo != nil }))
struct PasDeCalaisOGRTests {
    @Test func shapefileAndGeoPackageInputsGiveTheSameResults() async throws {
        let folder = try TestRepository.makeTemporaryFolder("pdc-ogr")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let base = try TerritoryManifest.load(path: TestRepository.path("examples/pas-de-calais.yaml"))
        var converted = base
        converted.communes.files = try base.communes.files.map { file in
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let shp = folder.appendingPathComponent(name + ".shp").path
            try GDALTools.convert(["-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:2154", "-dialect", "OGRSQL", "-sql",
                                   "SELECT code AS INSEE_COM, nom AS NOM FROM \"\(Self.layerName(file))\"", shp, file])
            return shp
        }
        converted.communes.codeProperty = "INSEE_COM"
        converted.communes.nameProperty = "NOM"
        if let first = base.subdivisions.first, first.file.hasSuffix(".geojson") {
            let gpkg = folder.appendingPathComponent("subdivisions.gpkg").path
            try GDALTools.convert(["-f", "GPKG", gpkg, first.file, "-nln", "arrondissement"])
            converted.subdivisions[0].file = gpkg
            converted.subdivisions[0].layer = "arrondissement"
        }
        let started = ContinuousClock.now
        let capture = CapturingWriter()
        let geojson = try await AnalysisRun(configuration: base, outputDirectory: folder.appendingPathComponent("geojson").path,
                                            writers: AnalysisRun.standardWriters + [capture]).execute()
        let middle = ContinuousClock.now
        let ogr = try await AnalysisRun(configuration: converted, outputDirectory: folder.appendingPathComponent("ogr").path).execute()
        print("Pas-de-Calais run (debug), GeoJSON inputs \(middle - started), OGR inputs \(ContinuousClock.now - middle)")
        let a = geojson.result.communes, b = ogr.result.communes
        #expect(a.count > 800, "the analysed communes of Pas-de-Calais")
        #expect(b.map(\.code) == a.map(\.code))
        #expect(b.map(\.nom) == a.map(\.nom))
        #expect(b.map(\.population) == a.map(\.population))
        let areaGap = zip(a, b).map { abs($0.areaSquareMetres - $1.areaSquareMetres) / $0.areaSquareMetres }.max() ?? 0
        #expect(areaGap < 1e-6, "relative area difference \(areaGap)")
        for name in ["communes.csv", "zones_grises.csv", "zones_grises_par_subdivision.csv"] {
            let x = try Data(contentsOf: folder.appendingPathComponent("geojson/" + name))
            let y = try Data(contentsOf: folder.appendingPathComponent("ogr/" + name))
            #expect(x == y, "\(name) differs between the GeoJSON and the OGR inputs")
        }

        // resultats.gpkg: communes = analysed communes, valid polygons, Lambert-93.
        let gpkg = folder.appendingPathComponent("geojson/resultats.gpkg").path
        let summary = try DemoOgrinfoTests.ogrinfo(["-ro", "-so", gpkg, "communes"])
        #expect(summary.contains("Feature Count: \(geojson.result.communes.count)\n"))
        #expect(summary.contains("PROJCRS[\"RGF93 v1 / Lambert-93\""))
        let invalid = try DemoGeoPackageTests.query(gpkg, "SELECT COUNT(*) AS n FROM communes WHERE NOT ST_IsValid(geom)")
        #expect(invalid.first?.1 == "0")
        let outputs = try #require(capture.outputs.withLock { $0 })
        let writing = ContinuousClock.now
        let written = try GeoPackageOutput().files(for: outputs)
        print("resultats.gpkg for Pas-de-Calais: \(ContinuousClock.now - writing) (debug build), \(written[0].bytes.count) bytes")
    }

    /// The layer OGR gives a GeoJSON file: its `name` member, else the file's base name.
    static func layerName(_ file: String) throws -> String {
        let info = try DemoOgrinfoTests.ogrinfo(["-ro", "-so", "-q", file])
        let line = try #require(info.split(separator: "\n").first { $0.contains(": ") && $0.first?.isNumber == true })
        // "1: name (Multi Polygon)"
        let afterNumber = line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
        return afterNumber.components(separatedBy: " (").first ?? afterNumber
    }
}
