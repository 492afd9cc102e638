import Foundation
import Testing
@testable import Zonegrise
import ZonegriseTestSupport

/// Shapefile and GeoPackage inputs (through OGR) against the GeoJSON path: the demo's
/// inputs converted with `ogr2ogr` give the same communes and the same results, byte
/// for byte; and the errors of a wrong layer, a missing field, a non-polygon layer.
@Suite("Inputs: Shapefile and GeoPackage through OGR")
struct OGRInputTests {
    static let demo = TestRepository.path("geodata/demo")
    static let tools = "ogr2ogr (install gdal-bin) to convert the demo inputs"

    /// The demo communes as IGN ships them: département 99 as a Shapefile (Lambert-93,
    /// `INSEE_COM`, `NOM`), 98 as a GeoPackage layer `commune` kept in WGS84 (so that the
    /// layer's CRS is transformed), and the France Services sites as a GeoPackage point
    /// layer (from the CSV's latitude and longitude).
    static func convertDemo(into folder: URL) throws -> (shp: String, gpkg: String, sites: String) {
        let shp = folder.appendingPathComponent("COMMUNE.shp").path
        let gpkg = folder.appendingPathComponent("communes-98.gpkg").path
        let sites = folder.appendingPathComponent("france-services.gpkg").path
        try GDALTools.convert(["-f", "ESRI Shapefile", shp, demo + "/communes-99.geojson"])
        try GDALTools.convert(["-f", "GPKG", gpkg, demo + "/communes-98.geojson", "-nln", "commune"])
        try GDALTools.convert(["-f", "GPKG", sites, demo + "/france-services.csv", "-oo", "X_POSSIBLE_NAMES=longitude",
                               "-oo", "Y_POSSIBLE_NAMES=latitude", "-a_srs", "EPSG:4326", "-nln", "sites"])
        return (shp, gpkg, sites)
    }

    static func run(_ config: AnalysisConfiguration, _ folder: URL) async throws -> AnalysisRun.Report {
        try await AnalysisRun(configuration: config, outputDirectory: folder.path).execute()
    }

    @Test(.requires(tools, { GDALTools.ogr2ogr != nil }))
    func convertedInputsGiveTheSameOutputs() async throws {
        let folder = try TestRepository.makeTemporaryFolder("ogr-inputs")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let (shp, gpkg, sites) = try Self.convertDemo(into: folder.appendingPathComponent("in", isDirectory: true).creatingFolder())
        let base = try TerritoryManifest.load(path: DemoRun.manifest)
        var converted = base
        converted.communes.files = [shp, gpkg]
        converted.communes.layer = "commune"
        converted.serviceLayers[0].file.path = sites
        let geojson = try await Self.run(base, folder.appendingPathComponent("geojson"))
        let ogr = try await Self.run(converted, folder.appendingPathComponent("ogr"))
        let a = geojson.result.communes, b = ogr.result.communes
        #expect(b.map(\.code) == a.map(\.code))
        #expect(b.map(\.nom) == a.map(\.nom))
        #expect(b.map(\.population) == a.map(\.population))
        // OGR's and PROJ's transformations of the WGS84 file may differ in the last bits.
        let areaGap = zip(a, b).map { abs($0.areaSquareMetres - $1.areaSquareMetres) / $0.areaSquareMetres }.max() ?? 0
        let centreGap = zip(a, b).map { $0.centre.distance(to: $1.centre) }.max() ?? 0
        #expect(areaGap < 1e-9, "relative area difference \(areaGap)")
        #expect(centreGap < 1e-3, "centre moved \(centreGap) m")
        #expect(ogr.result.layers == geojson.result.layers, "the sites")
        for name in ["communes.csv", "communes.geojson", "poles.geojson", "zones_grises.csv", "zones_grises_par_subdivision.csv"] {
            let a = try Data(contentsOf: folder.appendingPathComponent("geojson/" + name))
            let b = try Data(contentsOf: folder.appendingPathComponent("ogr/" + name))
            #expect(a == b, "\(name) differs between the GeoJSON and the OGR inputs")
        }
        #expect(ogr.warningMessages == geojson.warningMessages.map { $0.replacingOccurrences(of: base.serviceLayers[0].file.path, with: sites) })
        // The Shapefile's sidecars are inputs too: the manifest hashes them.
        let manifest = try String(contentsOf: folder.appendingPathComponent("ogr/manifest.json"), encoding: .utf8)
        for ext in ["shx", "dbf", "prj"] {
            #expect(manifest.contains("\"role\": \"communes:\(ext)\""), "no \(ext) in the manifest's inputs")
            #expect(manifest.contains(String(shp.dropLast(3)) + ext), "no path of the \(ext)")
        }
    }

