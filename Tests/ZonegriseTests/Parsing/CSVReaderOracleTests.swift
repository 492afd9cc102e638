import Testing
@testable import Zonegrise
import ZonegriseTestSupport

/// Random tables written by an independent writer (quoting when needed or at random, LF or
/// CRLF, blank lines, optional BOM and final line break) must read back equal, with the
/// right physical line for every record.
@Suite("CSVReader oracle")
struct CSVReaderOracleTests {
    @Test(arguments: [1, 2, 3, 7, 11, 99, 2024, 65_537] as [UInt64])
    func randomTablesRoundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for table in 0..<60 {
            let delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09][Int.random(in: 0..<3, using: &random)]
            let columns = Int.random(in: 1...7, using: &random)
            let header = (0..<columns).map { "col\($0)_" + Self.letters(using: &random) }
            let rows = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                (0..<columns).map { _ in Self.randomField(using: &random) }
            }
            var writer = OracleCSVWriter(delimiter: delimiter, random: random)
            let (bytes, lines) = writer.write(header: header, rows: rows)
            random = writer.random

            // Detection works here: the header has only letters, digits and '_'.
            let detect = columns > 1 && Bool.random(using: &random)
            let reader = try CSVReader(bytes: bytes, file: "random.csv", delimiter: detect ? nil : delimiter)
            let context = "seed \(seed), table \(table): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
            #expect(reader.delimiter == delimiter, "\(context)")
            #expect(reader.header == header, "\(context)")
            var readRows: [[String]] = []
            var readLines: [Int] = []
            try reader.forEachRecord { record in
                readRows.append(record.strings)
                readLines.append(record.line)
            }
            #expect(readRows == rows, "\(context)")
            #expect(readLines == lines, "\(context)")
            if readRows != rows || readLines != lines { return }
        }
    }

    static func letters(using random: inout SplitMix64) -> String {
        String((0..<Int.random(in: 1...6, using: &random)).map { _ in "abcdefXYZ".randomElement(using: &random)! })
    }

    static func randomField(using random: inout SplitMix64) -> String {
        let pieces = ["a", "b", "Z", "1", "0", "-", ".", " ", "é", "ô", "😀", "\"", ",", ";", "\t", "\n", "\r\n", "\"\""]
        return (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
}

/// An independent CSV writer: quotes a field when it must (delimiter, quote, line break,
/// leading quote, or the only field of a row being empty) and sometimes when it need not.
struct OracleCSVWriter {
    let delimiter: UInt8
    var random: SplitMix64

    /// The bytes and the 1-based line where each data row starts.
    mutating func write(header: [String], rows: [[String]]) -> ([UInt8], [Int]) {
        let lineBreak = Bool.random(using: &random) ? "\r\n" : "\n"
        var text = Bool.random(using: &random) ? "\u{FEFF}" : ""
        var line = 1
        var lines: [Int] = []
        text += format(header) + lineBreak
        line += 1
        for (index, row) in rows.enumerated() {
            while Int.random(in: 0..<6, using: &random) == 0 {
                text += lineBreak
                line += 1
            }
            lines.append(line)
            let formatted = format(row)
            text += formatted
            line += formatted.filter { $0 == "\n" || $0 == "\r\n" }.count
            if index < rows.count - 1 || Bool.random(using: &random) {
                text += lineBreak
                line += 1
            }
        }
        return (Array(text.utf8), lines)
    }

    private mutating func format(_ fields: [String]) -> String {
        let separator = String(UnicodeScalar(delimiter))
        return fields.map { field in
            let mustQuote = field.contains(separator) || field.contains("\"") || field.contains("\n")
                || field.contains("\r\n") || (fields.count == 1 && field.isEmpty)
            guard mustQuote || Int.random(in: 0..<4, using: &random) == 0 else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: separator)
    }
}
