import Foundation
import Testing
@testable import Zonegrise

/// `communes.cog_file`: INSEE's COG merges the communes of the geometry that are now
/// communes déléguées (`COMD`) or associées (`COMA`) into their commune (`COMPARENT`), so
/// that no inhabitant is lost and no commune is classified with 0 inhabitants.
@Suite("Pipeline: fusions from INSEE's COG")
struct CogFusionTests {
    /// A COG in INSEE's layout: 99003 is a commune déléguée of 99002 (which keeps its
    /// own code as a déléguée too), 99008 a commune associée of 99007; the others are
    /// communes; 99020, a déléguée of a commune not in the geometry, is left alone.
    static let cog = """
    "TYPECOM","COM","REG","DEP","CTCD","ARR","TNCC","NCC","NCCENR","LIBELLE","CAN","COMPARENT"
    "COM","99001","99","99","99D","991","0","UN","Un","Un","9901",""
    "COM","99002","99","99","99D","991","0","DEUX","Deux","Deux","9901",""
    "COMD","99002","","","","","0","DEUX","Deux","Deux","","99002"
    "COMD","99003","","","","","0","TROIS","Trois","Trois","","99002"
    "COM","99004","99","99","99D","991","0","QUATRE","Quatre","Quatre","9901",""
    "COM","99005","99","99","99D","991","0","CINQ","Cinq","Cinq","9901",""
    "COM","99006","99","99","99D","991","0","SIX","Six","Six","9901",""
    "COM","99007","99","99","99D","991","0","SEPT","Sept","Sept","9901",""
    "COMA","99008","","","","","0","HUIT","Huit","Huit","","99007"
    "COM","99009","99","99","99D","991","0","NEUF","Neuf","Neuf","9901",""
    "COMD","99020","","","","","0","VINGT","Vingt","Vingt","","99030"
    "ARM","99101","","","","","0","ARR","Arr","Arr","","99001"

    """

    static func manifestJSON(_ territory: PipelineTerritory) throws -> [String: Any] {
        let data = try Data(contentsOf: territory.out.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func territory(_ label: String, populations: [(code: String, population: Int)], extra: String = "") throws -> PipelineTerritory {
        let territory = try PipelineTerritory(label)
        try territory.write("populations.csv", "code,population\n" + populations.map { "\($0.code),\($0.population)\n" }.joined())
        try territory.write("v_commune_2024.csv", Self.cog)
        try territory.writeManifest(extra: extra)
        let manifest = try territory.text("manifest.yaml")
            .replacingOccurrences(of: "  files: [communes-a.geojson, communes-b.geojson]",
                                  with: "  files: [communes-a.geojson, communes-b.geojson]\n  cog_file: v_commune_2024.csv")
        try territory.write("manifest.yaml", manifest)
        return territory
    }

    /// The populations of the COG's geography have no row for the merged communes: their
    /// polygons join their commune's, and no commune is left at 0.
    @Test func communesDelegueesJoinTheirCommune() async throws {
        let rows = PipelineTerritory.populations.filter { $0.code != "99003" && $0.code != "99008" }
        let territory = try Self.territory("cog-fusions", populations: rows)
        let report = try await territory.run()
        #expect(report.result.communes.map(\.code) == ["99001", "99002", "99004", "99005", "99006", "99007", "99009"])
        #expect(report.result.communes.reduce(0) { $0 + $1.population } == PipelineTerritory.totalPopulation - 250 - 220)
        let cogPath = territory.path("v_commune_2024.csv")
        #expect(report.warningMessages.contains(
            "2 commune(s) of the geometry merged into the commune nouvelle they belong to, as the COG \(cogPath) gives them (communes déléguées or associées; first: 99003 into 99002, 99008 into 99007): polygons united, rows summed"))
        #expect(!report.warningMessages.contains { $0.contains("no population row") })
        let manifest = try Self.manifestJSON(territory)
        let counts = try #require(manifest["counts"] as? [String: Any])
        #expect(counts["communes_merged_by_cog"] as? Int == 2)
        #expect(counts["communes_without_population"] as? Int == 0)
        let total = PipelineTerritory.totalPopulation - 470
        #expect(counts["population_file_loaded_departements"] as? Int == total)
        #expect(counts["population_matched_loaded_departements"] as? Int == total)
        #expect(counts["population_file_analysis_area"] as? Int == total)
        #expect(counts["population_analysed"] as? Int == total)
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let cog = try #require(inputs.first { $0["role"] as? String == "cog" })
        #expect(cog["path"] as? String == cogPath)
        #expect(cog["vintage"] as? String == "2024")
        // The merged polygon covers both squares: 99002's area is two cells.
        let areas = Dictionary(uniqueKeysWithValues: report.result.communes.map { ($0.code, $0.areaSquareMetres) })
        #expect(abs(areas["99002"]! / areas["99001"]! - 2) < 0.01)
    }

