import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore

/// The matrix time model through a whole run: a missing pair is an error naming it, or
/// estimated by crow fly, or unreachable, as `time_model.matrix.missing` says.
@Suite("Pipeline: matrix time model")
struct MatrixTimeModelRunTests {
    /// Times from every commune to the two poles (99001, 99005), without 99009 → 99001.
    /// 99009 → 99005 takes 45 minutes; commune i (1-based) → 99001 takes 2i minutes,
    /// → 99005 takes 5.5 minutes.
    static func writeMatrix(_ territory: PipelineTerritory, missing: String?) throws {
        var rows = ["origin,destination,minutes"]
        for index in 0 ..< 9 {
            let code = PipelineTerritory.code(index)
            if code != "99001", code != "99009" { rows.append("\(code),99001,\(2 * (index + 1))") }
            if code != "99005" { rows.append("\(code),99005,\(code == "99009" ? "45" : "5.5")") }
        }
        try territory.write("matrix.csv", rows.joined(separator: "\n") + "\n")
        let missingLine = missing.map { "\n    missing: \($0)" } ?? ""
        try territory.writeManifest(extra: "time_model:\n  kind: matrix\n  matrix:\n    file: matrix.csv" + missingLine)
    }

    @Test func missingPairIsAnErrorNamingThePair() async throws {
        let territory = try PipelineTerritory("matrix-missing")
        try Self.writeMatrix(territory, missing: nil)
        let (error, text) = await territory.runError()
        let file = territory.path("matrix.csv")
        #expect(error == .inconsistent(detail: "\(file): no travel time from 99009 to 99001; add the pairs or set time_model.matrix.missing to crowfly or unreachable"))
        #expect(text == "\(file): no travel time from 99009 to 99001; add the pairs or set time_model.matrix.missing to crowfly or unreachable.")
        expectNoOutput(territory)
    }

    @Test func missingPairEstimatedByCrowFly() async throws {
        let territory = try PipelineTerritory("matrix-crowfly")
        try Self.writeMatrix(territory, missing: "crowfly")
        let report = try await territory.run()
        let codes = report.result.communes.map(\.code)
        let proximite = try #require(report.result.access[.proximite])
        let i9 = try #require(codes.firstIndex(of: "99009")), i1 = try #require(codes.firstIndex(of: "99001"))
        let from = report.result.communes[i9], to = report.result.communes[i1]
        let estimate = CrowflyModel().minutes(from: Place(communeCode: from.code, point: from.centre, communeAreaSquareMetres: from.areaSquareMetres),
                                              to: Place(communeCode: to.code, point: to.centre))
        // About 6.4 km at 60 km/h × 1.3: faster than the 45 minutes to 99005.
        #expect(estimate > 6 && estimate < 12, "\(estimate)")
        #expect(proximite[i9].target == "99001")
        #expect(proximite[i9].minutes == ZoneGriseAnalysis.roundedMinutes(estimate))
        // Pairs in the table are used as given; a pole's own commune is 0.
        let i2 = try #require(codes.firstIndex(of: "99002"))
        #expect(proximite[i2].minutes == 4 && proximite[i2].target == "99001")
        let i4 = try #require(codes.firstIndex(of: "99004"))
        #expect(proximite[i4].minutes == 5.5 && proximite[i4].target == "99005")
        #expect(proximite[i1].minutes == 0)
        // 99009 is 45 minutes from the only pôle intermédiaire: in zone grise.
        let intermediaire = try #require(report.result.access[.intermediaire])
        #expect(intermediaire[i9].minutes == 45 && intermediaire[i9].isBeyond)
        #expect(report.result.codesEnjeux[i9] == "-IS")
        let manifest = try String(contentsOf: territory.out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"kind\": \"matrix\""))
        #expect(manifest.contains("\"missing\": \"crowfly\""))
        #expect(manifest.contains("\"role\": \"matrix\""))
    }

    @Test func missingPairUnreachable() async throws {
        let territory = try PipelineTerritory("matrix-unreachable")
        try Self.writeMatrix(territory, missing: "unreachable")
        let report = try await territory.run()
        let codes = report.result.communes.map(\.code)
        let i9 = try #require(codes.firstIndex(of: "99009"))
        let access = try #require(report.result.access[.proximite])[i9]
        #expect(access.target == "99005")
        #expect(access.minutes == 45)
        #expect(access.isBeyond)
    }

    @Test func matrixModelWithoutFile() async throws {
        let territory = try PipelineTerritory("matrix-no-file")
        try territory.writeManifest(extra: "time_model: matrix")
        let (error, text) = await territory.runError()
        #expect(error == .invalidParameter(source: territory.path("manifest.yaml"), key: "time_model.matrix.file",
                                           detail: "the matrix time model needs a file of origin,destination,minutes"))
        #expect(text.hasSuffix("time_model.matrix.file: the matrix time model needs a file of origin,destination,minutes."))
        expectNoOutput(territory)
    }

    @Test func matrixWithANegativeTime() async throws {
        let territory = try PipelineTerritory("matrix-negative")
        try Self.writeMatrix(territory, missing: "crowfly")
        try territory.write("matrix.csv", "origin,destination,minutes\n99002,99001,4\n99003,99001,-1\n")
        let (_, text) = await territory.runError()
        #expect(text == "\(territory.path("matrix.csv")):3: minutes is \"-1\", expected a number of minutes from 0 to 1,440.")
        expectNoOutput(territory)
    }
}
