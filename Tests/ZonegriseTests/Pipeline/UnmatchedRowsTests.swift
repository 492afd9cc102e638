import Foundation
import Testing
@testable import Zonegrise

/// Population and equipment rows of a loaded département whose commune is not in the
/// geometry: an error by default (inhabitants would be lost), counted warnings with
/// `unmatched_rows: warn`. Rows of other départements are national context.
@Suite("Pipeline: rows for communes not in the geometry")
struct UnmatchedRowsTests {
    /// Populations with two rows of 99 that have no polygon (lines 11 and 13) and one of 62.
    static func writeUnmatchedPopulations(_ territory: PipelineTerritory) throws {
        let rows = PipelineTerritory.populations.map { "\($0.code),\($0.population)\n" }.joined()
        try territory.write("populations.csv", "code,population\n" + rows + "99010,75\n62041,40000\n99011,25\n")
    }

    static func writeUnmatchedEquipment(_ territory: PipelineTerritory) throws {
        try territory.write("bpe.csv", """
        DEPCOM,TYPEQU,NB_EQUIP
        99001,P1,1
        99005,P1,2
        99005,I1,1
        99005,S1,1
        62041,S1,3
        99012,P1,1
        99012,I1,1
        99013,P1,1

        """)
    }

    @Test func populationRowsAreAnErrorByDefault() async throws {
        let territory = try PipelineTerritory("unmatched-pop")
        try Self.writeUnmatchedPopulations(territory)
        let (error, text) = await territory.runError()
        let file = territory.path("populations.csv")
        #expect(error == .unknownCommune(
            file: file, line: 11, code: "99010", what: "population row",
            hint: "2 such communes (100 inhabitants); add the missing polygons, list merged communes in communes.fusions, or set unmatched_rows: warn to skip such rows"))
        #expect(text.hasPrefix("\(file):11: population row for commune 99010, which is not in the commune geometry; 2 such communes (100 inhabitants);"), "\(text)")
        expectNoOutput(territory)
    }

    @Test func equipmentRowsAreAnErrorByDefault() async throws {
        let territory = try PipelineTerritory("unmatched-bpe")
        try Self.writeUnmatchedEquipment(territory)
        let (error, text) = await territory.runError()
        let file = territory.path("bpe.csv")
        guard case let .unknownCommune(errorFile, line, code, what, hint)? = error else {
            Issue.record("expected an unknown commune, got \(text)")
            return
        }
        #expect(errorFile == file)
        #expect(line == 7)
        #expect(code == "99012")
        #expect(what == "equipment row")
        #expect(hint.hasPrefix("2 such communes; "))
        #expect(hint.hasSuffix("set unmatched_rows: warn to skip such rows"))
        #expect(text.hasPrefix("\(file):7: equipment row for commune 99012, which is not in the commune geometry;"))
        expectNoOutput(territory)
    }

    @Test func warnSkipsThemWithCounts() async throws {
        let territory = try PipelineTerritory("unmatched-warn")
        try Self.writeUnmatchedPopulations(territory)
        try Self.writeUnmatchedEquipment(territory)
        try territory.writeManifest(extra: "unmatched_rows: warn")
        let report = try await territory.run()
        let populations = report.warningMessages.filter { $0.hasPrefix(territory.path("populations.csv") + ": ") }
        let equipment = report.warningMessages.filter { $0.hasPrefix(territory.path("bpe.csv") + ": ") }
        #expect(populations == [
            "\(territory.path("populations.csv")): population rows for 2 communes not in the geometry (100 inhabitants) skipped (first: 99010 at line 11)",
        ])
        #expect(equipment == [
            "\(territory.path("bpe.csv")): equipment rows for 2 communes not in the geometry skipped (first: 99012 at line 7)",
        ])
        // The skipped inhabitants are not counted; the commune of 62 is national context.
        #expect(report.result.communes.reduce(0) { $0 + $1.population } == PipelineTerritory.totalPopulation)
        #expect(report.result.communes.count == 9)
        let manifest = try String(contentsOf: territory.out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"unmatched_rows\": \"warn\""))
        #expect(manifest.contains("population rows for 2 communes not in the geometry"))
    }

    @Test func warnFromTheCommandLineOverride() async throws {
        let territory = try PipelineTerritory("unmatched-override")
        try Self.writeUnmatchedPopulations(territory)
        var config = try territory.configuration()
        try config.apply("unmatched_rows", value: "warn", source: "--unmatched-rows")
        let report = try await territory.run(config)
        #expect(report.warningMessages.contains { $0.contains("population rows for 2 communes not in the geometry") })
    }

    /// A row of a merged commune listed in `fusions` counts for the commune it joined.
    @Test func fusionsMatchRowsOfMergedCommunes() async throws {
        let territory = try PipelineTerritory("unmatched-fusion")
        try Self.writeUnmatchedPopulations(territory)
        try territory.writeManifest(extra: "")
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(
            of: "  files: [communes-a.geojson, communes-b.geojson]",
            with: "  files: [communes-a.geojson, communes-b.geojson]\n  fusions: {\"99010\": \"99002\", \"99011\": \"99002\"}"))
        let report = try await territory.run()
        let commune = try #require(report.result.communes.first { $0.code == "99002" })
        #expect(commune.population == 300 + 75 + 25)
        // Neither 99010 nor 99011 has a polygon: nothing to unite, said once each.
        #expect(report.warningMessages.contains("communes.fusions: commune 99010 is not in the commune files; nothing to merge into 99002 (rows of 99010 count in 99002)"))
        #expect(report.warningMessages.contains("communes.fusions: commune 99011 is not in the commune files; nothing to merge into 99002 (rows of 99011 count in 99002)"))
    }
}
