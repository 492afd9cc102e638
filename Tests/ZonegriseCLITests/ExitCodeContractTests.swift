import Foundation
import Testing

/// The exit-code contract, end to end on the built tool: every failure a user can cause
/// is exit 2 with one sentence naming the file and line (or option, or OSM node), never
/// a crash; an internal error is exit 70 with one sentence asking for a bug report.
///
/// Each case reproduces a failure found on copies of the demo (issue 8): a population or
/// an equipment count near the 64-bit limit and `gammes` on huge populations crashed
/// (exit 132, stack trace), a threshold or band limit of 1e308 crashed in the writer and
/// left a staging folder, `lat="abc"` on an OSM node was silently read as latitude 0,
/// and a binary file's bytes were echoed to the terminal.
@Suite("CLI: exit-code contract")
struct ExitCodeContractTests {
    /// A copy of geodata/demo in a scratch folder (`roads.osm` only when `roads`).
    final class DemoCopy {
        let folder: URL
        let out: URL

        init(_ label: String, roads: Bool = false) throws {
            folder = try CLIScratch.folder(label)
            out = folder.appendingPathComponent("out")
            let demo = ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo")
            for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) where roads || name != "roads.osm" {
                try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }

        deinit { CLIScratch.remove(folder) }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// Sets the population (PMUN) of the first `count` communes of département 99;
        /// returns the 1-based lines changed.
        func setPopulations(_ value: String, count: Int) throws -> [Int] {
            let url = folder.appendingPathComponent("populations.csv")
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n")
            var changed: [Int] = []
            for index in lines.indices.dropFirst() where changed.count < count {
                var fields = lines[index].components(separatedBy: ";")
                guard fields.count > 8, fields[6].hasPrefix("99") else { continue }
                fields[8] = value
                lines[index] = fields.joined(separator: ";")
                changed.append(index + 1)
            }
            try Data(lines.joined(separator: "\r\n").utf8).write(to: url)
            return changed
        }

        /// `analyse` on the copy with the crow-fly model (the failures are in the readers).
        func analyse(_ flags: [String] = [], environment: [String: String] = [:]) throws -> ZonegriseBinary.Result {
            try ZonegriseBinary.run(["analyse", path("demo.yaml"), "--out", out.path, "--time-model", "crowfly", "-q"] + flags,
                                    environment: environment)
        }

        /// Nothing in the output folder, nor a staging folder beside it.
        func expectNothingWritten(sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(!FileManager.default.fileExists(atPath: out.path), "the failed run created \(CLIScratch.entries(out))",
                    sourceLocation: sourceLocation)
            #expect(!CLIScratch.entries(folder).contains { $0.hasPrefix(".zonegrise-staging") }, sourceLocation: sourceLocation)
        }
    }

    /// One line of standard error, `zonegrise: error: `, no stack trace, no raw byte.
    static func expectUserError(_ result: ZonegriseBinary.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(CommandLineErrorTests.singleLine(result.stderr), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("zonegrise: error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasSuffix(".\n") && !result.stderr.hasSuffix("..\n"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.unicodeScalars.dropLast().contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0xFFFD },
                "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func populationNearTheInt64LimitIsRefusedNotSummed() throws {
        let demo = try DemoCopy("exit-population")
        let lines = try demo.setPopulations("9223372036854775000", count: 2)
        let result = try demo.analyse()
        Self.expectUserError(result)
        #expect(result.stderr == "zonegrise: error: \(demo.path("populations.csv")):\(lines[0]): PMUN is \"9223372036854775000\", expected a whole number of inhabitants from 0 to 10,000,000.\n")
        demo.expectNothingWritten()
    }

    @Test func equipmentCountNearTheInt64LimitIsRefused() throws {
        let demo = try DemoCopy("exit-equipment")
        let huge = 9_223_372_036_854_775_000
        try Data("DEPCOM,TYPEQU,NB_EQUIP\n99001,A206,\(huge)\n99001,A206,\(huge)\n99002,A206,1\n".utf8)
            .write(to: URL(fileURLWithPath: demo.path("bpe.csv")))
        let yaml = try String(contentsOfFile: demo.path("demo.yaml"), encoding: .utf8).replacingOccurrences(of: "bpe.csv.gz", with: "bpe.csv")
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: demo.path("demo.yaml")))
        let result = try demo.analyse()
        Self.expectUserError(result)
        #expect(result.stderr == "zonegrise: error: \(demo.path("bpe.csv")):2: NB_EQUIP is \"\(huge)\", expected a whole number of equipments from 0 to 1,000,000.\n")
        demo.expectNothingWritten()
    }

