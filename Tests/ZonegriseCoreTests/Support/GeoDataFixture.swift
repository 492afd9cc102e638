import Foundation
import ZonegriseTestSupport

/// The real public data beside the project (`../shared/geodata`, see its README), read in
/// place with plain Foundation so that the core tests need no reader module.
/// `ZONEGRISE_GEODATA` overrides the folder.
enum GeoDataFixture {
    static let folder: URL = RepositoryFolders.sharedGeodata

    static let bpe2019 = folder.appendingPathComponent("insee-bpe/bpe_ens_2019_france.csv.gz")
    static let populations2021 = folder.appendingPathComponent("insee-populations-2021/donnees_communes.csv")

    static var hasGammeInputs: Bool {
        FileManager.default.isReadableFile(atPath: bpe2019.path)
            && FileManager.default.isReadableFile(atPath: populations2021.path)
    }

    /// Populations légales 2021, COM → PMUN, with Paris, Lyon and Marseille as arrondissements
    /// (the three whole-city rows dropped, as the BPE counts by arrondissement).
    static func populations() throws -> [String: Int] {
        var text = try String(contentsOf: populations2021, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines = text.split(whereSeparator: \.isNewline).makeIterator()
        guard let header = lines.next()?.split(separator: ";", omittingEmptySubsequences: false),
              let com = header.firstIndex(of: "COM"), let pmun = header.firstIndex(of: "PMUN")
        else { throw FixtureError.badHeader(populations2021.path) }
        var result: [String: Int] = [:]
        while let line = lines.next() {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count > max(com, pmun), let value = Int(fields[pmun]) else { continue }
            result[String(fields[com])] = value
        }
        for city in ["75056", "69123", "13055"] { result[city] = nil }
        return result
    }

    /// BPE 2019 presence: DEPCOM → types whose NB_EQUIP summed over the commune's IRIS is > 0.
    /// Decompresses with `gzip -dc`.
    static func bpeTypesByCommune() throws -> [String: Set<String>] {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-dc", bpe2019.path]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        guard gzip.terminationStatus == 0 else { throw FixtureError.gzip(bpe2019.path) }

        // REG,DEP,DEPCOM,DCIRIS,AN,TYPEQU,NB_EQUIP — split by hand: 1 M rows.
        var counts: [String: [String: Int]] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var fieldStarts: [Int] = []
            var lineStart = 0
            var first = true
            for i in 0...bytes.count {
                let atEnd = i == bytes.count
                if !atEnd && bytes[i] != UInt8(ascii: "\n") { continue }
                var end = i
                if end > lineStart && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                defer { lineStart = i + 1 }
                if first { first = false; continue }
                fieldStarts.removeAll(keepingCapacity: true)
                fieldStarts.append(lineStart)
                for j in lineStart..<end where bytes[j] == UInt8(ascii: ",") { fieldStarts.append(j + 1) }
                guard fieldStarts.count == 7 else { continue }
                func field(_ n: Int) -> String {
                    let to = n + 1 < fieldStarts.count ? fieldStarts[n + 1] - 1 : end
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStarts[n]..<to]), as: UTF8.self)
                }
                guard let count = Int(field(6)) else { continue }
                counts[field(2), default: [:]][field(5), default: 0] += count
            }
        }
        return counts.mapValues { Set($0.filter { $0.value > 0 }.keys) }
    }

    enum FixtureError: Error {
        case badHeader(String)
        case gzip(String)
    }
}
