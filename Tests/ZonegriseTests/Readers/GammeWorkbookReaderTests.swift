import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore
import ZonegriseTestSupport

/// `gammes.file` as INSEE's `.xlsx` workbook: the sheet and header row are found, labels
/// read whatever their case and accents; bad workbooks are one sentence naming the file.
@Suite("Readers: gamme workbook (xlsx)")
struct GammeWorkbookReaderTests {
    static func write(_ data: Data, _ name: String = "gammes.xlsx") throws -> (folder: URL, path: String) {
        let folder = try TestRepository.makeTemporaryFolder("xlsx")
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return (folder, url.path)
    }

    static func read(_ sheets: [XLSXFixture.Sheet]) throws -> (table: GammeTable, location: GammeWorkbookReader.Location) {
        let (folder, path) = try write(try XLSXFixture.bytes(sheets))
        defer { TestRepository.removeTemporaryFolder(folder) }
        return try GammeWorkbookReader(file: path).read()
    }

    static func error(_ data: Data, name: String = "gammes.xlsx") throws -> (text: String, path: String) {
        let (folder, path) = try write(data, name)
        defer { TestRepository.removeTemporaryFolder(folder) }
        return (caughtError(ZonegriseError.self) { _ = try GammeWorkbookReader(file: path).read() }.text, path)
    }

    /// Notes sheet first, title rows, the header in row 4, GAMME in column AB; shared,
    /// rich and inline strings, a numeric code, a note row below the table.
    @Test func readsInseeLayout() throws {
        let (table, location) = try Self.read(XLSXFixture.inseeLayout)
        #expect(location == .init(sheet: "Gammes 2019", headerRow: 4))
        #expect(table.membership == ["P1": .proximite, "P2": .proximite, "I1": .intermediaire, "S1": .superieure, "S2": .superieure])
        #expect(!table.isDerived)
    }

    @Test(arguments: [
        ("Gamme de proximité", Gamme.proximite), ("proximite", .proximite), ("PROXIMITÉ", .proximite), ("  Gamme  de\u{00A0}proximité ", .proximite),
        ("INTERMEDIAIRE", .intermediaire), ("Gamme intermédiaire", .intermediaire), ("I", .intermediaire), ("2", .intermediaire),
        ("Gamme supérieure", .superieure), ("SUPÉRIEURE", .superieure), ("S", .superieure),
    ])
    func readsGammeLabels(label: String, gamme: Gamme) throws {
        let sheet = XLSXFixture.Sheet(name: "T", rows: [
            [.shared("typequ"), .shared("GAMME")],
            [.shared("A1"), .shared(label)], [.shared("B1"), .shared("proximite")], [.shared("C1"), .shared("intermediaire")],
            [.shared("D1"), .shared("superieure")],
        ])
        #expect(try Self.read([sheet]).table.membership["A1"] == gamme)
    }

    @Test func headerNamesIgnoreCaseAndAccents() throws {
        let sheet = XLSXFixture.Sheet(name: "T", rows: [
            [.shared("Libellé"), .shared("Code TYPEQU"), .shared("Gamme d'appartenance"), .shared("Service")],
            [.shared("Poste"), .shared("A206"), .shared("proximité"), .shared("poste")],
            [.shared("Relais poste"), .shared("A207"), .shared("proximité"), .shared("poste")],
            [.shared("Collège"), .shared("C201"), .shared("intermédiaire"), .none],
            [.shared("Lycée"), .shared("C301"), .shared("supérieure"), .none],
        ])
        let (table, location) = try Self.read([sheet])
        #expect(location.headerRow == 1)
        #expect(table.membership.count == 4)
        #expect(table.serviceOfType == ["A206": "poste", "A207": "poste"])
    }

