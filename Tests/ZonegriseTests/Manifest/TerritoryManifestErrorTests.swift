import Foundation
import Testing
@testable import Zonegrise

/// Every manifest error is one sentence naming the manifest, the line and the key.
@Suite("TerritoryManifest: errors")
struct TerritoryManifestErrorTests {
    static let path = "/srv/territoire/manifest.yaml"

    /// The four required keys (lines 1–4), then `extra` from line 5 on.
    static func manifest(_ extra: String) -> String {
        """
        analysis_area: ["62"]
        communes: communes.geojson
        populations: populations.csv
        equipment: bpe.csv
        \(extra)
        """
    }

    static func parseError(_ text: String) -> (error: ZonegriseError?, text: String) {
        zonegriseError { _ = try TerritoryManifest.parse(text, path: path) }
    }

    @Test func invalidYAMLNamesTheLine() {
        let text = Self.manifest("""
        thresholds:
          proximite: 10
            intermediaire: 20
        """)
        let (error, message) = Self.parseError(text)
        guard case let .malformed(file, line, detail)? = error else {
            Issue.record("expected a malformed error, got \(message)")
            return
        }
        #expect(file == Self.path)
        #expect(line == 7, "\(message)")
        #expect(detail.hasPrefix("not valid YAML"))
        #expect(message.hasPrefix(Self.path + ":7: not valid YAML"))
    }

    @Test func unclosedFlowSequenceIsInvalidYAML() {
        let (error, message) = Self.parseError("analysis_area: [\"62\"\ncommunes: c.geojson\n")
        guard case .malformed(_, let line?, _)? = error else {
            Issue.record("expected a malformed error with a line, got \(message)")
            return
        }
        #expect((1 ... 3).contains(line), "\(message)")
        #expect(message.contains("not valid YAML"))
    }

    @Test func notAMapping() {
        let (error, message) = Self.parseError("- just\n- a list\n")
        #expect(error == .malformed(file: Self.path, line: 1, detail: "the manifest must be a YAML mapping of keys (see docs/MANIFEST.md)"), "\(message)")
    }

