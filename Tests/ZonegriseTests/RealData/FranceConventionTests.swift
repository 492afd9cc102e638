import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// `examples/france.yaml` (96 départements, crow-fly, derived gammes) with the `sdaasp`
/// convention: the national figures of issue 10 (docs/GAMMES.md "Issue 10",
/// docs/CALIBRATION.md "Conventions"). One run (tables only) for the suite.
///
/// Skipped, with a message, when `../shared/geodata` is not beside the repository.
@Suite("Real data: France, sdaasp convention",
       .requires("../shared/geodata (real open data beside the repository)", { TestRepository.hasSharedGeodata }))
struct FranceConventionTests {
    /// Gamme → percentage of inhabitants in zone grise, as written in zones_grises.csv.
    static let shares = Task<[String: Double], any Error> {
        let folder = try TestRepository.makeTemporaryFolder("france-sdaasp")
        defer { TestRepository.removeTemporaryFolder(folder) }
        var config = try TerritoryManifest.load(path: TestRepository.path("examples/france.yaml"))
        config.timeModel.convention = .sdaasp
        config.outputGroups = [.tables]
        _ = try await AnalysisRun(configuration: config, outputDirectory: folder.path).execute()
        let text = try String(contentsOf: folder.appendingPathComponent("zones_grises.csv"), encoding: .utf8)
        var shares: [String: Double] = [:]
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let gamme = try #require(header.firstIndex(of: "gamme")), share = try #require(header.firstIndex(of: "part_population_pct"))
        for row in lines.dropFirst() { shares[row[gamme]] = Double(row[share]) }
        return shares
    }

    /// The figures measured with the derivation of this version (docs/CALIBRATION.md),
    /// with the COG fusions of examples/france.yaml (no inhabitant lost):
    /// a change of the derivation or of the convention shows here.
    @Test func measuredFiguresOfThisDerivation() async throws {
        let shares = try await Self.shares.value
        for (gamme, expected) in [("proximite", 6.97), ("intermediaire", 3.49), ("superieure", 8.04)] {
            let value = try #require(shares[gamme], "no \(gamme) row")
            #expect(abs(value - expected) < 0.01, "\(gamme): \(value) %, measured \(expected) %")
        }
    }

    /// Issue 10's target: INSEE's figures (Odomatrix, INSEE's gammes) within ±1 point, with
    /// the default derivation (its cut points calibrated on these figures, docs/GAMMES.md)
    /// and the crow-fly model of the `sdaasp` convention (fitted on routed times only,
    /// docs/CALIBRATION.md).
    @Test func nationalFiguresWithinOnePoint() async throws {
        let shares = try await Self.shares.value
        for (gamme, target) in [("proximite", 7.5), ("intermediaire", 3.6), ("superieure", 8.1)] {
            let value = try #require(shares[gamme], "no \(gamme) row")
            #expect(abs(value - target) <= 1, "\(gamme): \(value) %, target \(target) % ± 1")
        }
    }
}
