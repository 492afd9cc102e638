import Testing
@testable import Zonegrise

@Suite("CSVReader")
struct CSVReaderTests {
    private func reader(_ text: String, delimiter: UInt8? = nil) throws -> CSVReader {
        try CSVReader(bytes: Array(text.utf8), file: "t.csv", delimiter: delimiter)
    }

    /// Every record as (line, fields).
    private func records(_ reader: CSVReader) throws -> [(Int, [String])] {
        var result: [(Int, [String])] = []
        try reader.forEachRecord { record in result.append((record.line, record.strings)) }
        return result
    }

    private func error(_ text: String, delimiter: UInt8? = nil) -> String {
        parsingErrorDescription {
            let reader = try reader(text, delimiter: delimiter)
            try reader.forEachRecord { _ in }
        }
    }

    /// The first record's field `index`, for the value parsers.
    private func field<T>(_ text: String, delimiter: UInt8 = UInt8(ascii: ","), _ read: (borrowing CSVRecord) -> T) throws -> T? {
        let reader = try CSVReader(bytes: Array("h\n\(text)\n".utf8), file: "t.csv", delimiter: delimiter)
        var value: T?
        try reader.forEachRecord { record in value = read(record) }
        return value
    }

    @Test func commaSeparatedWithoutFinalLineBreak() throws {
        let csv = try reader("REG,DEP,DEPCOM\n32,62,62041\n32,62,62001")
        #expect(csv.header == ["REG", "DEP", "DEPCOM"])
        #expect(csv.delimiter == UInt8(ascii: ","))
        #expect(csv.headerLine == 1)
        let rows = try records(csv)
        #expect(rows.map(\.0) == [2, 3])
        #expect(rows.map(\.1) == [["32", "62", "62041"], ["32", "62", "62001"]])
        #expect(try csv.countRecords() == 2)
    }

