import Foundation
import Testing
import ZonegriseCore
@testable import ZonegriseNative
import ZonegriseTestSupport

/// The GeoPackage writer read back by OGR (`VectorFileReader`): types, values, nulls,
/// geometries, empty layers, the same bytes twice, and the reader's errors.
@Suite("GeoPackage writer and OGR reader")
struct GeoPackageBuilderTests {
    static let holed = MultiPolygon(polygons: [
        Polygon(rings: [
            Fixtures.rectangleRing(minX: 650_000, minY: 6_860_000, maxX: 651_000, maxY: 6_861_000),
            Fixtures.rectangleRing(minX: 650_200, minY: 6_860_200, maxX: 650_400, maxY: 6_860_400).reversed(),
        ]),
        Fixtures.rectangle(minX: 652_000, minY: 6_860_000, maxX: 652_500, maxY: 6_860_700.25).polygons[0],
    ])

    static func layers() -> [VectorLayerData] {
        let fields = [VectorField("code", .string), VectorField("population", .integer), VectorField("temps", .real),
                      VectorField("grise", .boolean)]
        let areas = VectorLayerData(name: "zones", geometryKind: .multiPolygon, fields: fields, features: [
            VectorFeature(values: [.string("62001"), .integer(1234), .real(12.34), .boolean(true)], geometry: .multiPolygon(holed)),
            VectorFeature(values: [.string("Éperlecques"), .integer(0), .null, .boolean(false)],
                          geometry: .multiPolygon(Fixtures.square(x: 660_000, y: 6_870_000, side: 10))),
        ])
        let points = VectorLayerData(name: "sites", geometryKind: .point, fields: [VectorField("id", .string)], features: [
            VectorFeature(values: [.string("a")], geometry: .point(PlanarPoint(x: 651_234.5, y: 6_861_234.25))),
        ])
        let empty = VectorLayerData(name: "vide", geometryKind: .multiPolygon, fields: [VectorField("id", .string)])
        return [areas, points, empty]
    }

    static func written() throws -> URL {
        let folder = try RepositoryFolders.makeTemporaryFolder("gpkg")
        let url = folder.appendingPathComponent("t.gpkg")
        try Data(try GeoPackageBuilder.bytes(layers: layers())).write(to: url)
        return url
    }

    @Test func theSameLayersGiveTheSameBytes() throws {
        let first = try GeoPackageBuilder.bytes(layers: Self.layers())
        let second = try GeoPackageBuilder.bytes(layers: Self.layers())
        #expect(first.count > 10_000)
        #expect(Array(first.prefix(16)) == Array("SQLite format 3\0".utf8))
        #expect(first == second)
    }

