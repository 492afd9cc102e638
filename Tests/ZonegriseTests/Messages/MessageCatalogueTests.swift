import Foundation
import Testing
@testable import Zonegrise
import ZonegriseCore
import ZonegriseNative
import ZonegriseOSM

/// Every error sentence the user can see, by a catalogue of representative cases: each
/// enum case of `ZonegriseError` and `OSMError`, and real failures of the readers (YAML,
/// CSV, GeoJSON, gzip, a binary file). Each must be one line, end with exactly one full
/// stop (or its question mark), hold no "..", name its file at most once and at most one
/// feature number, and show no raw byte of the input.
///
/// Found before (issue 8): "PATH: Cannot decompress PATH: incorrect header check.." (the
/// path twice, two full stops), a binary file's header echoed byte for byte, "no
/// INSEE_COM property (properties found: INSEE_COM, NOM)" for an empty code.
@Suite("Messages: one sentence each")
struct MessageCatalogueTests {
    static func expectOneSentence(_ message: String, file: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!message.contains("\n") && !message.contains("\r"), "several lines: \(message)", sourceLocation: sourceLocation)
        #expect(message.hasSuffix(".") || message.hasSuffix("?"), "no final full stop: \(message)", sourceLocation: sourceLocation)
        #expect(!message.replacingOccurrences(of: "../", with: "").contains(".."), "\"..\" in: \(message)", sourceLocation: sourceLocation)
        #expect(!message.contains(".?") && !message.contains("?."), "\(message)", sourceLocation: sourceLocation)
        if let file {
            #expect(message.components(separatedBy: file).count - 1 <= 1, "the path more than once: \(message)", sourceLocation: sourceLocation)
        }
        // A duplicate names its two occurrences in parentheses; the subject is one feature.
        var outside = "", depth = 0
        for character in message {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { outside.append(character) }
        }
        let features = outside.components(separatedBy: "feature ").dropFirst().filter { $0.first?.isNumber == true }
        #expect(features.count <= 1, "more than one feature number: \(message)", sourceLocation: sourceLocation)
        #expect(!message.unicodeScalars.contains { !MessageText.isPrintable($0) }, "a non-printable character: \(message)",
                sourceLocation: sourceLocation)
    }

    static let file = "/srv/données/communes.geojson"

    /// One of every case, with the details that used to go wrong (a trailing full stop
    /// brought by a library message, control bytes in a value, a long binary value).
    static let userErrors: [ZonegriseError] = [
        .unreadable(file: file, reason: "permission denied"),
        .unreadable(file: file, reason: "cannot checksum: " + NativeError.io(path: file, message: "Input/output error.").reason),
        .malformed(file: file, line: 4, detail: "expected ':' after the object key \"type\", found byte 0x07"),
        .malformed(file: file, line: nil, detail: "cannot decompress the gzip data: incorrect header check."),
        .missingColumn(file: file, column: "typequ", available: ["\u{0}\u{1}ELF\u{FFFD}\u{FFFD}" + String(repeating: "\u{7}", count: 300)]),
        .missingColumn(file: file, column: "COM", available: (1 ... 30).map { "col\($0)" }),
        .invalidValue(file: file, line: 7, field: "PMUN", value: "9223372036854775000", expected: "a whole number of inhabitants from 0 to 10,000,000"),
        .invalidValue(file: file, line: 7, field: "NB_EQUIP", value: String(repeating: "\u{1B}[2J", count: 50), expected: "a whole number"),
        .duplicateCode(file: file, code: "62041", first: "feature 3", second: "feature 9"),
        .unknownCommune(file: file, line: 12, code: "62210", what: "population row", hint: "list merged communes in communes.fusions"),
        .invalidFeature(file: file, feature: 2, detail: "commune 99006 cannot be projected: " + NativeError.proj(operation: "transform a point", message: "latitude out of range.").reason),
        .invalidFeature(file: file, feature: 2, detail: "the \"INSEE_COM\" property is empty; every commune needs its INSEE code"),
        .invalidParameter(source: file + ":12", key: "thresholds.proximite", detail: "must be more than 0 and at most 1,440 minutes, got 1e308"),
        .inconsistent(detail: "communes.fusions: commune 62210 merges into 62154, which is not in the commune files."),
        .unwritable(file: "/srv/sortie", reason: "cannot replace the output folder (Input/output error); the previous results are untouched"),
        .unwritable(file: "/srv/sortie/communes.csv", reason: "cannot write the file (No space left on device)"),
        .outputFolderInUse(folder: "/srv/sortie", process: 4242),
        .outputFolderInUse(folder: "/srv/sortie", process: nil),
        .roadNetwork(.noDrivableRoad(file: file, profile: "car", waysRead: 3, highwayWays: 0)),
    ]

    static let osmErrors: [OSMError] = [
        .unreadable(file: file, reason: "no such file."),
        .unwritable(file: "/srv/sortie/road_graph.zgcache", reason: "cannot move the graph cache into place (No space left on device)"),
        .malformed(file: file, line: 183, detail: "node 179 has lat=\"abc\", not a latitude in decimal degrees from -90 to 90; correct the node or export the extract again"),
        .invalidProfileValue(source: file + ":9", key: "speed_cap_kmh", detail: "must be from 1 to 300 km/h, got 1000"),
        .noDrivableRoad(file: file, profile: "car", waysRead: 0, highwayWays: 0),
        .foreignCache(file: file),
        .corruptCache(file: file),
    ]

    @Test func everyCaseIsOneSentence() {
        for error in Self.userErrors { Self.expectOneSentence(error.description, file: Self.file) }
        for error in Self.osmErrors { Self.expectOneSentence(error.description, file: Self.file) }
    }

    @Test func valuesAreCutAndEscaped() {
        let binary = Self.userErrors[4].description
        #expect(binary.contains("(columns found: the first line is not text: \"\\x00\\x01ELF\\u{FFFD}\\u{FFFD}\\x07"), "\(binary)")
        #expect(binary.contains("…\")."), "\(binary)")
        #expect(binary.count < Self.file.count + 150 + 40 * 8, "\(binary.count) characters")
        #expect(Self.userErrors[5].description.hasSuffix("col11, col12 and 18 more)."))
        #expect(Self.userErrors[7].description.contains("is \"\\x1B[2J\\x1B[2J"))
        #expect(Self.userErrors[3].description == "\(Self.file): cannot decompress the gzip data: incorrect header check.")
    }

    /// Real failures of the readers, as the run reports them.
    @Test func readerFailuresAreOneSentence() throws {
        let folder = try TestRepository.makeTemporaryFolder("messages")
        defer { TestRepository.removeTemporaryFolder(folder) }
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
        var cases: [(String, () throws -> Void)] = []
        // gzip magic, then garbage: the sentence used to name the path twice and end "..".
        let gzip = try write("bpe.csv.gz", [0x1F, 0x8B, 0x08, 0x00] + Array(repeating: 0xFF, count: 40))
        cases.append((gzip, { _ = try InputBytes.read(gzip) }))
        let binary = try write("gammes.csv", [0x00, 0x07, 0x41, 0x42, 0xFF, 0xFE, 0x0A, 0x41])
        cases.append((binary, { _ = try GammeTableReader(file: binary).read() }))
        let json = try write("communes.geojson", Array("{\"type\":\"FeatureCollection\",\"features\":[\u{7}]}".utf8))
        cases.append((json, { _ = try GeoJSONReader.read(try InputBytes.read(json), file: json) }))
        let population = try write("populations.csv", Array("code,population\n99001,1e400\n".utf8))
        cases.append((population, { _ = try PopulationReader(file: population).parse() }))
        for (yaml, name) in [("analysis_area: [\"99\"\n", "syntax.yaml"), ("name: a\nname: b\n", "twice.yaml"),
                             ("thresholds: {proximite: 1e308}\n", "range.yaml"), ("name: \"a\u{1}b\"\n", "control.yaml")] {
            let path = try write(name, Array(yaml.utf8))
            cases.append((path, { _ = try TerritoryManifest.load(path: path) }))
        }
        for (path, body) in cases {
            let (error, text) = zonegriseError(body)
            #expect(error != nil, "\(path): expected a ZonegriseError, got \(text)")
            Self.expectOneSentence(text, file: path)
        }
        #expect(zonegriseError { _ = try InputBytes.read(gzip) }.text.hasPrefix("\(gzip): cannot decompress the gzip data: "))
        // Yams's dumps of the text (several lines) used to be the message.
        let twice = folder.appendingPathComponent("twice.yaml").path
        #expect(zonegriseError { _ = try TerritoryManifest.load(path: twice) }.text == "\(twice):1: not valid YAML: the key name appears twice in one mapping.")
        let control = folder.appendingPathComponent("control.yaml").path
        #expect(zonegriseError { _ = try TerritoryManifest.load(path: control) }.text == "\(control):1: not valid YAML: control characters are not allowed.")
    }
}