    @Test func gammesOnHugePopulations() throws {
        let demo = try DemoCopy("exit-gammes")
        let lines = try demo.setPopulations("9000000000000000000", count: 3)
        let result = try ZonegriseBinary.run(["gammes", "--populations", demo.path("populations.csv"), "--equipment", demo.path("bpe.csv.gz")])
        Self.expectUserError(result)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("zonegrise: error: \(demo.path("populations.csv")):\(lines[0]): PMUN is \"9000000000000000000\""), "\(result.stderr)")
    }

    @Test(arguments: [
        (["--threshold-superieure", "1e308"], "--threshold-superieure: thresholds.superieure: must be more than 0 and at most 1,440 minutes, got 1e308."),
        (["--bands", "10,20,1e308"], "--bands: bands: must be more than 0 and at most 1,440 minutes, got 1e308."),
        (["--speed-kmh", "1e-300"], "--speed-kmh: time_model.crowfly.speed_kmh: must be from 1 to 300 km/h, got 1e-300."),
        (["--detour", "1e300"], "--detour: time_model.crowfly.detour: must be from 1 to 10 (a ratio), got 1e300."),
    ])
    func hugeParameterIsRefusedWhereItIsRead(flags: [String], message: String) throws {
        let demo = try DemoCopy("exit-parameter")
        let result = try demo.analyse(flags)
        Self.expectUserError(result)
        #expect(result.stderr == "zonegrise: error: \(message)\n")
        demo.expectNothingWritten()
    }

    @Test func hugeThresholdInTheManifestIsRefusedWithItsLine() throws {
        let demo = try DemoCopy("exit-manifest-threshold")
        var yaml = try String(contentsOfFile: demo.path("demo.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "    threshold: 30\n", with: "    threshold: 1e308\n")
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: demo.path("demo.yaml")))
        let line = yaml.components(separatedBy: "\n").firstIndex { $0.contains("threshold: 1e308") }! + 1
        let result = try demo.analyse()
        Self.expectUserError(result)
        #expect(result.stderr == "zonegrise: error: \(demo.path("demo.yaml")):\(line): service_layers.threshold: must be more than 0 and at most 1,440 minutes, got 1e308.\n")
        demo.expectNothingWritten()
    }

    /// readosm reads `lat="abc"` as 0 (C's atof): the road went to the equator silently.
    @Test(arguments: ["abc", "", "49,5", "NaN", "95"])
    func unreadableOSMCoordinateNamesTheNode(latitude: String) throws {
        let demo = try DemoCopy("exit-osm", roads: true)
        let url = URL(fileURLWithPath: demo.path("roads.osm"))
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        // Node 179 starts the first way of the demo network.
        let index = try #require(lines.firstIndex { $0.contains("<node id=\"179\" ") })
        lines[index] = "  <node id=\"179\" version=\"1\" lat=\"\(latitude)\" lon=\"3.2336005\"/>"
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        let result = try ZonegriseBinary.run(["analyse", demo.path("demo.yaml"), "--out", demo.out.path, "-q",
                                              "--graph-cache", demo.path("graph.zgcache")])
        Self.expectUserError(result)
        #expect(result.stderr == "zonegrise: error: \(demo.path("roads.osm")):\(index + 1): node 179 has lat=\"\(latitude)\", not a latitude in decimal degrees from -90 to 90; correct the node or export the extract again.\n")
        demo.expectNothingWritten()
    }

    /// A binary file named as the gamme table: its "header" used to be echoed byte for byte.
    @Test func binaryFileIsShownAsAShortEscapedExcerpt() throws {
        let demo = try DemoCopy("exit-binary")
        // Every byte value but quotes, delimiters and line breaks (one "column"), NUL first.
        let excluded: Set<UInt8> = [0x22, 0x0A, 0x0D, 0x2C, 0x3B, 0x09]
        let bytes = [0x00, 0x01, 0x1B, 0x07] + (0 ..< 2000).map { UInt8(($0 * 37 + 11) % 256) }.filter { !excluded.contains($0) }
        try Data(bytes + Array("\n".utf8) + bytes).write(to: URL(fileURLWithPath: demo.path("junk.csv")))
        let result = try demo.analyse(["--gammes", demo.path("junk.csv")])
        Self.expectUserError(result)
        let excerpt = try #require(result.stderr.components(separatedBy: "the first line is not text: \"").last)
        #expect(excerpt.hasPrefix("\\x00\\x01\\x1B\\x07"), "\(result.stderr)")
        // At most 40 characters of the file, each escaped in at most 8 (\u{FFFD}), and a "…".
        #expect(result.stderr.count < demo.path("junk.csv").count + 200 + 40 * 8, "\(result.stderr)")
        demo.expectNothingWritten()
    }

    /// A PROJ without its database cannot transform anything: not the user's input, an
    /// installation problem the tool cannot fix; exit 70 with a request for a report, and
    /// no stack trace. (A real failure, not a test switch: PROJ reads `PROJ_DATA`.)
    @Test func internalErrorIsExit70WithOneSentence() throws {
        let demo = try DemoCopy("exit-internal")
        let result = try demo.analyse(environment: ["PROJ_DATA": demo.path("no-proj-data"), "PROJ_LIB": demo.path("no-proj-data")])
        #expect(result.status == 70, "exit \(result.status): \(result.stderr)")
        #expect(CommandLineErrorTests.singleLine(result.stderr), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("zonegrise: internal error: ZonegriseNative.NativeError: PROJ failed to "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("please report it with the command line, this message, the output of `zonegrise --version` and, if you can, the input files.\n"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("Backtrace"))
        demo.expectNothingWritten()
    }
}
