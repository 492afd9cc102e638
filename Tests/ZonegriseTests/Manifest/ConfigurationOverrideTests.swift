import Foundation
import Testing
@testable import Zonegrise

/// `AnalysisConfiguration.apply`: the command-line overrides, validated like the
/// manifest, with the flag as the source of the message.
@Suite("AnalysisConfiguration.apply overrides")
struct ConfigurationOverrideTests {
    static let manifestPath = "/srv/territoire/manifest.yaml"

    static func base() throws -> AnalysisConfiguration {
        try TerritoryManifest.parse("""
        analysis_area: ["62"]
        communes: communes.geojson
        populations: populations.csv
        equipment: bpe.csv
        """, path: manifestPath)
    }

    @Test func overridesReplaceSingleValues() throws {
        var config = try Self.base()
        try config.apply("thresholds.proximite", value: "15", source: "--threshold-proximite")
        try config.apply("thresholds.superieure", value: " 45.5 ", source: "--threshold-superieure")
        try config.apply("time_model.kind", value: "matrix", source: "--time-model")
        try config.apply("time_model.crowfly.speed_kmh", value: "72", source: "--speed-kmh")
        try config.apply("time_model.crowfly.detour", value: "1", source: "--detour")
        try config.apply("time_model.crowfly.intra_commune", value: "yes", source: "--intra-commune")
        try config.apply("time_model.matrix.missing", value: "unreachable", source: "--matrix-missing")
        try config.apply("comparison", value: "inclusive", source: "--comparison")
        try config.apply("bands", value: "5,10,20,30", source: "--bands")
        try config.apply("poles.share", value: "1", source: "--pole-share")
        try config.apply("poles.hierarchy", value: "off", source: "--pole-hierarchy")
        try config.apply("unmatched_rows", value: "warn", source: "--unmatched-rows")
        #expect(config.thresholdMinutes == [.proximite: 15, .intermediaire: 20, .superieure: 45.5])
        #expect(config.timeModel.kind == .matrix)
        #expect(config.timeModel.speedKmh == 72)
        #expect(config.timeModel.detour == 1)
        #expect(config.timeModel.intraCommune)
        #expect(config.timeModel.matrixMissing == .unreachable)
        #expect(config.comparison == .inclusive)
        #expect(config.bandLimitsMinutes == [5, 10, 20, 30])
        #expect(config.poleShare == 1)
        #expect(!config.poleHierarchy)
        #expect(config.unmatchedRows == .warn)
        // Untouched values stay.
        #expect(config.communes.files == ["/srv/territoire/communes.geojson"])
    }

    /// A failed override leaves the configuration as it was.
    @Test func failedOverrideChangesNothing() throws {
        var config = try Self.base()
        let before = config
        #expect(throws: ZonegriseError.self) { try config.apply("bands", value: "10,5", source: "--bands") }
        #expect(throws: ZonegriseError.self) { try config.apply("thresholds.proximite", value: "abc", source: "--threshold-proximite") }
        #expect(config == before)
    }

    /// The same wrong value gives the same sentence from the manifest (source file:line)
    /// and from the flag (source = the flag's name).
    @Test(arguments: [
        ("thresholds:\n  proximite: abc", "thresholds.proximite", "abc", "--threshold-proximite", "\"abc\" is not a number"),
        ("time_model:\n  kind: teleport", "time_model.kind", "teleport", "--time-model", "\"teleport\" is not one of crowfly, matrix, osm"),
        ("time_model:\n  crowfly:\n    speed_kmh: -50", "time_model.crowfly.speed_kmh", "-50", "--speed-kmh",
         "must be from 1 to 300 km/h, got -50"),
        ("bands: [10, 30, 20]", "bands", "10,30,20", "--bands", "band limits must be increasing minutes, got 10,30,20"),
        ("comparison: loose", "comparison", "loose", "--comparison", "\"loose\" is not one of strict, inclusive"),
        ("poles:\n  share: 0", "poles.share", "0", "--pole-share", "must be more than 0 and at most 1 (a share), got 0"),
        ("thresholds:\n  superieure: 1e308", "thresholds.superieure", "1e308", "--threshold-superieure",
         "must be more than 0 and at most 1,440 minutes, got 1e308"),
    ])
    func sameMessageAsTheManifest(yaml: String, key: String, value: String, flag: String, detail: String) throws {
        var config = try Self.base()
        let (flagError, flagText) = zonegriseError { try config.apply(key, value: value, source: flag) }
        #expect(flagError == .invalidParameter(source: flag, key: key, detail: detail))
        #expect(flagText == "\(flag): \(key): \(detail).")

        let manifest = "analysis_area: [\"62\"]\ncommunes: c.geojson\npopulations: p.csv\nequipment: e.csv\n" + yaml
        let (manifestError, manifestText) = zonegriseError { _ = try TerritoryManifest.parse(manifest, path: Self.manifestPath) }
        guard case let .invalidParameter(source, manifestKey, manifestDetail)? = manifestError else {
            Issue.record("expected an invalid parameter from the manifest, got \(manifestText)")
            return
        }
        #expect(source.hasPrefix(Self.manifestPath + ":"))
        #expect(manifestKey == key)
        #expect(manifestDetail == detail)
        // The sentences differ only by their source.
        #expect(manifestText.dropFirst(source.count) == flagText.dropFirst(flag.count))
    }

    @Test func unknownParameter() throws {
        var config = try Self.base()
        let (error, text) = zonegriseError { try config.apply("thresholds.maximum", value: "3", source: "--threshold-maximum") }
        #expect(error == .invalidParameter(source: "--threshold-maximum", key: "thresholds.maximum", detail: "unknown parameter"))
        #expect(text == "--threshold-maximum: thresholds.maximum: unknown parameter.")
    }

    @Test(arguments: ["nan", "inf", "", "10 min", "1e400"])
    func notFiniteNumbersAreRejected(_ value: String) throws {
        var config = try Self.base()
        let (_, text) = zonegriseError { try config.apply("thresholds.intermediaire", value: value, source: "--threshold-intermediaire") }
        #expect(text == "--threshold-intermediaire: thresholds.intermediaire: \"\(value)\" is not a number.")
    }
}
