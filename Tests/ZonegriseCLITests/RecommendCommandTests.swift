import Foundation
import Testing

/// `zonegrise recommend` end to end on the demo.
@Suite("CLI: recommend")
struct RecommendCommandTests {
    @Test func recommendedScenarioComparesToTheSameNumbers() throws {
        let out = try CLIScratch.folder("recommend"), compared = try CLIScratch.folder("recommend-compare")
        defer { CLIScratch.remove(out); CLIScratch.remove(compared) }
        let run = try ZonegriseBinary.run(["recommend", "geodata/demo/demo.yaml", "--layer", "france_services", "--k", "3", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(CLIScratch.entries(out) == ["LISEZMOI.txt", "cartes", "comparaison.csv", "comparaison.geojson", "comparaison_par_subdivision.csv", "manifest.json", "rapport.html",
                                           "recommandation.csv", "resultats.gpkg", "road_graph.zgcache", "scenario.yaml", "sites.csv", "transitions.csv"])
        let rows = try String(contentsOf: out.appendingPathComponent("recommandation.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 3)
        let gains = rows.map { Int($0[5])! }
        #expect(gains == gains.sorted(by: >), "greedy gains never increase: \(gains)")
        let stillBeyond = try #require(rows.last.map { Int($0[6])! })
        // The scenario written is ready for compare, and gives the same population beyond.
        let again = try ZonegriseBinary.run(["compare", "geodata/demo/demo.yaml", out.appendingPathComponent("scenario.yaml").path, "--out", compared.path])
        #expect(again.status == 0, "\(again.stderr)")
        let table = try String(contentsOf: compared.appendingPathComponent("comparaison.csv"), encoding: .utf8)
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("recommandation,france_services,") }).split(separator: ",")
        #expect(Int(row[7]) == stillBeyond, "\(row)")
    }

    @Test func coverAllLeavesOnlyTheUncoverable() throws {
        let out = try CLIScratch.folder("recommend-cover")
        defer { CLIScratch.remove(out) }
        let run = try ZonegriseBinary.run(["recommend", "geodata/demo/demo.yaml", "--layer", "france_services", "--cover-all",
                                           "--population-max", "5000", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let uncoverable = try String(contentsOf: out.appendingPathComponent("non_couvrables.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        let table = try String(contentsOf: out.appendingPathComponent("comparaison.csv"), encoding: .utf8)
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("recommandation,france_services,") }).split(separator: ",")
        #expect(Int(row[6]) == uncoverable.count, "communes left beyond are exactly the uncoverable ones: \(row), \(uncoverable)")
    }

    @Test(arguments: [
        (["--k", "2", "--cover-all"], "--k and --cover-all are two objectives: give one"),
        ([], "give --k N (the number of sites) or --cover-all"),
        (["--k", "0"], "--k must be 1 or more, got 0"),
    ] as [([String], String)])
    func objectiveMistakesAreUsageErrors(flags: [String], message: String) throws {
        let result = try ZonegriseBinary.run(["recommend", "geodata/demo/demo.yaml", "--layer", "france_services", "--out", "/tmp/unused"] + flags)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func unknownLayerIsOneSentenceAndNothingWritten() throws {
        let scratch = try CLIScratch.folder("recommend-layer")
        defer { CLIScratch.remove(scratch) }
        let out = scratch.appendingPathComponent("out")
        let result = try ZonegriseBinary.run(["recommend", "geodata/demo/demo.yaml", "--layer", "maternites", "--k", "2", "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("--layer: no service layer named maternites (layers: france_services).\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
