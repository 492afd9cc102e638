import Foundation
import Testing
import ZonegriseCore
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