    @Test func cellReferences() {
        #expect(XLSXCellReference("A1") == .init(column: 0, row: 1))
        #expect(XLSXCellReference("Z9") == .init(column: 25, row: 9))
        #expect(XLSXCellReference("AA10") == .init(column: 26, row: 10))
        #expect(XLSXCellReference("ab4") == .init(column: 27, row: 4))
        #expect(XLSXCellReference("$B$3") == .init(column: 1, row: 3))
        #expect(XLSXCellReference("XFD1048576") == .init(column: 16_383, row: 1_048_576))
        for text in ["", "1A", "A0", "A", "12", "A1B", "XFE1", "AAAA1"] { #expect(XLSXCellReference(text) == nil, "\(text)") }
        for column in [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383] {
            let letters = XLSXCellReference.letters(ofColumn: column)
            #expect(XLSXCellReference(letters + "1")?.column == column, "\(letters)")
        }
        #expect(XLSXCellReference.letters(ofColumn: 701) == "ZZ")
        #expect(XLSXCellReference.letters(ofColumn: 702) == "AAA")
    }

    @Test func noTypeColumnIsAnError() throws {
        var sheets = XLSXFixture.inseeLayout
        sheets[1].rows[3][1] = .shared("Code")
        let (text, path) = try Self.error(try XLSXFixture.bytes(sheets))
        #expect(text == "\(path): no sheet has a header row with a TYPEQU column and a GAMME column (sheets: \"Notes\", \"Gammes 2019\").")
    }

    @Test func unknownLabelNamesSheetCellAndValue() throws {
        var sheets = XLSXFixture.inseeLayout
        sheets[1].rows[5][27] = .shared("Gamme métropolitaine")
        let (text, path) = try Self.error(try XLSXFixture.bytes(sheets))
        #expect(text.hasPrefix("\(path): sheet \"Gammes 2019\", cell AB6: unknown gamme label \"Gamme métropolitaine\" (expected proximité, intermédiaire or supérieure"), "\(text)")
    }

    @Test func typeWithoutGammeIsAnError() throws {
        var sheets = XLSXFixture.inseeLayout
        sheets[1].rows[6][27] = .none
        let (text, path) = try Self.error(try XLSXFixture.bytes(sheets))
        #expect(text == "\(path): sheet \"Gammes 2019\", cell AB7: type I1 has no gamme.")
    }

    @Test func notAZipIsAnError() throws {
        let (text, path) = try Self.error(Data("typequ,gamme\nA1,proximite\n".utf8))
        #expect(text.hasPrefix("\(path): not an xlsx workbook: it is not a readable zip archive"), "\(text)")
    }

    @Test func truncatedZipIsAnError() throws {
        let bytes = try XLSXFixture.bytes(XLSXFixture.inseeLayout)
        let (text, path) = try Self.error(bytes.prefix(bytes.count / 2))
        #expect(text.hasPrefix("\(path): not an xlsx workbook: it is not a readable zip archive"), "\(text)")
    }

    /// Bytes changed inside a deflated part: the inflate or the checksum fails.
    @Test func damagedEntryIsAnError() throws {
        var bytes = try XLSXFixture.bytes(XLSXFixture.inseeLayout)
        // The shared strings part: its local header's name, then a few bytes into its data.
        let name = Data("xl/sharedStrings.xml".utf8)
        let at = try #require(bytes.range(of: name)).upperBound
        for offset in 8 ..< 40 { bytes[at + offset] ^= 0x5A }
        let (text, path) = try Self.error(bytes)
        #expect(text.hasPrefix("\(path): the zip archive is damaged: xl/sharedStrings.xml"), "\(text)")
    }

    /// An entry whose deflate stream does not end within its declared compressed size
    /// (both headers say 10 bytes): refused, never read past (ZIPFoundation alone reads
    /// on past the entry, and loops at the end of the file: `XLSXZipDirectory`). The
    /// zeros after the entry's bytes make an invalid deflate block.
    @Test func entryLongerThanItsCompressedSizeIsAnError() throws {
        var bytes = try XLSXFixture.bytes(XLSXFixture.inseeLayout)
        let name = Data("xl/workbook.xml".utf8)
        let local = try #require(bytes.range(of: name)).lowerBound
        let central = try #require(bytes.range(of: name, in: (local + name.count) ..< bytes.count)).lowerBound
        for sizeField in [local - 12, central - 26] {
            bytes[sizeField] = 10
            for offset in 1 ..< 4 { bytes[sizeField + offset] = 0 }
        }
        let (text, path) = try Self.error(bytes)
        #expect(text == "\(path): the zip archive is damaged: xl/workbook.xml cannot be decompressed.", "\(text)")
    }

    @Test func zipWithoutWorkbookIsAnError() throws {
        let (text, path) = try Self.error(try XLSXFixture.zip([("word/document.xml", Data("<w/>".utf8))]))
        #expect(text == "\(path): not an xlsx workbook: the zip archive has no xl/workbook.xml.")
    }

    /// A CSV table with an .xlsx content but another name is still read as a workbook.
    @Test func workbooksAreRecognisedByContent() throws {
        let (folder, path) = try Self.write(try XLSXFixture.bytes(XLSXFixture.inseeLayout), "gammes.dat")
        defer { TestRepository.removeTemporaryFolder(folder) }
        #expect(GammeWorkbookReader.isWorkbook(path))
        #expect(GammeWorkbookReader.isWorkbook("absent.xlsx"))
        #expect(!GammeWorkbookReader.isWorkbook(TestRepository.path("geodata/demo/gammes.csv")))
    }
}
