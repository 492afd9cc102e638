import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// Re-runs the crow-fly calibration of docs/CALIBRATION.md on a small grid around the
/// published speeds and checks the published errors (needs ../shared/geodata).
@Suite struct CrowflyCalibrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let reference = root.appendingPathComponent("../shared/geodata/reference/duree_moyenne_par_commune_D265_reg52.geojson").standardizedFileURL.path
    static let available = FileManager.default.fileExists(atPath: reference)

    @Test(.requires("../shared/geodata (the routed reference of Pays de la Loire)", { available }))
    func publishedCalibrationHolds() async throws {
        let config = try TerritoryManifest.load(path: Self.root.appendingPathComponent("examples/calibration-pays-de-la-loire.yaml").path)
        var timings = StageTimings()
        let territory = try await TerritoryLoader(configuration: config).load(timings: &timings)
        let times = try CrowflyCalibration.readReference(path: Self.reference, property: "duree_moyenne")
        #expect(times.count == 1231)
        let outcome = try CrowflyCalibration(reference: times, typequ: "D201", detour: 1.3,
                                             speedsKmh: [48, 49, 50, 51, 52, 61, 62, 63, 64, 65]).run(territory.input)
        #expect(outcome.best.communes == 1231)
        func best(_ intra: Bool) -> CrowflyCalibration.Candidate {
            outcome.candidates.filter { $0.model.intraCommune == intra }.min { $0.meanAbsoluteErrorMinutes < $1.meanAbsoluteErrorMinutes }!
        }
        #expect(best(false).model.speedKmh == CrowflyModel.calibratedSpeedKmh)
        #expect(best(true).model.speedKmh == CrowflyModel.calibratedSpeedWithIntraCommuneKmh)
        #expect(abs(best(false).medianAbsoluteErrorMinutes - 2.42) < 0.005)
        #expect(abs(best(false).p90AbsoluteErrorMinutes - 5.18) < 0.005)
        #expect(abs(best(true).medianAbsoluteErrorMinutes - 1.02) < 0.005)
        #expect(abs(best(true).p90AbsoluteErrorMinutes - 4.18) < 0.005)
        // The defaults are the centre-to-centre fit.
        #expect(outcome.defaults.model == best(false).model)
    }

    @Test func quantileInterpolates() {
        #expect(CrowflyCalibration.quantile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(CrowflyCalibration.quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9) == 10)
        #expect(CrowflyCalibration.quantile([5], 0.9) == 5)
    }
}
