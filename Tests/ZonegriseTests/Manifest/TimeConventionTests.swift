import Foundation
import Testing
import ZonegriseCore
@testable import Zonegrise

/// The `convention` key: free flow (`metric`) or peak hour (`sdaasp`), and where its
/// factor acts (docs/CALIBRATION.md "Conventions").
@Suite("TimeConvention")
struct TimeConventionTests {
    static let base = """
    analysis_area: ["62"]
    communes: communes.geojson
    populations: populations.csv
    equipment: bpe.csv
    """

    @Test func factorsAndDefault() {
        #expect(TimeConvention.sdaasp.peakHourFactor == 1.2)
        #expect(TimeConvention.metric.peakHourFactor == 1.0)
        #expect(TimeConvention.default == .metric)
    }

    /// 10 km straight line × 1.3 ÷ 50 km/h = 15.6 min free flow, 18.72 min at peak hour.
    @Test func crowflyTimesScaleByTheFactor() {
        let free = CrowflyModel()
        let peak = CrowflyModel(peakHourFactor: TimeConvention.sdaasp.peakHourFactor)
        #expect(abs(free.minutes(distanceMetres: 10_000) - 15.6) < 1e-9)
        #expect(abs(peak.minutes(distanceMetres: 10_000) - 18.72) < 1e-9)
        #expect(free.parameters["peak_hour_factor"] == nil)
        #expect(peak.parameters["peak_hour_factor"] == "1.2")
    }

    @Test func manifestKeySelectsTheConvention() throws {
        let unset = try TerritoryManifest.parse(Self.base, path: "/srv/t/m.yaml")
        #expect(unset.timeModel.convention == .metric)
        #expect(unset.timeModel.crowfly.peakHourFactor == 1)
        let peak = try TerritoryManifest.parse(Self.base + "\nconvention: sdaasp", path: "/srv/t/m.yaml")
        #expect(peak.timeModel.convention == .sdaasp)
        #expect(peak.timeModel.crowfly.peakHourFactor == 1.2)
        let free = try TerritoryManifest.parse(Self.base + "\nconvention: metric", path: "/srv/t/m.yaml")
        #expect(free.timeModel.crowfly.peakHourFactor == 1)
    }

    @Test func unknownConventionIsOneSentence() {
        let (_, text) = zonegriseError { _ = try TerritoryManifest.parse(Self.base + "\nconvention: rush", path: "/srv/t/m.yaml") }
        #expect(text == "/srv/t/m.yaml:5: convention: \"rush\" is not one of sdaasp, metric.")
    }

    /// Never twice on one time: the osm model keeps its profile's factor only.
    @Test func whereTheFactorActs() {
        #expect(TimeConvention.sdaasp.appliesNote(to: .crowfly).contains("× peak_hour_factor"))
        #expect(TimeConvention.sdaasp.appliesNote(to: .osm).hasPrefix("not applied"))
        #expect(TimeConvention.sdaasp.appliesNote(to: .matrix).hasPrefix("matrix times as given"))
    }
}
