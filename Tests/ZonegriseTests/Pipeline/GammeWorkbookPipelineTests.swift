import Foundation
import Testing
@testable import Zonegrise
import ZonegriseTestSupport

/// A run with `gammes.file` an `.xlsx` workbook: the same results as with the CSV table,
/// and the outputs say which table was used (path, SHA-256, sheet, header row).
@Suite("Pipeline: gamme workbook")
struct GammeWorkbookPipelineTests {
    static let workbook: [XLSXFixture.Sheet] = [
        XLSXFixture.Sheet(name: "Lisez-moi", rows: [[.shared("Gammes d'équipements")]]),
        XLSXFixture.Sheet(name: "Gammes", rows: [
            [.shared("Composition des gammes")],
            [],
            [.shared("TYPEQU"), .shared("Libellé"), .shared("GAMME")],
            [.shared("P1"), .shared("Boulangerie"), .shared("Gamme de proximité")],
            [.inline("I1"), .shared("Collège"), .rich(["Gamme ", "intermédiaire"])],
            [.shared("S1"), .shared("Lycée"), .number("3")],
        ]),
    ]

    @Test func workbookGivesTheResultsOfTheCSVTable() async throws {
        let csvRun = try PipelineTerritory("gammes-csv")
        try await csvRun.run()
        let territory = try PipelineTerritory("gammes-xlsx")
        try Data(try XLSXFixture.bytes(Self.workbook)).write(to: territory.folder.appendingPathComponent("gammes.xlsx"))
        try territory.write("manifest.yaml", try territory.text("manifest.yaml").replacingOccurrences(of: "gammes: gammes.csv", with: "gammes: gammes.xlsx"))
        let report = try await territory.run()
        #expect(!report.warningMessages.contains { $0.contains("derived") })
        for name in ["zones_grises.csv", "communes.csv"] {
            #expect(try Data(contentsOf: territory.out.appendingPathComponent(name)) == Data(contentsOf: csvRun.out.appendingPathComponent(name)), "\(name)")
        }
        let data = try Data(contentsOf: territory.out.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let gammes = try #require(manifest["gammes"] as? [String: Any])
        #expect(gammes["source"] as? String == "file")
        #expect(gammes["file"] as? String == territory.path("gammes.xlsx"))
        #expect(gammes["format"] as? String == "xlsx")
        #expect(gammes["sheet"] as? String == "Gammes")
        #expect(gammes["header_row"] as? Int == 3)
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let input = try #require(inputs.first { $0["role"] as? String == "gammes" })
        #expect(input["path"] as? String == territory.path("gammes.xlsx"))
        #expect((input["sha256"] as? String)?.count == 64)
        let lisezmoi = try String(contentsOf: territory.out.appendingPathComponent("LISEZMOI.txt"), encoding: .utf8)
        #expect(lisezmoi.replacingOccurrences(of: "\n", with: " ").contains(
            "Gammes : table donnée par le classeur ci-dessous, feuille « Gammes », ligne d'en-tête 3 (empreinte SHA-256 dans manifest.json, source_gammes = table) :   \(territory.path("gammes.xlsx"))"))
        let csvManifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: csvRun.out.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect((csvManifest["gammes"] as? [String: Any])?["format"] as? String == "csv")
    }
}