    /// Written straight to a file (a run's staging file), the GeoPackage has the bytes of
    /// the one built in memory, and SQLite leaves no journal beside it.
    @Test func aFileWrittenInPlaceHasTheSameBytes() throws {
        let folder = try RepositoryFolders.makeTemporaryFolder("gpkg-file")
        let path = folder.appendingPathComponent("t.gpkg").path
        try GeoPackageBuilder.write(layers: Self.layers(), toFile: path)
        let inMemory = try GeoPackageBuilder.bytes(layers: Self.layers())
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == inMemory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["t.gpkg"])
    }

    /// Given one layer at a time (a run hands GDAL its last layers once they are
    /// dissolved), the file has the same bytes as with every layer at once, and SQLite's
    /// pages are `pageSizeBytes` long (header bytes 16–17, big-endian).
    @Test func layersGivenInBatchesGiveTheSameBytes() throws {
        let folder = try RepositoryFolders.makeTemporaryFolder("gpkg-batches")
        defer { RepositoryFolders.removeTemporaryFolder(folder) }
        let path = folder.appendingPathComponent("t.gpkg").path
        var batches = Self.layers().map { [$0] }
        var calls = 0
        try GeoPackageBuilder.write(toFile: path) {
            calls += 1
            return batches.isEmpty ? nil : batches.removeFirst()
        }
        #expect(calls == Self.layers().count + 1, "asked again after each batch, then once more for the end")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes == (try GeoPackageBuilder.bytes(layers: Self.layers())))
        #expect(Int(bytes[16]) << 8 | Int(bytes[17]) == GeoPackageBuilder.pageSizeBytes)
        #expect(GeoPackageBuilder.pageSizeBytes == 16384)
    }

    @Test func valuesAndGeometriesReadBack() throws {
        let url = try Self.written()
        defer { RepositoryFolders.removeTemporaryFolder(url.deletingLastPathComponent()) }
        let zones = try VectorFileReader.read(path: url.path, layer: "zones", fields: ["code", "POPULATION", "temps", "grise", "absent"])
        #expect(zones.layer == "zones")
        #expect(zones.fieldNames == ["code", "population", "temps", "grise"])
        #expect(zones.features.map(\.fid) == [1, 2])
        #expect(zones.features[0].values == ["62001", "1234", "12.34", "1", nil])
        #expect(zones.features[1].values == ["Éperlecques", "0", nil, "0", nil])
        guard case let .polygons(shape) = zones.features[0].geometry else {
            Issue.record("not polygons: \(zones.features[0].geometry)")
            return
        }
        #expect(shape == Self.holed, "Lambert-93 in, Lambert-93 out: no transformation, exact doubles")

        let sites = try VectorFileReader.read(path: url.path, layer: "sites", fields: ["id"])
        guard case let .point(point) = sites.features[0].geometry else {
            Issue.record("not a point")
            return
        }
        #expect(point == PlanarPoint(x: 651_234.5, y: 6_861_234.25))
        let empty = try VectorFileReader.read(path: url.path, layer: "vide", fields: ["id"])
        #expect(empty.features.isEmpty)
        #expect(empty.fieldNames == ["id"])
        // No layer named: the first one.
        #expect(try VectorFileReader.read(path: url.path, layer: nil, fields: []).layer == "zones")
    }

    @Test func aMissingLayerListsTheLayers() throws {
        let url = try Self.written()
        defer { RepositoryFolders.removeTemporaryFolder(url.deletingLastPathComponent()) }
        #expect(throws: NativeError.vector(path: url.path, message: "there is no layer \"communes\" (layers: zones, sites, vide)")) {
            try VectorFileReader.read(path: url.path, layer: "communes", fields: [])
        }
    }

    @Test func aFileOGRCannotOpenIsAVectorError() throws {
        let folder = try RepositoryFolders.makeTemporaryFolder("gpkg-bad")
        defer { RepositoryFolders.removeTemporaryFolder(folder) }
        let url = folder.appendingPathComponent("bad.gpkg")
        try Data("not a geopackage".utf8).write(to: url)
        do {
            _ = try VectorFileReader.read(path: url.path, layer: nil, fields: [])
            Issue.record("no error")
        } catch {
            guard case let .vector(path, message) = error else { Issue.record("\(error)"); return }
            #expect(path == url.path)
            #expect(message.hasPrefix("OGR cannot open it as a vector file"), "\(message)")
        }
    }

    /// Geographic coordinates are read longitude first (traditional GIS order) and taken
    /// to Lambert-93: Paris (2.3522 E, 48.8566 N) is about (652469, 6862035).
    @Test func aWGS84LayerIsTransformedToLambert93() throws {
        let folder = try RepositoryFolders.makeTemporaryFolder("gpkg-wgs84")
        defer { RepositoryFolders.removeTemporaryFolder(folder) }
        let url = folder.appendingPathComponent("paris.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"p"},"geometry":{"type":"Point","coordinates":[2.3522,48.8566]}}]}"#.utf8).write(to: url)
        let read = try VectorFileReader.read(path: url.path, layer: nil, fields: ["id"])
        guard case let .point(point) = read.features[0].geometry else { Issue.record("not a point"); return }
        #expect(abs(point.x - 652_469) < 50 && abs(point.y - 6_862_035) < 50, "\(point)")
    }
}
