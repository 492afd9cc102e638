import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// `recommend` with weights of priority publics, on copies of the demo: the weights
/// replace population in the objective, and a bad weights file is one sentence with
/// nothing written.
@Suite("Recommendation runs: weights")
struct RecommendationRunTests {
    /// Every analysed commune weighs 0 except one far commune (99179): the single site
    /// chosen must bring it within 30 minutes, whatever the population elsewhere.
    @Test func weightsReplacePopulation() async throws {
        let base = try ComparisonRunTests.demoCopy("reco-weights")
        defer { TestRepository.removeTemporaryFolder(base) }
        let config = try TerritoryManifest.load(path: base.appendingPathComponent("demo.yaml").path)
        let weights = base.appendingPathComponent("publics.csv")
        try Data("code,menages_sans_voiture\n99179,40\n".utf8).write(to: weights)
        let report = try await RecommendationRun(configuration: config, layer: "france_services", objective: .maximalCovering(k: 1),
                                                 weights: (weights.path, "menages_sans_voiture"),
                                                 outputDirectory: base.appendingPathComponent("out").path).execute()
        let r = report.recommendation
        #expect(r.weightName == "\(weights.path):menages_sans_voiture")
        #expect(r.result.beyondWeightBefore == 40 && r.result.beyondWeightAfter == 0, "\(r.result.sites)")
        #expect(r.weights.filter { $0 > 0 } == [40])
        #expect(report.warningMessages.contains { $0.hasPrefix("\(weights.path): \(r.communes.count - 1) analysed commune(s) have no weight row and weigh 0") })
        let table = try String(contentsOf: base.appendingPathComponent("out/recommandation.csv"), encoding: .utf8)
        #expect(table.contains(",40,0,\(weights.path):menages_sans_voiture,maximal_covering"), "\(table)")
        let manifest = try String(contentsOf: base.appendingPathComponent("out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"role\": \"weights\""))
    }

    @Test(arguments: [
        ("code,w\n99179,-3\n", ":2: w is \"-3\", expected a whole number from 0 to 1,000,000,000 (per commune)."),
        ("code,w\n99999,3\n", ":2: weight row for commune 99999, which is not in the commune geometry; weights are for the analysed communes only."),
        ("code,poids\n99179,3\n", ": the header has no column \"w\""),
        // Weights near the 64-bit limit were accepted; their sums overflowed the objective
        // (a trap, exit 132, with 2^62 for every commune of the demo).
        ("code,w\n99179,9223372036854775000\n99178,9223372036854775000\n",
         ":2: w is \"9223372036854775000\", expected a whole number from 0 to 1,000,000,000 (per commune)."),
    ] as [(String, String)])
    func badWeightsAreOneSentenceAndNothingWritten(text: String, message: String) async throws {
        let base = try ComparisonRunTests.demoCopy("reco-bad-weights")
        defer { TestRepository.removeTemporaryFolder(base) }
        let config = try TerritoryManifest.load(path: base.appendingPathComponent("demo.yaml").path)
        let weights = base.appendingPathComponent("w.csv")
        try Data(text.utf8).write(to: weights)
        let out = base.appendingPathComponent("out")
        let (error, description) = await asyncZonegriseError {
            _ = try await RecommendationRun(configuration: config, layer: "france_services", objective: .coverAll,
                                            weights: (weights.path, "w"), outputDirectory: out.path).execute()
        }
        #expect(error != nil)
        #expect(description.hasPrefix(weights.path + message.prefix(while: { $0 != " " })) && description.contains(message.drop(while: { $0 != " " })),
                "\(description)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "wrote \(TestRepository.entries(of: out))")
    }
}
