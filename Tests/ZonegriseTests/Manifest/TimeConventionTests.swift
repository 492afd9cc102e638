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

    /// The access term: 0 for a place to itself, else access + distance ÷ speed, all × the
    /// peak-hour factor; the intra-commune term has none.
    @Test func accessMinutesAddToEveryTrip() {
        let model = CrowflyModel(speedKmh: 78, detour: 1.3, intraCommune: false, peakHourFactor: 1.2, accessMinutes: 2.5)
        #expect(model.minutes(distanceMetres: 0) == 0)
        #expect(abs(model.minutes(distanceMetres: 10_000) - (2.5 + 10) * 1.2) < 1e-9)
        #expect(model.parameters["access_minutes"] == "2.5")
        #expect(CrowflyModel().parameters["access_minutes"] == nil)
        let intra = CrowflyModel(speedKmh: 78, detour: 1.3, intraCommune: true, accessMinutes: 2.5)
        let area = Double.pi * 9_000_000  // a disc of 3 km radius: mean distance 2 km
        #expect(abs(intra.intraCommuneMinutes(areaSquareMetres: area) - 2) < 1e-9)
    }

    /// sdaasp's crow-fly is the centre-to-centre fit (74 km/h, 2.8 min); metric and the
    /// intra-commune term keep the single-speed fits; a value given wins, alone.
    @Test func conventionGivesTheCalibratedCrowfly() throws {
        let metric = try TerritoryManifest.parse(Self.base, path: "/srv/t/m.yaml").timeModel.crowfly
        #expect(metric.speedKmh == 50 && metric.accessMinutes == 0)
        let sdaasp = try TerritoryManifest.parse(Self.base + "\nconvention: sdaasp", path: "/srv/t/m.yaml").timeModel.crowfly
        #expect(sdaasp.speedKmh == 74 && sdaasp.accessMinutes == 2.8 && sdaasp.peakHourFactor == 1.2)
        let intra = try TerritoryManifest.parse(Self.base + "\nconvention: sdaasp\ntime_model:\n  crowfly:\n    intra_commune: true",
                                                path: "/srv/t/m.yaml").timeModel.crowfly
        #expect(intra.speedKmh == 63 && intra.accessMinutes == 0)
        let given = try TerritoryManifest.parse(Self.base + "\nconvention: sdaasp\ntime_model:\n  crowfly:\n    speed_kmh: 60",
                                                path: "/srv/t/m.yaml").timeModel.crowfly
        #expect(given.speedKmh == 60 && given.accessMinutes == 2.8)
        let none = try TerritoryManifest.parse(Self.base + "\nconvention: sdaasp\ntime_model:\n  crowfly:\n    access_minutes: 0",
                                               path: "/srv/t/m.yaml").timeModel.crowfly
        #expect(none.speedKmh == 74 && none.accessMinutes == 0)
        let (_, text) = zonegriseError {
            _ = try TerritoryManifest.parse(Self.base + "\ntime_model:\n  crowfly:\n    access_minutes: -1", path: "/srv/t/m.yaml")
        }
        #expect(text.hasPrefix("/srv/t/m.yaml:7: time_model.crowfly.access_minutes"), "\(text)")
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
