import Foundation
import Testing
@testable import Zonegrise

/// Inputs the run accepts with a warning (written to manifest.json too): communes
/// without population, invalid polygons repaired, sites outside the territory.
@Suite("Pipeline: warnings")
struct PipelineWarningTests {
    static func manifestJSON(_ territory: PipelineTerritory) throws -> [String: Any] {
        let data = try Data(contentsOf: territory.out.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func communeWithoutPopulationCountsZero() async throws {
        let territory = try PipelineTerritory("no-population")
        let rows = PipelineTerritory.populations.filter { $0.code != "99003" && $0.code != "99008" }
        try territory.write("populations.csv", "code,population\n" + rows.map { "\($0.code),\($0.population)\n" }.joined())
        let report = try await territory.run()
        #expect(report.warningMessages.contains(
            "2 commune(s) of the geometry have no population row and count 0 inhabitants (first: 99003, 99008); if they merged since the geometry's vintage, name INSEE's COG in communes.cog_file or list them in communes.fusions"))
        #expect(report.result.communes.first { $0.code == "99003" }?.population == 0)
        #expect(report.result.communes.count == 9)
        #expect(report.result.communes.reduce(0) { $0 + $1.population } == PipelineTerritory.totalPopulation - 250 - 220)
        let csv = try territory.outputRows("communes.csv")
        #expect(csv.rows["99003"]?["population"] == "0")
        #expect(csv.rows["99008"]?["population"] == "0")
        #expect(csv.rows["99002"]?["population"] == "300")
        let counts = try #require(try Self.manifestJSON(territory)["counts"] as? [String: Any])
        #expect(counts["communes_without_population"] as? Int == 2)
        let warnings = try #require(try Self.manifestJSON(territory)["warnings"] as? [String])
        #expect(warnings.contains { $0.hasPrefix("2 commune(s) of the geometry have no population row") })
    }

    /// A self-intersecting "bow-tie" ring is repaired by GEOS make-valid into its two
    /// triangles, with a warning naming the commune.
    @Test func bowTiePolygonIsRepaired() async throws {
        let territory = try PipelineTerritory("bow-tie")
        let cell = PipelineTerritory.square(8)
        // SW, NE, SE, NW: the diagonals cross in the middle of the cell.
        let bowTie = [cell[0], cell[2], cell[1], cell[3], cell[0]]
        var features = (5 ..< 9).map { PipelineTerritory.squareFeature($0) }
        features[3] = PipelineTerritory.feature(properties: "\"code\":\"99009\",\"nom\":\"Noeud\"", ring: bowTie)
        try territory.write("communes-b.geojson", PipelineTerritory.featureCollection(features))
        let report = try await territory.run()
        let warning = try #require(report.warningMessages.first { $0.contains("repaired") })
        #expect(warning.hasPrefix("1 invalid commune polygon(s) repaired with GEOS make-valid: 99009 (Self-intersection"), "\(warning)")
        // Both triangles are kept: half of the cell's area (about 2.3 km × 2.2 km / 2).
        let commune = try #require(report.result.communes.first { $0.code == "99009" })
        let cellArea = try #require(report.result.communes.first { $0.code == "99008" }).areaSquareMetres
        #expect(abs(commune.areaSquareMetres - cellArea / 2) < cellArea * 0.01, "\(commune.areaSquareMetres) vs \(cellArea)")
        // The output geometry is the MultiPolygon of the two triangles.
        let geojson = try String(contentsOf: territory.out.appendingPathComponent("communes.geojson"), encoding: .utf8)
        let line = try #require(geojson.split(separator: "\n").first { $0.contains("\"code\":\"99009\"") })
        #expect(line.contains("\"type\":\"MultiPolygon\""))
        let counts = try #require(try Self.manifestJSON(territory)["counts"] as? [String: Any])
        #expect(counts["communes_repaired"] as? Int == 1)
    }

    /// Sites of départements not loaded, or whose code and position are in no commune of
    /// the territory, are left out; the site of 99005 serves all nine communes.
    @Test func sitesOutsideTheTerritoryAreSkipped() async throws {
        let territory = try PipelineTerritory("sites-outside")
        let report = try await territory.run()
        let layer = try #require(report.result.layers.first)
        #expect(layer.name == "france_services")
        #expect(layer.sites.map(\.id) == ["fs-1"])
        #expect(layer.sites.first?.communeCode == "99005")
        let counts = try #require(try Self.manifestJSON(territory)["counts"] as? [String: Any])
        #expect(counts["sites_france_services"] as? Int == 1)
        let csv = try territory.outputRows("communes.csv")
        #expect(csv.rows.count == 9)
        for (code, row) in csv.rows {
            #expect(row["site_france_services"] == "fs-1", "\(code)")
            #expect(row["hors_seuil_france_services"] == "false", "\(code)")
        }
        let summary = try territory.outputRows("zones_grises.csv")
        #expect(summary.rows["france_services"]?["communes"] == "0")
    }

    /// A site without commune code is placed by the polygon that contains it.
    @Test func siteWithoutCodeIsLocatedByItsPolygon() async throws {
        let territory = try PipelineTerritory("site-located")
        try territory.write("france-services.csv", """
        id_fs,lib_fs,insee_com,latitude,longitude
        fs-9,Coin,,47.05,2.075

        """)
        let report = try await territory.run()
        #expect(report.result.layers.first?.sites.map(\.communeCode) == ["99009"])
        #expect(report.warningMessages.contains { $0.hasSuffix("1 site(s) without commune code located by the commune polygon containing them") })
    }

    @Test func noSiteInTheTerritoryPutsEveryCommuneBeyond() async throws {
        let territory = try PipelineTerritory("no-site")
        try territory.write("france-services.csv", "id_fs,lib_fs,insee_com,latitude,longitude\nfs-2,Ailleurs,98001,45.0,5.0\n")
        let report = try await territory.run()
        #expect(report.warningMessages.contains { $0.contains("no site of layer france_services in the loaded départements; every commune is beyond its threshold") })
        let summary = try territory.outputRows("zones_grises.csv")
        #expect(summary.rows["france_services"]?["communes"] == "9")
        #expect(summary.rows["france_services"]?["part_population_pct"] == "100")
        let csv = try territory.outputRows("communes.csv")
        #expect(csv.rows["99005"]?["temps_france_services"] == "")
        #expect(csv.rows["99005"]?["hors_seuil_france_services"] == "true")
    }
}