    @Test func semicolonsCRLFAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("REG;Région;COM;PMUN\r\n84;Auvergne-Rhône-Alpes;01001;832\r\n\r\n84;Auvergne;01002;250\r\n".utf8)
        let csv = try CSVReader(bytes: bytes, file: "t.csv")
        #expect(csv.header == ["REG", "Région", "COM", "PMUN"])
        #expect(csv.delimiter == UInt8(ascii: ";"))
        #expect(try csv.column("reg") == 0)
        let rows = try records(csv)
        #expect(rows.map(\.0) == [2, 4])
        #expect(rows[0].1 == ["84", "Auvergne-Rhône-Alpes", "01001", "832"])
        var populations: [Int] = []
        try csv.forEachRecord { record in populations.append(try record.requireInt(3, field: "PMUN")) }
        #expect(populations == [832, 250])
    }

    @Test func quotedFieldsWithEscapesDelimitersAndLineBreaks() throws {
        let csv = try reader(
            "\"id\",\"lib\",\"note\"\n"
                + "\"1\",\"France services \"\"Valserhône\"\"\",\"a,b\"\n"
                + "\"2\",\"deux\nlignes\",\"\"\n"
                + "3,\"trois\r\nlignes\rici\",plain \"quote\" inside\n"
                + "\"4\" ,  \"x\"  ,\"\"\"\"\n"
        )
        let rows = try records(csv)
        #expect(rows.map(\.0) == [2, 3, 5, 8])
        #expect(rows[0].1 == ["1", "France services \"Valserhône\"", "a,b"])
        #expect(rows[1].1 == ["2", "deux\nlignes", ""])
        #expect(rows[2].1 == ["3", "trois\r\nlignes\rici", "plain \"quote\" inside"])
        #expect(rows[3].1 == ["4", "  \"x\"  ", "\""])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let rows = try records(try reader("\n\na,b\n\n1,2\r\n\r\n\n3,4\n\n"))
        #expect(rows.map(\.0) == [5, 8])
        #expect(rows.map(\.1) == [["1", "2"], ["3", "4"]])
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let csv = try reader("a,b\r1,2\r3,4")
        #expect(try records(csv).map(\.0) == [2, 3])
        #expect(try records(csv).map(\.1) == [["1", "2"], ["3", "4"]])
    }

    @Test func emptyFieldsAndTrailingDelimiter() throws {
        let rows = try records(try reader("a,b,c\n,,\n1,,\n"))
        #expect(rows.map(\.1) == [["", "", ""], ["1", "", ""]])
    }

    @Test func delimiterDetection() throws {
        #expect(try reader("a\tb\tc\n1\t2\t3\n").delimiter == 0x09)
        #expect(try reader("a;b,c;d\n").delimiter == UInt8(ascii: ";"))
        #expect(try reader("\"a;b\",c\n").delimiter == UInt8(ascii: ","))  // ; is inside quotes
        #expect(try reader("a;b,c\n").delimiter == UInt8(ascii: ";"))  // tie: ; first
        #expect(try reader("a,b\tc\n").delimiter == UInt8(ascii: ","))  // tie: , before tab
        #expect(try reader("single\n1\n").delimiter == UInt8(ascii: ","))
        #expect(try reader("\"multi\nline;header\",x\n").delimiter == UInt8(ascii: ","))
        #expect(try reader("\n\r\na;b\n1;2\n").delimiter == UInt8(ascii: ";"))
        let given = try reader("a,b|c\n1,2|3\n", delimiter: UInt8(ascii: "|"))
        #expect(given.header == ["a,b", "c"])
        #expect(try records(given).map(\.1) == [["1,2", "3"]])
    }

    @Test func columnLookup() throws {
        let csv = try reader("\" Code \",Nom, PMUN ,code\n1,a,2,3\n")
        #expect(csv.header == [" Code ", "Nom", " PMUN ", "code"])
        #expect(try csv.column("code") == 0)
        #expect(try csv.column("CODE") == 0)
        #expect(try csv.column(" \"pmun\" ") == 2)
        #expect(try csv.column(anyOf: ["DEPCOM", "COM", "nom"]) == 1)
        #expect(csv.optionalColumn("nom") == 1)
        #expect(csv.optionalColumn("absent") == nil)
        #expect(parsingErrorDescription { _ = try csv.column("PTOT") }
            == "t.csv: the header has no column \"PTOT\" (columns found:  Code , Nom,  PMUN , code).")
        #expect(parsingErrorDescription { _ = try csv.column(anyOf: ["DEPCOM", "COM"]) }
            == "t.csv: the header has no column \"DEPCOM or COM\" (columns found:  Code , Nom,  PMUN , code).")
        #expect(throws: ZonegriseError.missingColumn(file: "t.csv", column: "x", available: csv.header)) {
            try csv.column("x")
        }
    }

    @Test func integers() throws {
        #expect(try field("42") { $0.int(0) } == 42)
        #expect(try field(" -7 ") { $0.int(0) } == -7)
        #expect(try field("+3") { $0.int(0) } == 3)
        #expect(try field("007") { $0.int(0) } == 7)
        #expect(try field("\" 12 \"") { $0.int(0) } == 12)
        #expect(try field("9223372036854775807") { $0.int(0) } == Int.max)
        #expect(try field("-9223372036854775808") { $0.int(0) } == Int.min)
        for bad in ["\"\"", "  ", "-", "4.2", "12a", "1 2", "9223372036854775808", "0x10", "٣"] {
            #expect(try field(bad) { $0.int(0) } == Optional<Int>.none, "\(bad)")
        }
    }

    @Test func doubles() throws {
        #expect(try field("3.5") { $0.double(0) } == 3.5)
        #expect(try field(" -1e-3 ") { $0.double(0) } == -0.001)
        #expect(try field(".5") { $0.double(0) } == 0.5)
        #expect(try field("5.") { $0.double(0) } == 5)
        #expect(try field("46.1060711578546") { $0.double(0) } == 46.1060711578546)
        #expect(try field("0.12345678901234567890") { $0.double(0) } == 0.12345678901234568)
        #expect(try field("2E+3") { $0.double(0) } == 2000)
        #expect(try field("1e400") { $0.double(0) } == .infinity)
        // The decimal comma of French files, only when the delimiter is ';'.
        let semicolon = UInt8(ascii: ";")
        #expect(try field("12,5", delimiter: semicolon) { $0.double(0) } == 12.5)
        #expect(try field("-1,5e3", delimiter: semicolon) { $0.double(0) } == -1500)
        #expect(try field("0,12345678901234567890", delimiter: semicolon) { $0.double(0) } == 0.12345678901234568)
        #expect(try field("\"12,5\"") { $0.double(0) } == Optional<Double>.none)
        for bad in ["\"\"", "-", ".", "e5", "1e", "1.2.3", "NaN", "inf", "3 m", "+-1"] {
            #expect(try field(bad) { $0.double(0) } == Optional<Double>.none, "\(bad)")
        }
    }

    @Test func requiredValues() throws {
        let csv = try reader("COM;PMUN;surface\n62041;abc;12,5\n62001; 300 ;x\n")
        var descriptions: [String] = []
        try csv.forEachRecord { record in
            descriptions.append(parsingErrorDescription { _ = try record.requireInt(1, field: "PMUN") })
            descriptions.append(parsingErrorDescription { _ = try record.requireDouble(2, field: "surface") })
        }
        #expect(descriptions == [
            "t.csv:2: PMUN is \"abc\", expected an integer.",
            "(no error)",
            "(no error)",
            "t.csv:3: surface is \"x\", expected a number.",
        ])
    }

    @Test func fieldAccessors() throws {
        let csv = try reader("a,b,c\n\"x\"\"y\",  , z\n")
        try csv.forEachRecord { record in
            #expect(record.count == 3)
            #expect(record.string(0) == "x\"y")
            #expect(Array(record.bytes(0)) == Array("x\"\"y".utf8))
            #expect(record.isEmpty(1))
            #expect(!record.isEmpty(2))
            #expect(record.string(2) == " z")
        }
    }

    @Test(arguments: [
        ("", "t.csv:1: the file is empty: there is no header line."),
        ("\u{FEFF}", "t.csv:1: the file is empty: there is no header line."),
        ("\n\r\n", "t.csv:1: the file is empty: there is no header line."),
        ("a,b,c\n1,2\n", "t.csv:2: the record has 2 fields, the header has 3."),
        ("a,b,c\n1,2,3\n\n1\n", "t.csv:4: the record has 1 field, the header has 3."),
        ("a,b\n1,2\n1,2,3,4\n", "t.csv:3: the record has 4 fields, the header has 2."),
        ("a,b\n1,\"2\n3\n", "t.csv:2: a quoted field opened on this line is never closed (unexpected end of file)."),
        ("a,\"b\n", "t.csv:1: a quoted field opened on this line is never closed (unexpected end of file)."),
        ("a,b\n1,2\n\"", "t.csv:3: a quoted field opened on this line is never closed (unexpected end of file)."),
        ("a,b\n1,\"2\"x\n", "t.csv:2: unexpected 'x' after the closing quote of field 2; a quote inside a quoted field must be doubled (\"\")."),
        ("a,b\n\"1\n\"é,2\n", "t.csv:3: unexpected 'é' after the closing quote of field 1; a quote inside a quoted field must be doubled (\"\")."),
    ])
    func errors(input: String, expected: String) {
        #expect(error(input) == expected)
    }

    @Test func errorsThrownByTheBodyPassThrough() throws {
        let csv = try reader("a\n1\n2\n")
        var seen = 0
        #expect(throws: ZonegriseError.inconsistent(detail: "stop")) {
            try csv.forEachRecord { _ in
                seen += 1
                throw ZonegriseError.inconsistent(detail: "stop")
            }
        }
        #expect(seen == 1)
    }
}
