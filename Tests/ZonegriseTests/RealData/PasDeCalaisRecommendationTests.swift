import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// From the France Services network of September 2020 in Pas-de-Calais: the sites
/// `recommend` chooses, against the sites actually opened by August 2024 (needs
/// ../shared/geodata).
@Suite("Real data: Pas-de-Calais recommendation from the 2020 network",
       .requires("../shared/geodata (real open data beside the repository)", { TestRepository.hasSharedGeodata }))
struct PasDeCalaisRecommendationTests {
    @Test func recommendedSitesLeaveNoMorePeopleBeyondThanTheRealAdditions() async throws {
        let folder = try TestRepository.makeTemporaryFolder("pdc-reco")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let base = try TerritoryManifest.load(path: TestRepository.path("examples/pas-de-calais-fs2020.yaml"))
        // What the real network of 2024 changed: its sites in the département and who is left beyond.
        let comparison = try await ComparisonRun(configuration: base, scenarioPaths: [TestRepository.path("examples/scenarios/pas-de-calais-fs2024.yaml")],
                                                 outputDirectory: folder.appendingPathComponent("compare").path).execute()
        let real = try #require(comparison.outcomes.first)
        let realBeyond = try #require(real.result.summaries.first { $0.name == "france_services" }).population
        let sites2020 = comparison.base.layers[0].sites.filter { Commune.departement(ofCode: $0.communeCode) == "62" }.count
        let sites2024 = try #require(real.scenario.layers["france_services"]).added.filter { Commune.departement(ofCode: $0.communeCode) == "62" }.count
        let added = sites2024 - sites2020
        #expect(added > 0, "\(sites2020) sites in 2020, \(sites2024) in 2024")

        let k = try await RecommendationRun(configuration: base, layer: "france_services", objective: .maximalCovering(k: added),
                                            outputDirectory: folder.appendingPathComponent("k").path).execute()
        #expect(k.recommendation.result.beyondWeightAfter <= realBeyond,
                "\(added) recommended sites leave \(k.recommendation.result.beyondWeightAfter) beyond 30 minutes, the real additions \(realBeyond)")
        // The recommendation's own count equals that of its scenario evaluated as compare does.
        let after = try #require(k.outcome.result.summaries.first { $0.name == "france_services" })
        #expect(after.population == k.recommendation.result.beyondWeightAfter)

        let cover = try await RecommendationRun(configuration: base, layer: "france_services", objective: .coverAll,
                                                outputDirectory: folder.appendingPathComponent("cover").path).execute()
        let covered = try #require(cover.outcome.result.summaries.first { $0.name == "france_services" })
        let uncoverable = cover.recommendation.result.uncoverable.reduce(0) { $0 + cover.recommendation.weights[$1] }
        #expect(covered.population == uncoverable, "everyone coverable is covered")
        #expect(cover.recommendation.result.sites.count <= added)
    }
}
