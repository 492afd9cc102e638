import Foundation
import Testing
@testable import Zonegrise

/// Point and polygon files other than the communes (service sites, subdivisions, centres)
/// whose coordinates cannot be projected: a user error naming the file and the feature or
/// line, not a library error, and nothing written.
@Suite("Pipeline: coordinates that cannot be projected")
struct ProjectionErrorTests {
    /// A GeoJSON of points in Lambert-93 metres without its crs member.
    static let lambertSites = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"id":"s1","insee_com":"99005"},"geometry":{"type":"Point","coordinates":[2.045,47.03]}},
    {"type":"Feature","properties":{"id":"s2"},"geometry":{"type":"Point","coordinates":[650000,6860000]}}
    ]}

    """

    @Test func serviceSitesInLambert93WithoutCRS() async throws {
        let territory = try PipelineTerritory("sites-lambert")
        try territory.write("sites.geojson", Self.lambertSites)
        try territory.write("manifest.yaml", try territory.text("manifest.yaml")
            .replacingOccurrences(of: "file: france-services.csv", with: "file: sites.geojson"))
        let (error, text) = await territory.runError()
        guard case let .invalidFeature(file, feature, detail)? = error else {
            Issue.record("expected an invalid feature, got \(text)")
            return
        }
        #expect(file == territory.path("sites.geojson"))
        #expect(feature == 2)
        #expect(detail.contains("not longitude/latitude"), "\(detail)")
        #expect(detail.contains("no crs member"), "\(detail)")
        expectNoOutput(territory)
    }

    @Test func subdivisionPolygonsInLambert93WithoutCRS() async throws {
        let territory = try PipelineTerritory("subdivision-lambert")
        let ring = [(650_000.0, 6_860_000.0), (660_000.0, 6_860_000.0), (660_000.0, 6_870_000.0), (650_000.0, 6_860_000.0)]
        try territory.write("cantons.geojson", PipelineTerritory.featureCollection([
            PipelineTerritory.feature(properties: "\"code\":\"9901\",\"nom\":\"Nord\"", ring: PipelineTerritory.square(0)),
            PipelineTerritory.feature(properties: "\"code\":\"9902\",\"nom\":\"Sud\"", ring: ring),
        ]))
        try territory.writeManifest(extra: "subdivisions:\n  - name: canton\n    file: cantons.geojson")
        let (error, text) = await territory.runError()
        guard case let .invalidFeature(file, feature, detail)? = error else {
            Issue.record("expected an invalid feature, got \(text)")
            return
        }
        #expect(file == territory.path("cantons.geojson"))
        #expect(feature == 2)
        #expect(detail.contains("not longitude/latitude"), "\(detail)")
        expectNoOutput(territory)
    }

    @Test func centresOutOfRange() async throws {
        let territory = try PipelineTerritory("centres-range")
        try territory.write("centres.csv", "code,longitude,latitude\n99001,2.01,47.01\n99002,2.04,147.01\n")
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(
            of: "  files: [communes-a.geojson, communes-b.geojson]",
            with: "  files: [communes-a.geojson, communes-b.geojson]\n  centres: centres.csv"))
        let (error, text) = await territory.runError()
        guard case let .invalidValue(file, line, _, _, expected)? = error else {
            Issue.record("expected an invalid value, got \(text)")
            return
        }
        #expect(file == territory.path("centres.csv"))
        #expect(line == 3)
        #expect(expected == "WGS84 decimal degrees")
        expectNoOutput(territory)
    }

    /// Centres given as points win over the point on surface.
    @Test func centresAreUsed() async throws {
        let territory = try PipelineTerritory("centres-used")
        try territory.write("centres.csv", "code,longitude,latitude\n99001,2.001,47.001\n")
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(
            of: "  files: [communes-a.geojson, communes-b.geojson]",
            with: "  files: [communes-a.geojson, communes-b.geojson]\n  centres: centres.csv"))
        let report = try await territory.run()
        let plain = try await PipelineTerritory("centres-plain").run()
        let moved = try #require(report.result.communes.first { $0.code == "99001" })
        let surface = try #require(plain.result.communes.first { $0.code == "99001" })
        // The corner of the cell is about 1.6 km from its middle.
        let shift = ((moved.centre.x - surface.centre.x) * (moved.centre.x - surface.centre.x)
            + (moved.centre.y - surface.centre.y) * (moved.centre.y - surface.centre.y)).squareRoot()
        #expect(shift > 1000 && shift < 2000, "\(shift)")
        let manifest = try String(contentsOf: territory.out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"centres_supplied\": 1"))
        #expect(manifest.contains("\"role\": \"centres\""))
    }
}
