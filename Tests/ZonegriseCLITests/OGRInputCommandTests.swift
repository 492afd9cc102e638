import Foundation
import Testing
import ZonegriseTestSupport

/// `zonegrise analyse` on Shapefile and GeoPackage inputs the manifest gets wrong: exit
/// code 2, one sentence naming the file, the layer and what is wrong, nothing written.
@Suite("analyse: OGR input errors")
struct OGRInputCommandTests {
    static let demo = RepositoryFolders.path("geodata/demo")

    static func manifest(communes: String, extra: String) -> String {
        """
        version: 1
        analysis_area: ["99"]
        communes:
          files: [\(communes)]
          code_property: INSEE_COM
          name_property: NOM
        \(extra)
        populations: \(demo)/populations.csv
        equipment: \(demo)/bpe.csv.gz
        gammes: \(demo)/gammes.csv
        """
    }

    @Test(.requires("ogr2ogr (install gdal-bin) to convert the demo communes", { GDALTools.ogr2ogr != nil }))
    func wrongLayerMissingFieldAndPointsExitWithCode2() throws {
        let folder = try CLIScratch.folder("ogr-errors")
        defer { CLIScratch.remove(folder) }
        let gpkg = folder.appendingPathComponent("communes.gpkg").path
        let sites = folder.appendingPathComponent("sites.gpkg").path
        try GDALTools.convert(["-f", "GPKG", gpkg, Self.demo + "/communes-99.geojson", "-nln", "commune"])
        try GDALTools.convert(["-f", "GPKG", sites, Self.demo + "/france-services.csv", "-oo", "X_POSSIBLE_NAMES=longitude",
                               "-oo", "Y_POSSIBLE_NAMES=latitude", "-a_srs", "EPSG:4326", "-nln", "sites"])
        let checks: [(name: String, text: String, expected: String)] = [
            ("layer", Self.manifest(communes: gpkg, extra: "  layer: communes"), "\(gpkg): there is no layer \"communes\" (layers: commune).\n"),
            ("field", Self.manifest(communes: gpkg, extra: "").replacingOccurrences(of: "code_property: INSEE_COM", with: "code_property: CODE"),
             "\(gpkg) (layer commune): no field \"CODE\" (set communes.code_property; fields found: INSEE_COM, NOM).\n"),
            ("points", Self.manifest(communes: sites, extra: "").replacingOccurrences(of: "analysis_area: [\"99\"]", with: "analysis_area: [\"98\"]"),
             "\(sites) (layer sites): FID 1: commune 98056 has a Point geometry, not a Polygon or MultiPolygon.\n"),
        ]
        for check in checks {
            let path = folder.appendingPathComponent("\(check.name).yaml")
            try Data(check.text.utf8).write(to: path)
            let out = folder.appendingPathComponent("out-\(check.name)")
            let result = try ZonegriseBinary.run(["analyse", path.path, "--out", out.path])
            #expect(result.status == 2, "\(check.name): exit \(result.status): \(result.stderr)")
            #expect(result.stderr == "zonegrise: error: " + check.expected, "\(check.name)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(check.name): the failed run wrote \(out.path)")
        }
    }
}
