import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// Numbers are checked for range where they are read (`InputLimits`, docs/MANIFEST.md
/// "Ranges of values"): one sentence naming the file and line, the value and the range,
/// nothing written. Each case used to reach the arithmetic: sums that overflow (a trap),
/// infinite or absurd coordinates and times that a writer cannot print.
@Suite("Pipeline: numbers out of range")
struct NumberRangeTests {
    @Test func populationsNearTheInt64LimitAreRefused() async throws {
        let territory = try PipelineTerritory("range-population")
        try territory.write("populations.csv", "code,population\n99001,9223372036854775000\n99005,9223372036854775000\n")
        let (error, text) = await territory.runError()
        let file = territory.path("populations.csv")
        #expect(error == .invalidValue(file: file, line: 2, field: "population", value: "9223372036854775000",
                                       expected: "a whole number of inhabitants from 0 to 10,000,000"), "\(text)")
        expectNoOutput(territory)
        // The limit itself is accepted.
        try territory.write("populations.csv", "code,population\n" + PipelineTerritory.populations.map {
            "\($0.code),\($0.code == "99005" ? InputLimits.maximumPopulation : $0.population)\n"
        }.joined())
        let report = try await territory.run()
        #expect(report.result.communes.first { $0.code == "99005" }?.population == 10_000_000)
    }

    @Test func equipmentCountsNearTheInt64LimitAreRefused() async throws {
        let territory = try PipelineTerritory("range-equipment")
        try territory.write("bpe.csv", "DEPCOM,TYPEQU,NB_EQUIP\n99005,P1,9223372036854775000\n99005,P1,9223372036854775000\n")
        let (error, _) = await territory.runError()
        #expect(error == .invalidValue(file: territory.path("bpe.csv"), line: 2, field: "NB_EQUIP", value: "9223372036854775000",
                                       expected: "a whole number of equipments from 0 to 1,000,000"))
        expectNoOutput(territory)
    }

    @Test(arguments: [
        ("1e400", "\"1e400\""), ("nan", "\"nan\""), ("1e300", "\"1e300\""),
    ])
    func geolocatedEquipmentCoordinatesMustBeFinite(value: String, quoted: String) async throws {
        let territory = try PipelineTerritory("range-bpe-xy")
        try territory.write("bpe.csv", "DEPCOM;TYPEQU;LAMBERT_X;LAMBERT_Y\n99005;P1;650000;6800000\n99005;I1;\(value);6800000\n")
        let (_, text) = await territory.runError()
        #expect(text.hasPrefix("\(territory.path("bpe.csv")):3: LAMBERT_X/LAMBERT_Y is \"\(value) 6800000\", expected projected metres"), "\(text)")
        expectNoOutput(territory)
    }

    @Test func matrixTimesBeyondADayAreRefused() async throws {
        let territory = try PipelineTerritory("range-matrix")
        try territory.write("times.csv", "origin,destination,minutes\n99001,99005,12\n99002,99005,1e308\n")
        try territory.writeManifest(extra: "time_model:\n  kind: matrix\n  matrix:\n    file: times.csv\n    missing: crowfly")
        let (_, text) = await territory.runError()
        #expect(text == "\(territory.path("times.csv")):3: minutes is \"1e308\", expected a number of minutes from 0 to 1,440.")
        expectNoOutput(territory)
    }

    /// A Lambert-93 file (crs member) whose coordinates are absurd: nothing checked them.
    @Test func lambert93CoordinatesOutsideThePlausibleBox() async throws {
        let territory = try PipelineTerritory("range-lambert")
        let ring = [(650_000.0, 6_860_000.0), (1e300, 6_860_000.0), (652_000.0, 6_862_000.0), (650_000.0, 6_860_000.0)]
        var features = (5 ..< 9).map { PipelineTerritory.squareFeature($0) }
        features[1] = PipelineTerritory.feature(properties: "\"code\":\"99007\",\"nom\":\"Sept\"", ring: ring)
        for index in [0, 2, 3] {
            let square = PipelineTerritory.square(index + 5).map { (650_000 + ($0.0 - 2) * 70_000, 6_800_000 + ($0.1 - 47) * 110_000) }
            features[index] = PipelineTerritory.feature(properties: "\"code\":\"\(PipelineTerritory.code(index + 5))\",\"nom\":\"C\"", ring: square)
        }
        try territory.write("communes-b.geojson", PipelineTerritory.featureCollection(features, crs: "urn:ogc:def:crs:EPSG::2154"))
        let (error, text) = await territory.runError()
        guard case let .invalidFeature(file, feature, detail)? = error else {
            Issue.record("expected an invalid feature, got \(text)")
            return
        }
        #expect(file == territory.path("communes-b.geojson"))
        #expect(feature == 2)
        #expect(detail == "commune 99007 has the position (1e+300, 6860000.0), outside Lambert-93 x from -1,000,000 to 2,500,000 and y from 5,000,000 to 8,200,000 metres; fix the coordinates or the crs member")
        expectNoOutput(territory)
    }

    /// 1e400 reads as infinity: the position is named, not "coordinates like (inf, …)".
    @Test func infiniteCoordinateInAWGS84File() async throws {
        let territory = try PipelineTerritory("range-infinite")
        var features = (0 ..< 5).map { PipelineTerritory.squareFeature($0) }
        features[2] = features[2].replacingOccurrences(of: "[2.06,47.0]", with: "[2.06,1e400]")
        #expect(features[2].contains("1e400"))
        try territory.write("communes-a.geojson", PipelineTerritory.featureCollection(features))
        let (error, text) = await territory.runError()
        #expect(error == .invalidFeature(file: territory.path("communes-a.geojson"), feature: 3,
                                         detail: "commune 99003 has the position (2.06, inf), outside longitude from -180 to 180 and latitude from -90 to 90 degrees; fix the coordinates or the crs member"),
                "\(text)")
        expectNoOutput(territory)
    }

    @Test func projectedCentreOutsideThePlausibleBox() async throws {
        let territory = try PipelineTerritory("range-centre")
        try territory.write("centres.csv", "code,x,y\n99001,650000,6800000\n99002,650000,-1e300\n")
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(
            of: "  files: [communes-a.geojson, communes-b.geojson]",
            with: "  files: [communes-a.geojson, communes-b.geojson]\n  centres: centres.csv"))
        let (_, text) = await territory.runError()
        #expect(text.hasPrefix("\(territory.path("centres.csv")):3: x/y is \"650000, -1e300\", expected Lambert-93 metres"), "\(text)")
        expectNoOutput(territory)
    }

    @Test func layerThresholdOfTheManifestIsBounded() async throws {
        let territory = try PipelineTerritory("range-layer")
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(of: "threshold: 30", with: "threshold: 1e308"))
        let (_, text) = zonegriseError { _ = try territory.configuration() }
        #expect(text == "\(territory.path("manifest.yaml")):11: service_layers.threshold: must be more than 0 and at most 1,440 minutes, got 1e308.")
    }

    @Test(arguments: [
        ("max_snap_metres", "1e300", "must be more than 0 and at most 1,000,000 metres, got 1e300"),
        ("offroad_speed_kmh", "0.0001", "must be from 1 to 300 km/h, got 0.0001"),
    ])
    func osmModelValuesAreBounded(key: String, value: String, detail: String) {
        var config = AnalysisConfiguration()
        let (error, _) = zonegriseError { try config.apply("time_model.osm." + key, value: value, source: "--x") }
        #expect(error == .invalidParameter(source: "--x", key: "time_model.osm." + key, detail: detail))
    }

    @Test func limitsInWords() {
        #expect(InputLimits.text(10_000_000) == "10,000,000")
        #expect(InputLimits.text(-1_000_000.0) == "-1,000,000")
        #expect(InputLimits.text(0.05) == "0.05")
        #expect(InputLimits.text(999) == "999")
        #expect(InputLimits.text(1 ... 300) == "from 1 to 300")
    }
}