    /// Populations older than the COG still have the row of a commune merged since:
    /// it is summed into its commune, every inhabitant counted once.
    @Test func rowsOfMergedCommunesAreSummed() async throws {
        let territory = try Self.territory("cog-rows", populations: PipelineTerritory.populations)
        let report = try await territory.run()
        let byCode = Dictionary(uniqueKeysWithValues: report.result.communes.map { ($0.code, $0.population) })
        #expect(byCode["99002"] == 300 + 250)
        #expect(byCode["99007"] == 150 + 220)
        #expect(byCode.values.reduce(0, +) == PipelineTerritory.totalPopulation)
        let counts = try #require(try Self.manifestJSON(territory)["counts"] as? [String: Any])
        #expect(counts["population_file_loaded_departements"] as? Int == PipelineTerritory.totalPopulation)
        #expect(counts["population_analysed"] as? Int == PipelineTerritory.totalPopulation)
    }

    /// A matrix written for the communes of the COG's date: the rows of 99003 (the
    /// geometry's commune déléguée) are 99002's, read before the communes are known.
    @Test func matrixRowsFollowTheCogFusions() async throws {
        var rows = ["origin,destination,minutes"]
        for index in 0 ..< 9 {
            let code = PipelineTerritory.code(index)
            guard code != "99002", code != "99008" else { continue }
            if code != "99001" { rows.append("\(code),99001,\(2 * (index + 1))") }
            if code != "99005" { rows.append("\(code),99005,\(code == "99003" ? "3.5" : "5.5")") }
        }
        let territory = try Self.territory("cog-matrix", populations: PipelineTerritory.populations,
                                           extra: "time_model:\n  kind: matrix\n  matrix:\n    file: matrix.csv")
        try territory.write("matrix.csv", rows.joined(separator: "\n") + "\n")
        let report = try await territory.run()
        let index = try #require(report.result.communes.firstIndex { $0.code == "99002" })
        // 99003's own time to the pole 99005, which no other commune has.
        #expect(report.result.access[.proximite]?[index].minutes == 3.5)
    }

    /// A declared fusion wins over the COG's, and a COG parent merged further by a
    /// declared fusion is followed to its end.
    @Test func declaredFusionsWin() throws {
        let registry = CogReader.Registry(communes: ["99001", "99002", "99007"],
                                          parentOf: ["99003": "99002", "99008": "99007", "99020": "99030", "99010": "99002"])
        let found = CogFusions(registry: registry, geometry: ["99001", "99002", "99003", "99004", "99007", "99008", "99020"],
                               declared: ["99003": "99001", "99007": "99001"])
        #expect(found.derived == ["99008": "99001"])
        // 99004: not a commune of the COG, not a déléguée; 99020: its parent is not loaded.
        #expect(found.unplaced == ["99004", "99020"])
    }

    @Test func readsTheRegistry() throws {
        let territory = try PipelineTerritory("cog-read")
        try territory.write("v_commune_2024.csv", Self.cog)
        let registry = try CogReader(file: territory.path("v_commune_2024.csv")).read()
        #expect(registry.communes == ["99001", "99002", "99004", "99005", "99006", "99007", "99009"])
        #expect(registry.parentOf == ["99003": "99002", "99008": "99007", "99020": "99030"])
    }

    /// A COG without COMPARENT stops the run with one sentence naming the file, nothing written.
    @Test func aCogWithoutParentColumnIsAnError() async throws {
        let territory = try Self.territory("cog-bad", populations: PipelineTerritory.populations)
        try territory.write("v_commune_2024.csv", "\"TYPECOM\",\"COM\"\n\"COM\",\"99001\"\n")
        let (error, text) = await territory.runError()
        guard case let .missingColumn(file, column, _)? = error else {
            Issue.record("expected a missing column, got \(text)")
            return
        }
        #expect(file == territory.path("v_commune_2024.csv"))
        #expect(column.uppercased() == "COMPARENT")
        expectNoOutput(territory)
    }
}
