import Foundation
import Testing
import ZonegriseTestSupport

/// `zonegrise analyse --sensitivite` end to end on the demo territory.
@Suite("CLI: analyse --sensitivite")
struct SensitivityCommandTests {
    @Test func demoRunWritesTheFlagsAndRanges() throws {
        let out = try CLIScratch.folder("sensitivite")
        defer { CLIScratch.remove(out) }
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "--sensitivite"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sensitivity (temps_x0.85, temps_x1.15, part_poles_0.4, part_poles_0.6): fragile communes "))
        // The same files as a plain run: the flags are columns, not files.
        #expect(CLIScratch.entries(out) == AnalyseCommandTests.outputs)
        let communes = try String(contentsOf: out.appendingPathComponent("communes.csv"), encoding: .utf8).split(separator: "\n")
        let header = communes[0].split(separator: ",").map(String.init)
        for gamme in ["proximite", "intermediaire", "superieure"] {
            let column = try #require(header.firstIndex(of: "zone_grise_\(gamme)_robuste"))
            let values = Set(communes.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[column] })
            #expect(values.isSubset(of: ["oui", "non", "fragile"]), "\(gamme): \(values)")
            #expect(values.contains("fragile"))
        }
        let summary = try String(contentsOf: out.appendingPathComponent("zones_grises.csv"), encoding: .utf8)
        #expect(summary.hasPrefix("gamme,seuil_minutes,communes,population,part_population_pct,communes_min,communes_max,"))
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        for name in ["temps_x0.85", "temps_x1.15", "part_poles_0.4", "part_poles_0.6"] {
            #expect(manifest.contains("\"name\": \"\(name)\""), "\(name) recorded in manifest.json")
        }
        let lisezmoi = try String(contentsOf: out.appendingPathComponent("LISEZMOI.txt"), encoding: .utf8)
        #expect(lisezmoi.contains("Sensibilité"))
        let report = try String(contentsOf: out.appendingPathComponent("rapport.html"), encoding: .utf8)
        #expect(report.contains("class=\"hachures\"") && report.contains("data-col=\"communes_min\""))
    }

    @Test func withoutTheFlagNothingChanges() throws {
        let out = try CLIScratch.folder("sans-sensitivite")
        defer { CLIScratch.remove(out) }
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "--outputs", "tables", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let communes = try String(contentsOf: out.appendingPathComponent("communes.csv"), encoding: .utf8)
        #expect(!communes.contains("_robuste"))
    }
}
