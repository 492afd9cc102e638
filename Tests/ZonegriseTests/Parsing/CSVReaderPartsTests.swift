import Foundation
import Testing
@testable import Zonegrise
import ZonegriseTestSupport

/// Cutting a CSV body into parts for concurrent parsing: the records of the parts, in
/// order, are the records of the whole (same fields, same physical lines), whatever the
/// quoting, blank lines and line ends; and the equipment read concurrently equals the
/// equipment read in one pass.
@Suite("CSVReader parts")
struct CSVReaderPartsTests {
    @Test(arguments: [1, 2, 3, 7, 11, 99] as [UInt64])
    func partsTogetherAreTheWhole(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for table in 0 ..< 40 {
            let columns = Int.random(in: 1 ... 5, using: &random)
            let header = (0 ..< columns).map { "c\($0)" }
            let rows = (0 ..< Int.random(in: 0 ... 60, using: &random)).map { _ in
                (0 ..< columns).map { _ in CSVReaderOracleTests.randomField(using: &random) }
            }
            var writer = OracleCSVWriter(delimiter: UInt8(ascii: ","), random: random)
            let (bytes, _) = writer.write(header: header, rows: rows)
            random = writer.random
            let reader = try CSVReader(bytes: bytes, file: "t.csv", delimiter: UInt8(ascii: ","))
            var whole: [([String], Int)] = []
            try reader.forEachRecord { whole.append(($0.strings, $0.line)) }
            for count in [2, 3, 5] {
                let parts = reader.parts(count, minimumBytes: 0)
                #expect(parts.count <= count)
                #expect(parts.first?.start == reader.bodyStart && parts.last?.end == bytes.count)
                #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.end == $1.start && $0.start < $0.end })
                var pieces: [([String], Int)] = []
                for part in parts { try reader.forEachRecord(in: part) { pieces.append(($0.strings, $0.line)) } }
                let context = "seed \(seed), table \(table), \(count) parts: \(String(decoding: bytes, as: UTF8.self).debugDescription)"
                #expect(pieces.map(\.0) == whole.map(\.0), "\(context)")
                #expect(pieces.map(\.1) == whole.map(\.1), "\(context)")
            }
        }
    }

    @Test func loneCarriageReturnsKeepOnePart() throws {
        let bytes = Array(String(repeating: "a,b\r1,2\r", count: 10).utf8)
        let reader = try CSVReader(bytes: bytes, file: "mac.csv")
        #expect(reader.parts(4, minimumBytes: 0).count == 1)
    }

    /// Random BPE-like files (codes in runs, a code coming back later, zero counts),
    /// sometimes with a bad row: the concurrent read gives the same counts, first lines
    /// and row counts, or the same first error, as the one-pass read.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func concurrentEquipmentEqualsOnePass(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        var lines = ["DEPCOM,TYPEQU,NB_EQUIP"]
        let codes = (0 ..< 30).map { String(format: "99%03d", $0) }
        for _ in 0 ..< Int.random(in: 1 ... 400, using: &random) {
            let code = codes[Int.random(in: 0 ..< codes.count, using: &random) / (Bool.random(using: &random) ? 1 : 3)]
            let type = ["A101", "B203", "D201", "D301"].randomElement(using: &random)!
            lines.append("\(code),\(type),\(Int.random(in: 0 ... 3, using: &random))")
        }
        if Int.random(in: 0 ..< 3, using: &random) == 0 {
            let bad = ["9A001,A101,1", "99001,,1", "99001,A101,x"].randomElement(using: &random)!
            lines.insert(bad, at: Int.random(in: 1 ... lines.count, using: &random))
        }
        let folder = try TestRepository.makeTemporaryFolder("bpe-parts")
        defer { TestRepository.removeTemporaryFolder(folder) }
        let file = folder.appendingPathComponent("bpe.csv").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
        let reader = EquipmentReader(file: file)
        let onePass: Result<EquipmentReader.Parsed, ZonegriseError>
        do { onePass = .success(try reader.parse()) } catch let error as ZonegriseError { onePass = .failure(error) }
        for parts in [2, 3, 4] {
            let concurrent: Result<EquipmentReader.Parsed, ZonegriseError>
            do { concurrent = .success(try await reader.parseConcurrently(parts: parts, minimumBytes: 0)) } catch let error as ZonegriseError {
                concurrent = .failure(error)
            }
            switch (onePass, concurrent) {
            case let (.success(a), .success(b)):
                #expect(a.countsByCode == b.countsByCode, "seed \(seed), \(parts) parts")
                #expect(a.firstLine == b.firstLine, "seed \(seed), \(parts) parts")
                #expect(a.rows == b.rows, "seed \(seed), \(parts) parts")
            case let (.failure(a), .failure(b)):
                #expect(a == b, "seed \(seed), \(parts) parts")
            default:
                Issue.record("seed \(seed), \(parts) parts: \(onePass) vs \(concurrent)")
            }
        }
    }
}
