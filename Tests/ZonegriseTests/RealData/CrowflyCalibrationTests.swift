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
                                             speedsKmh: [48, 49, 50, 51, 52, 61, 62, 63, 64, 65, 72, 73, 74, 75, 76],
                                             accessMinutes: [0, 2.6, 2.7, 2.8, 2.9, 3.0]).run(territory.input)
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
        // The metric defaults are the single-speed fit on every commune.
        #expect(outcome.defaults.model == best(false).model)
        // Centre to centre (sdaasp): the 700 communes without a GP, speed and access together;
        // the access term lowers the mean error from 1.93 to 1.78 min and removes the bias.
        let centre = outcome.centreToCentre
        #expect(centre.communes == 700)
        #expect(centre.model.speedKmh == CrowflyModel.calibratedCentreToCentreSpeedKmh)
        #expect(centre.model.accessMinutes == CrowflyModel.calibratedCentreToCentreAccessMinutes)
        #expect(abs(centre.meanAbsoluteErrorMinutes - 1.78) < 0.005 && abs(centre.meanSignedErrorMinutes) < 0.05)
        #expect(outcome.centreToCentreSingleSpeed.model.speedKmh == 50)
        #expect(abs(outcome.centreToCentreSingleSpeed.meanAbsoluteErrorMinutes - 1.93) < 0.01)
        #expect(outcome.centreToCentreDefaults.model == centre.model)
    }

    @Test func quantileInterpolates() {
        #expect(CrowflyCalibration.quantile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(CrowflyCalibration.quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9) == 10)
        #expect(CrowflyCalibration.quantile([5], 0.9) == 5)
    }
}
