import Foundation
import Testing
import ZonegriseTestSupport

/// `zonegrise analyse` with `gammes.file` INSEE's `.xlsx` workbook: the demo's table as a
/// workbook gives the demo's results; bad workbooks are exit 2 with one sentence naming
/// the file, and nothing is written.
@Suite("CLI: gamme workbook")
struct GammeWorkbookCommandTests {
    /// The demo's gammes.csv in INSEE's layout: a notes sheet, title rows, labels as words.
    static func demoWorkbook() throws -> [XLSXFixture.Sheet] {
        let csv = try String(contentsOf: ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo/gammes.csv"), encoding: .utf8)
        let labels = ["proximite": "Gamme de proximité", "intermediaire": "Gamme intermédiaire", "superieure": "Gamme supérieure"]
        var rows: [[XLSXFixture.Cell]] = [[.shared("Gammes d'équipements")], [.shared("Source : Insee")], [],
                                           [.shared("TYPEQU"), .shared("Libellé"), .shared("Gamme")]]
        for line in csv.split(whereSeparator: { $0.isNewline }).dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 2).map(String.init)
            rows.append([.shared(fields[0]), .shared(fields[2]), .shared(try #require(labels[fields[1]]))])
        }
        return [XLSXFixture.Sheet(name: "Notes", rows: [[.shared("Voir la feuille Gammes.")]]), XLSXFixture.Sheet(name: "Gammes", rows: rows)]
    }

    /// A copy of the demo whose manifest reads `gammes.xlsx`, holding `workbook`.
    static func demoCopy(_ workbook: Data) throws -> URL {
        let copy = try CLIScratch.folder("xlsx-demo")
        let demo = ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let manifest = copy.appendingPathComponent("demo.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        #expect(text.contains("  file: gammes.csv\n"))
        try Data(text.replacingOccurrences(of: "  file: gammes.csv\n", with: "  file: gammes.xlsx\n").utf8).write(to: manifest)
        try workbook.write(to: copy.appendingPathComponent("gammes.xlsx"))
        return copy
    }

    @Test func demoWorkbookGivesTheDemoResults() throws {
        let copy = try Self.demoCopy(try XLSXFixture.bytes(try Self.demoWorkbook()))
        defer { CLIScratch.remove(copy) }
        let out = copy.appendingPathComponent("out")
        let result = try ZonegriseBinary.run(["analyse", copy.appendingPathComponent("demo.yaml").path, "--out", out.path, "--outputs", "tables"])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = ZonegriseBinary.repositoryRoot.appendingPathComponent("Tests/ZonegriseTests/Golden/demo")
        for name in ["zones_grises.csv", "communes.csv", "gammes.csv"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: golden.appendingPathComponent(name)), "\(name)")
        }
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"format\": \"xlsx\""))
        #expect(manifest.contains("\"sheet\": \"Gammes\""))
    }

    /// Each bad workbook: exit 2, one line naming the workbook, no output folder.
    static func expectRefused(_ workbook: Data, saying expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let copy = try Self.demoCopy(workbook)
        defer { CLIScratch.remove(copy) }
        let out = copy.appendingPathComponent("out")
        let result = try ZonegriseBinary.run(["analyse", copy.appendingPathComponent("demo.yaml").path, "--out", out.path])
        let path = copy.appendingPathComponent("gammes.xlsx").path
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(CommandLineErrorTests.singleLine(result.stderr), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("zonegrise: error: \(path): \(expected)"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out.path), "the failed run created \(CLIScratch.entries(out))", sourceLocation: sourceLocation)
    }

    @Test func workbookWithoutTypeColumnIsRefused() throws {
        var sheets = try Self.demoWorkbook()
        sheets[1].rows[3][0] = .shared("Code équipement")
        try Self.expectRefused(try XLSXFixture.bytes(sheets), saying: "no sheet has a header row with a TYPEQU column and a GAMME column (sheets: \"Notes\", \"Gammes\").")
    }

    @Test func unknownGammeLabelIsRefused() throws {
        var sheets = try Self.demoWorkbook()
        sheets[1].rows[6][2] = .shared("Gamme départementale")
        try Self.expectRefused(try XLSXFixture.bytes(sheets), saying: "sheet \"Gammes\", cell C7: unknown gamme label \"Gamme départementale\"")
    }

    @Test func corruptZipIsRefused() throws {
        let bytes = try XLSXFixture.bytes(try Self.demoWorkbook())
        try Self.expectRefused(bytes.prefix(bytes.count - 30), saying: "not an xlsx workbook: it is not a readable zip archive")
    }

    @Test func fileThatIsNotAZipIsRefused() throws {
        try Self.expectRefused(Data("typequ,gamme\nA206,proximite\n".utf8), saying: "not an xlsx workbook: it is not a readable zip archive")
    }
}