    @Test func unknownTopLevelKeyNamesKeyAndAllowedKeys() {
        let (error, message) = Self.parseError(Self.manifest("analysis_zone: [\"59\"]"))
        #expect(error == .invalidParameter(
            source: Self.path + ":5", key: "analysis_zone",
            detail: "unknown key (allowed here: version, name, analysis_area, service_area, communes, populations, equipment, gammes, poles, time_model, thresholds, comparison, bands, service_layers, subdivisions, unmatched_rows, candidates, sectors, outputs, sensitivity, convention)"
        ), "\(message)")
        #expect(message.hasPrefix("/srv/territoire/manifest.yaml:5: analysis_zone: unknown key (allowed here: version, name"))
    }

    @Test func unknownNestedKeyNamesTheFullKey() {
        let (_, message) = Self.parseError(Self.manifest("""
        thresholds:
          proximite: 10
          proximity: 12
        """))
        #expect(message == "/srv/territoire/manifest.yaml:7: thresholds.proximity: unknown key (allowed here: proximite, intermediaire, superieure).")
    }

    @Test func unknownKeyInACrowflySection() {
        let (_, message) = Self.parseError(Self.manifest("""
        time_model:
          crowfly:
            speed: 50
        """))
        #expect(message == "/srv/territoire/manifest.yaml:7: time_model.crowfly.speed: unknown key (allowed here: speed_kmh, detour, intra_commune, access_minutes).")
    }

    @Test(arguments: ["analysis_area", "communes", "populations", "equipment"])
    func missingRequiredKey(_ key: String) {
        let lines = Self.manifest("").split(separator: "\n").filter { !$0.hasPrefix(key + ":") }
        let (error, message) = Self.parseError(lines.joined(separator: "\n"))
        guard case let .invalidParameter(source, reported, detail)? = error else {
            Issue.record("expected an invalid parameter, got \(message)")
            return
        }
        #expect(source.hasPrefix(Self.path))
        #expect(reported == key)
        #expect(detail.hasPrefix("missing; the manifest must name it"))
    }

    @Test func thresholdThatIsNotANumber() {
        let (error, message) = Self.parseError(Self.manifest("""
        thresholds:
          proximite: abc
        """))
        #expect(error == .invalidParameter(source: Self.path + ":6", key: "thresholds.proximite", detail: "\"abc\" is not a number"))
        #expect(message == "/srv/territoire/manifest.yaml:6: thresholds.proximite: \"abc\" is not a number.")
    }

    @Test func layerThresholdThatIsNotANumber() {
        let (_, message) = Self.parseError(Self.manifest("""
        service_layers:
          - name: france_services
            file: fs.csv
            threshold: trente
        """))
        #expect(message == "/srv/territoire/manifest.yaml:8: service_layers.threshold: \"trente\" is not a number.")
    }

    @Test func unknownTimeModel() {
        let (_, message) = Self.parseError(Self.manifest("""
        time_model:
          kind: teleport
        """))
        #expect(message == "/srv/territoire/manifest.yaml:6: time_model.kind: \"teleport\" is not one of crowfly, matrix, osm.")
        let (_, scalar) = Self.parseError(Self.manifest("time_model: teleport"))
        #expect(scalar == "/srv/territoire/manifest.yaml:5: time_model.kind: \"teleport\" is not one of crowfly, matrix, osm.")
    }

    @Test func osmSettingsAreChecked() {
        let (_, unknown) = Self.parseError(Self.manifest("time_model:\n  kind: osm\n  osm:\n    extract: a.pbf"))
        #expect(unknown.contains("time_model.osm.extract: unknown key (allowed here: file, profile, cache, offroad_speed_kmh, max_snap_metres)"), "\(unknown)")
        let (_, speed) = Self.parseError(Self.manifest("time_model:\n  kind: osm\n  osm:\n    offroad_speed_kmh: vite"))
        #expect(speed.hasSuffix("time_model.osm.offroad_speed_kmh: \"vite\" is not a number."), "\(speed)")
    }

    @Test func negativeSpeed() {
        let (_, message) = Self.parseError(Self.manifest("""
        time_model:
          crowfly:
            speed_kmh: -50
        """))
        #expect(message == "/srv/territoire/manifest.yaml:7: time_model.crowfly.speed_kmh: must be from 1 to 300 km/h, got -50.")
    }

    @Test func detourBelowOne() {
        let (_, message) = Self.parseError(Self.manifest("time_model:\n  crowfly:\n    detour: 0.8"))
        #expect(message == "/srv/territoire/manifest.yaml:7: time_model.crowfly.detour: must be from 1 to 10 (a ratio), got 0.8.")
    }

    @Test func nonIncreasingBands() {
        let (_, message) = Self.parseError(Self.manifest("bands: [10, 30, 20]"))
        #expect(message == "/srv/territoire/manifest.yaml:5: bands: band limits must be increasing minutes, got 10,30,20.")
        let (_, equal) = Self.parseError(Self.manifest("bands: [10, 10]"))
        #expect(equal == "/srv/territoire/manifest.yaml:5: bands: band limits must be increasing minutes, got 10,10.")
    }

    @Test func negativeBandLimit() {
        let (_, message) = Self.parseError(Self.manifest("bands: [-5, 10]"))
        #expect(message == "/srv/territoire/manifest.yaml:5: bands: must be more than 0 and at most 1,440 minutes, got -5.")
    }

    @Test func layerNameWithCapitals() {
        let (error, message) = Self.parseError(Self.manifest("""
        service_layers:
          - name: France_Services
            file: fs.csv
        """))
        guard case let .invalidParameter(source, key, detail)? = error else {
            Issue.record("expected an invalid parameter, got \(message)")
            return
        }
        #expect(source == Self.path + ":6")
        #expect(key == "service_layers.name")
        #expect(detail == "\"France_Services\" must be lower-case letters, digits and _ (it names output columns)")
    }

    @Test func layerWithoutFileAndLayerNamedTwice() {
        let (_, noFile) = Self.parseError(Self.manifest("service_layers:\n  - name: fs\n"))
        #expect(noFile == "/srv/territoire/manifest.yaml:6: service_layers.file: missing for layer fs.")
        let (_, twice) = Self.parseError(Self.manifest("""
        service_layers:
          - {name: fs, file: a.csv}
          - {name: fs, file: b.csv}
        """))
        #expect(twice == "/srv/territoire/manifest.yaml:7: service_layers.name: fs is used twice.")
    }

    @Test func otherValueErrors() {
        #expect(Self.parseError(Self.manifest("comparison: loose")).text
            == "/srv/territoire/manifest.yaml:5: comparison: \"loose\" is not one of strict, inclusive.")
        #expect(Self.parseError(Self.manifest("unmatched_rows: ignore")).text
            == "/srv/territoire/manifest.yaml:5: unmatched_rows: \"ignore\" is not one of error, warn.")
        #expect(Self.parseError(Self.manifest("poles: {share: 1.5}")).text
            == "/srv/territoire/manifest.yaml:5: poles.share: must be more than 0 and at most 1 (a share), got 1.5.")
        #expect(Self.parseError(Self.manifest("poles: {hierarchy: maybe}")).text
            == "/srv/territoire/manifest.yaml:5: poles.hierarchy: \"maybe\" is not true or false.")
        #expect(Self.parseError(Self.manifest("version: 2")).text
            == "/srv/territoire/manifest.yaml:5: version: this zonegrise reads manifest version 1.")
        #expect(Self.parseError(Self.manifest("time_model: {matrix: {missing: guess}}")).text
            == "/srv/territoire/manifest.yaml:5: time_model.matrix.missing: \"guess\" is not one of error, crowfly, unreachable.")
    }

    @Test func missingManifestFile() {
        let path = "/nonexistent-\(UUID().uuidString)/manifest.yaml"
        let (error, message) = zonegriseError { _ = try TerritoryManifest.load(path: path) }
        #expect(error == .unreadable(file: path, reason: "no such file"))
        #expect(message == "\(path): cannot read the file: no such file.")
    }
}
