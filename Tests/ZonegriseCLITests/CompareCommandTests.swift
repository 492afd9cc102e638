import Foundation
import Testing
import ZonegriseTestSupport

/// `zonegrise compare` end to end on the demo and its example scenarios.
@Suite("CLI: compare")
struct CompareCommandTests {
    static let scenarios = ["examples/scenarios/demo-nouveaux-sites.yaml", "examples/scenarios/demo-reorganisation.yaml"]

    @Test func demoScenariosRunAndAreDeterministic() throws {
        let first = try CLIScratch.folder("compare-1"), second = try CLIScratch.folder("compare-2")
        defer { CLIScratch.remove(first); CLIScratch.remove(second) }
        let run = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml"] + Self.scenarios + ["--out", first.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(CLIScratch.entries(first) == ["LISEZMOI.txt", "cartes", "comparaison.csv", "comparaison.geojson", "comparaison_par_subdivision.csv", "manifest.json", "rapport.html",
                                             "resultats.gpkg", "road_graph.zgcache", "sites.csv", "transitions.csv"])
        #expect(run.stdout.hasPrefix("300 communes analysed; 2 scenario(s) compared with the base."), "\(run.stdout)")
        #expect(run.stdout.contains("nouveaux_sites (Un site à Nauverières-sur-Synthe et un bus)"))
        // Every row of comparaison.csv for the layer is in the printed table.
        let table = try String(contentsOf: first.appendingPathComponent("comparaison.csv"), encoding: .utf8)
        let rows = table.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 8, "\(table)")
        let layerRow = try #require(rows.first { $0[0] == "nouveaux_sites" && $0[1] == "france_services" })
        #expect(Int(layerRow[10])! < 0, "the new sites bring people within 30 minutes: \(layerRow)")
        #expect(run.stdout.contains("\(layerRow[4]) → \(layerRow[7])"), "\(run.stdout)")
        // sites.csv: the added site and the two bus stops, then the moved site.
        let sites = try String(contentsOf: first.appendingPathComponent("sites.csv"), encoding: .utf8).split(separator: "\n")
        #expect(sites.count == 5)
        #expect(sites[1].hasPrefix("nouveaux_sites,france_services,fs-nauverieres,France services Nauverières-sur-Synthe,99179,ajout,"))
        #expect(sites[4].hasPrefix("reorganisation,france_services,9901,"))
        #expect(sites[2].hasSuffix(",itinerant,") == false && sites[2].hasSuffix("lundi jeudi"), "the bus's days: \(sites[2])")

        let again = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml"] + Self.scenarios + ["--out", second.path])
        #expect(again.status == 0)
        for name in ["comparaison.csv", "comparaison.geojson", "comparaison_par_subdivision.csv", "sites.csv", "transitions.csv", "resultats.gpkg",
                     "manifest.json"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    /// `resultats.gpkg` of a comparison read by GDAL's `ogrinfo`: its layers in
    /// Lambert-93, one feature per scenario and commune, the sites of `sites.csv`, and
    /// after-scenario counts equal to `comparaison.csv`'s.
    @Test(.requires("ogrinfo (install gdal-bin) to validate the GeoPackage with GDAL", { GDALTools.ogrinfo != nil }))
    func geoPackageHoldsTheComparison() throws {
        let out = try CLIScratch.folder("compare-gpkg")
        defer { CLIScratch.remove(out) }
        let run = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml"] + Self.scenarios + ["--out", out.path, "--outputs", "tables,geopackage"])
        #expect(run.status == 0, "\(run.stderr)")
        let path = out.appendingPathComponent("resultats.gpkg").path
        func ogrinfo(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(GDALTools.ogrinfo))
            process.arguments = ["-ro"] + arguments + [path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "ogrinfo \(arguments)")
            return String(decoding: data, as: UTF8.self)
        }
        let summary = try ogrinfo(["-so", "-al"])
        let layers = summary.split(separator: "\n").filter { $0.hasPrefix("Layer name: ") }.map { String($0.dropFirst(12)) }
        #expect(layers == ["comparaison", "sites", "poles", "france_services"])
        let counts = summary.split(separator: "\n").filter { $0.hasPrefix("Feature Count: ") }.map { Int($0.dropFirst(15)) ?? -1 }
        let sites = try String(contentsOf: out.appendingPathComponent("sites.csv"), encoding: .utf8).split(separator: "\n").count - 1
        #expect(counts.prefix(2) == [600, sites], "2 scenarios × 300 communes, then the sites: \(counts)")
        #expect(summary.components(separatedBy: "ID[\"EPSG\",2154]]").count - 1 == layers.count, "every layer in Lambert-93")
        for field in ["scenario: String", "temps_superieure_apres: Real", "zone_grise_superieure_apres: Integer(Boolean)",
                      "hors_seuil_france_services_avant: Integer(Boolean)", "gain_marginal_population: Integer64"] {
            #expect(summary.contains("\n" + field + " "), "no field \(field)")
        }
        // The communes beyond the France Services threshold after each scenario, as comparaison.csv says.
        let table = try String(contentsOf: out.appendingPathComponent("comparaison.csv"), encoding: .utf8)
        for scenario in ["nouveaux_sites", "reorganisation"] {
            let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("\(scenario),france_services,") }).split(separator: ",")
            let sql = "SELECT COUNT(*) AS n FROM comparaison WHERE scenario = '\(scenario)' AND hors_seuil_france_services_apres = 1"
            let answer = try ogrinfo(["-q", "-sql", sql])
            #expect(answer.contains("n (Integer) = \(row[6])"), "\(scenario): \(answer) vs \(row)")
        }
    }

    @Test func badScenarioIsExitTwoAndOneSentence() throws {
        let scratch = try CLIScratch.folder("compare-bad")
        defer { CLIScratch.remove(scratch) }
        let scenario = scratch.appendingPathComponent("bad.yaml")
        let base = ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo/demo.yaml").path
        try Data("version: 1\nname: bad\nbase: \(base)\nlayers:\n  france_services:\n    remove: [\"9999\"]\n".utf8).write(to: scenario)
        let out = scratch.appendingPathComponent("out")
        let result = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml", scenario.path, "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr == "zonegrise: error: \(scenario.path):6: layers.france_services.remove: layer france_services has no site \"9999\".\n",
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func compareNeedsAScenario() throws {
        let result = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml", "--out", "/tmp/unused"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("name at least one scenario file after the manifest"), "\(result.stderr)")
    }
}
