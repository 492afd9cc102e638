import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// Pas-de-Calais, France Services of September 2020 as base and of August 2024 as
/// scenario (examples/pas-de-calais-fs2020.yaml, examples/scenarios/pas-de-calais-fs2024.yaml),
/// on the real data of ../shared/geodata: what the sites opened since 2020 changed, and
/// the same numbers as `analyse` runs of the two networks.
@Suite("Real data: Pas-de-Calais 2020 → 2024 comparison",
       .requires("../shared/geodata (real open data beside the repository)", { TestRepository.hasSharedGeodata }))
struct PasDeCalaisComparisonTests {
    @Test func theSitesOpenedSince2020LeaveNobodyBeyondThirtyMinutes() async throws {
        let folder = try TestRepository.makeTemporaryFolder("pdc-compare")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let base = try TerritoryManifest.load(path: TestRepository.path("examples/pas-de-calais-fs2020.yaml"))
        let comparison = try await ComparisonRun(configuration: base, scenarioPaths: [TestRepository.path("examples/scenarios/pas-de-calais-fs2024.yaml")],
                                                 outputDirectory: folder.appendingPathComponent("compare").path).execute()
        let before = try #require(comparison.base.summaries.first { $0.name == "france_services" })
        let outcome = try #require(comparison.outcomes.first)
        let after = try #require(outcome.result.summaries.first { $0.name == "france_services" })
        // With the crow-fly defaults: about 240 communes and 97,000 inhabitants beyond 30
        // minutes of the 2020 network (13 sites in the département), none of the 2024 one.
        #expect((220 ... 260).contains(before.communes), "\(before)")
        #expect((90_000 ... 105_000).contains(before.population), "\(before)")
        #expect(after.communes == 0 && after.population == 0, "\(after)")
        #expect(!outcome.siteGains.isEmpty && outcome.siteGains.allSatisfy { $0.kind == .added })

        // The same numbers as analyse runs of the 2020 and 2024 manifests.
        let analysed2020 = try await AnalysisRun(configuration: base, outputDirectory: folder.appendingPathComponent("2020").path).execute()
        let analysed2024 = try await AnalysisRun(configuration: try TerritoryManifest.load(path: TestRepository.path("examples/pas-de-calais.yaml")),
                                                 outputDirectory: folder.appendingPathComponent("2024").path).execute()
        #expect(comparison.base.summaries == analysed2020.result.summaries)
        #expect(outcome.result.summaries == analysed2024.result.summaries)
        #expect(outcome.result.subdivisionSummaries == analysed2024.result.subdivisionSummaries)
        #expect(outcome.result.layerAccess[0].map(\.minutes) == analysed2024.result.layerAccess[0].map(\.minutes))
    }
}
