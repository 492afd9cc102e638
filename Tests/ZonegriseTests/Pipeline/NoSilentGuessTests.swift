import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// Inputs that used to be read with a silent guess (issue 8, "No silent guess"): each is
/// now an error naming the file and the line, and nothing is written.
@Suite("Pipeline: no silent guess")
struct NoSilentGuessTests {
    /// A matrix giving the same pair twice with different times (5 and 50 minutes):
    /// the first used to win.
    @Test func duplicateMatrixPairWithDifferentTimes() async throws {
        let territory = try PipelineTerritory("matrix-duplicate")
        try MatrixTimeModelRunTests.writeMatrix(territory, missing: "crowfly")
        try territory.write("matrix.csv", "origin,destination,minutes\n99002,99001,5\n99003,99001,4\n99002,99001,50\n")
        let (error, text) = await territory.runError()
        #expect(error == .malformed(file: territory.path("matrix.csv"), line: 4,
                                    detail: "the pair 99002 → 99001 appears twice with different times (5 minutes at line 2, 50 here); keep one"), "\(text)")
        expectNoOutput(territory)
    }

    /// The same pair twice with the same time is no contradiction.
    @Test func duplicateMatrixPairWithTheSameTimeIsRead() throws {
        let folder = try TestRepository.makeTemporaryFolder("matrix-same")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let path = folder.appendingPathComponent("m.csv").path
        try Data("origin,destination,minutes\n99002,99001,5\n99002,99001,5\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try MatrixReader(file: path).read(fusions: [:]) == ["99002": ["99001": 5]])
    }

    /// An equipment file with a header only used to put every inhabitant in zone grise.
    @Test func headerOnlyEquipment() async throws {
        let territory = try PipelineTerritory("equipment-header-only")
        try territory.write("bpe.csv", "DEPCOM,TYPEQU,NB_EQUIP\n")
        let (error, text) = await territory.runError()
        #expect(error == .malformed(file: territory.path("bpe.csv"), line: nil,
                                    detail: "the equipment file has a header but no row: without equipment there is no pole, and every commune would be in zone grise"),
                "\(text)")
        expectNoOutput(territory)
    }

    /// `--bands 10,,20` used to become 10,20.
    @Test(arguments: ["10,,20", ",10", "10,20,", "10, ,20"])
    func emptyBandLimit(value: String) throws {
        var config = AnalysisConfiguration()
        let (error, _) = zonegriseError { try config.apply("bands", value: value, source: "--bands") }
        #expect(error == .invalidParameter(source: "--bands", key: "bands",
                                           detail: "\"\(value)\" has an empty band limit; give increasing minutes separated by commas, e.g. 10,20,30"))
    }
}

/// Subdivision rows for communes that are not in the geometry used to be ignored: they
/// follow `unmatched_rows` like populations and equipment.
@Suite("Pipeline: subdivision rows for unknown communes")
struct SubdivisionUnmatchedRowsTests {
    @Test func unknownCommuneIsAnErrorByDefaultAndCountedWithWarn() async throws {
        let territory = try PipelineTerritory("subdivision-unknown")
        try territory.write("arr.csv", "commune,code,nom\n99001,A,Ouest\n99099,B,Est\n99002,A,Ouest\n")
        try territory.writeManifest(extra: "subdivisions:\n  - name: arr\n    file: arr.csv")
        let (error, text) = await territory.runError()
        guard case let .unknownCommune(file, line, code, what, _)? = error else {
            Issue.record("expected an unknown commune, got \(text)")
            return
        }
        #expect(file == territory.path("arr.csv") && line == 3 && code == "99099" && what == "subdivision row")
        expectNoOutput(territory)

        try territory.writeManifest(extra: "unmatched_rows: warn\nsubdivisions:\n  - name: arr\n    file: arr.csv")
        let report = try await territory.run()
        #expect(report.warningMessages.contains("\(territory.path("arr.csv")): subdivision rows for 1 commune not in the geometry skipped (first: 99099 at line 3)"),
                "\(report.warningMessages)")
    }
}

/// Matrix rows for communes that are not in the geometry used to be ignored: they follow
/// `unmatched_rows`; rows of départements not loaded stay national context.
@Suite("Pipeline: matrix rows for unknown communes")
struct MatrixUnmatchedRowsTests {
    @Test func unknownCommuneIsAnErrorByDefaultAndCountedWithWarn() async throws {
        let territory = try PipelineTerritory("matrix-unknown")
        try MatrixTimeModelRunTests.writeMatrix(territory, missing: "crowfly")
        var rows = try territory.text("matrix.csv")
        rows += "99099,99001,7\n75056,99001,300\n"
        try territory.write("matrix.csv", rows)
        let lines = rows.split(separator: "\n").count
        let (error, text) = await territory.runError()
        guard case let .unknownCommune(file, line, code, what, _)? = error else {
            Issue.record("expected an unknown commune, got \(text)")
            return
        }
        #expect(file == territory.path("matrix.csv") && line == lines - 1 && code == "99099" && what == "matrix row", "\(text)")
        expectNoOutput(territory)

        try territory.writeManifest(extra: "unmatched_rows: warn\ntime_model:\n  kind: matrix\n  matrix:\n    file: matrix.csv\n    missing: crowfly")
        let report = try await territory.run()
        #expect(report.warningMessages.contains { $0.hasPrefix("\(territory.path("matrix.csv")): matrix rows for 1 commune not in the geometry skipped (first: 99099") },
                "\(report.warningMessages)")
    }
}

/// A France Services site PROJ cannot project is exit-2 material naming the line (it
/// used to escape as an internal error with exit code 1).
@Suite("Pipeline: unprojectable site")
struct UnprojectableSiteTests {
    @Test func siteAtTheSouthPoleIsAnErrorNamingTheLine() async throws {
        let territory = try PipelineTerritory("site-pole")
        try territory.write("france-services.csv", "id_fs,lib_fs,insee_com,latitude,longitude\nfs1,Site,99001,-90,2.0\n")
        let (error, text) = await territory.runError()
        guard case let .invalidValue(file, line, field, _, _)? = error else {
            Issue.record("expected an invalid value, got \(text)")
            return
        }
        #expect(file == territory.path("france-services.csv") && line == 2 && field == "latitude/longitude", "\(text)")
        expectNoOutput(territory)
    }
}