    /// `format:` overrides the extension; `layer:` is ignored for a Shapefile (its only
    /// layer is named after the file), so one `communes.layer` serves GeoPackages beside it.
    @Test(.requires(tools, { GDALTools.ogr2ogr != nil }))
    func formatKeyAndShapefileLayer() async throws {
        let folder = try TestRepository.makeTemporaryFolder("ogr-format")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let input = try folder.appendingPathComponent("in", isDirectory: true).creatingFolder()
        let (shp, gpkg, _) = try Self.convertDemo(into: input)
        let renamed = input.appendingPathComponent("communes-98.dat").path
        try FileManager.default.copyItem(atPath: gpkg, toPath: renamed)
        let text = """
            version: 1
            analysis_area: ["99"]
            service_area: ["98"]
            communes:
              files: [\(shp), \(renamed)]
              format: geopackage
              layer: commune
              code_property: INSEE_COM
              name_property: NOM
            populations: \(Self.demo)/populations.csv
            equipment: \(Self.demo)/bpe.csv.gz
            gammes: \(Self.demo)/gammes.csv
            """
        let config = try TerritoryManifest.parse(text, path: input.appendingPathComponent("m.yaml").path)
        #expect(config.communes.format == .geopackage)
        // The Shapefile is opened by OGR whatever the declared format; the .dat by its content.
        let report = try await Self.run(config, folder.appendingPathComponent("out"))
        #expect(report.result.communes.count == 300)
        let bad = zonegriseError { _ = try TerritoryManifest.parse(text.replacingOccurrences(of: "format: geopackage", with: "format: kml"), path: "m.yaml") }
        #expect(bad.text == "m.yaml:6: communes.format: \"kml\" is not a format zonegrise reads: give geojson, shapefile, geopackage.")
    }

    @Test(.requires(tools, { GDALTools.ogr2ogr != nil }))
    func errorsNameTheFileTheLayerAndWhatIsWrong() async throws {
        let folder = try TestRepository.makeTemporaryFolder("ogr-errors")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let (shp, gpkg, sites) = try Self.convertDemo(into: folder.appendingPathComponent("in", isDirectory: true).creatingFolder())
        let base = try TerritoryManifest.load(path: DemoRun.manifest)

        var wrongLayer = base
        wrongLayer.communes.files = [shp, gpkg]
        wrongLayer.communes.layer = "communes"
        let layer = await asyncZonegriseError { _ = try await Self.run(wrongLayer, folder.appendingPathComponent("o1")) }
        #expect(layer.text == "\(gpkg): there is no layer \"communes\" (layers: commune).")

        var missingField = base
        missingField.communes.files = [shp, gpkg]
        missingField.communes.codeProperty = "code"
        let field = await asyncZonegriseError { _ = try await Self.run(missingField, folder.appendingPathComponent("o2")) }
        #expect(field.text == "\(shp) (layer COMMUNE): no field \"code\" (set communes.code_property; fields found: INSEE_COM, NOM).")

        var points = base
        points.communes.files = [shp, sites]
        // Fields are matched without regard to case, as OGR does: INSEE_COM finds insee_com.
        points.communes.codeProperty = "INSEE_COM"
        let sitesAsCommunes = await asyncZonegriseError { _ = try await Self.run(points, folder.appendingPathComponent("o4")) }
        #expect(sitesAsCommunes.text == "\(sites) (layer sites): FID 1: commune 98056 has a Point geometry, not a Polygon or MultiPolygon.")

        var polygonSites = base
        polygonSites.serviceLayers[0].file.path = gpkg
        let sitesError = await asyncZonegriseError { _ = try await Self.run(polygonSites, folder.appendingPathComponent("o5")) }
        #expect(sitesError.text == "\(gpkg) (layer commune): FID 1: a service site has a polygon geometry, not a Point.")

        var missingFile = base
        missingFile.communes.files = [folder.appendingPathComponent("absent.shp").path]
        let absent = await asyncZonegriseError { _ = try await Self.run(missingFile, folder.appendingPathComponent("o6")) }
        #expect(absent.error == .unreadable(file: folder.appendingPathComponent("absent.shp").path, reason: "no such file"))
    }
}

extension URL {
    /// Creates the folder (and its parents) and returns it.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
        return self
    }
}
