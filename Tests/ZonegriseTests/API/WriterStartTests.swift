import Foundation
import Testing
import ZonegriseCore
import ZonegriseNative
@testable import Zonegrise
import ZonegriseTestSupport

/// When writers start: those of the `tables` group before the polygons are dissolved
/// (the sectors numbered, without shapes, no band area), the others with everything.
@Suite("Writers: tables before the polygons")
struct WriterStartTests {
    @Test func tablesWritersGetTheSectorsWithoutShapesAndTheOthersTheWholePolygons() async throws {
        let folder = try TestRepository.makeTemporaryFolder("writer-start")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let tables = CapturingWriter(group: .tables), polygons = CapturingWriter(group: .polygones), report = CapturingWriter(group: .rapport)
        let config = try TerritoryManifest.load(path: DemoRun.manifest)
        _ = try await AnalysisRun(configuration: config, outputDirectory: folder.appendingPathComponent("run").path,
                                  writers: [tables, polygons, report, ReportOutput()]).execute()
        let early = try #require(tables.outputs.withLock { $0 })
        let complete = try #require(polygons.outputs.withLock { $0 })
        #expect(!complete.polygons.allSectors.isEmpty, "the demo has sectors")
        #expect(early.polygons.bands.isEmpty)
        #expect(early.polygons.allSectors.allSatisfy { $0.shape.polygons.isEmpty })
        #expect(early.mapRenderer == nil)
        #expect(Gamme.allCases.allSatisfy { !(complete.polygons.bands[$0] ?? []).isEmpty })
        #expect(complete.polygons.allSectors.allSatisfy { !$0.shape.polygons.isEmpty })
        #expect(report.outputs.withLock { $0 }?.mapRenderer != nil, "the report's maps drawn while the sectors were dissolved")
        // The same sectors, numbered the same: the tables name the sectors the polygons draw.
        #expect(early.sectorIds == complete.sectorIds)
        #expect(early.polygons.allSectors.map(\.communeIndices) == complete.polygons.allSectors.map(\.communeIndices))
        #expect(early.polygons.allSectors.map(\.population) == complete.polygons.allSectors.map(\.population))
        #expect(early.polygons.allSectors.map(\.code) == complete.polygons.allSectors.map(\.code))
    }
}

/// The GeoPackage's second batch (the polygon layers, awaited on GDAL's thread) failing:
/// its error is what the run throws, and no `resultats.gpkg` is staged.
@Suite("GeoPackage: a failure in the later layers")
struct GeoPackageLaterLayersTests {
    @Test func theErrorOfTheLaterLayersIsThrownAndNoFileIsStaged() async throws {
        let folder = try TestRepository.makeTemporaryFolder("gpkg-later")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("sortie")
        let transaction = try OutputTransaction(directory: out.path)
        let first = VectorLayerData(name: "communes", geometryKind: .point, fields: [VectorField("code", .string)], features: [
            VectorFeature(values: [.string("62001")], geometry: .point(PlanarPoint(x: 650_000, y: 6_860_000))),
        ])
        let error = await #expect(throws: ZonegriseError.self) {
            try await GeoPackageOutput.stage([first], then: { throw ZonegriseError.inconsistent(detail: "cannot merge the polygons of communes 62001") },
                                             into: transaction)
        }
        #expect(error?.description.contains("cannot merge the polygons of communes 62001") == true, "\(String(describing: error))")
        try transaction.write("communes.csv", "code\n")
        _ = try transaction.commit()
        #expect(TestRepository.entries(of: out) == ["communes.csv"])
    }

    /// Both batches given: GDAL writes the later layers after the first, in order.
    @Test func theLaterLayersFollowTheFirst() async throws {
        let folder = try TestRepository.makeTemporaryFolder("gpkg-later-ok")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("sortie")
        let transaction = try OutputTransaction(directory: out.path)
        func layer(_ name: String) -> VectorLayerData {
            VectorLayerData(name: name, geometryKind: .point, fields: [VectorField("code", .string)], features: [
                VectorFeature(values: [.string(name)], geometry: .point(PlanarPoint(x: 650_000, y: 6_860_000))),
            ])
        }
        let later = [layer("secteurs"), layer("bandes_proximite")]
        _ = try await GeoPackageOutput.stage([layer("communes")], then: { later }, into: transaction)
        _ = try transaction.commit()
        let staged = try Data(contentsOf: out.appendingPathComponent(GeoPackageOutput.fileName))
        #expect(Array(staged) == (try GeoPackageBuilder.bytes(layers: [layer("communes")] + later)))
    }
}
