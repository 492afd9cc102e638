import Foundation
import Testing

/// User errors: exit code 2, one sentence on standard error, nothing written.
@Suite("CLI: errors and help")
struct CommandLineErrorTests {
    /// Runs `analyse` with `flags` into a folder that must stay absent.
    static func failingAnalyse(_ flags: [String], manifest: String = "geodata/demo/demo.yaml",
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> ZonegriseBinary.Result {
        let scratch = try CLIScratch.folder("error")
        defer { CLIScratch.remove(scratch) }
        let out = scratch.appendingPathComponent("out")
        let result = try ZonegriseBinary.run(["analyse", manifest, "--out", out.path] + flags)
        #expect(!FileManager.default.fileExists(atPath: out.path), "the failed run created \(CLIScratch.entries(out))",
                sourceLocation: sourceLocation)
        return result
    }

    static func singleLine(_ text: String) -> Bool {
        text.hasSuffix("\n") && text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).count == 1
    }

    @Test func thresholdThatIsNotANumber() throws {
        let result = try Self.failingAnalyse(["--threshold-proximite", "abc"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(Self.singleLine(result.stderr), "\(result.stderr)")
        #expect(result.stderr == "zonegrise: error: --threshold-proximite: thresholds.proximite: \"abc\" is not a number.\n")
    }

    @Test func unknownTimeModel() throws {
        let result = try Self.failingAnalyse(["--time-model", "teleport"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "zonegrise: error: --time-model: time_model.kind: \"teleport\" is not one of crowfly, matrix, osm.\n")
    }

    @Test func nonIncreasingBands() throws {
        let result = try Self.failingAnalyse(["--bands", "10,30,20"])
        #expect(result.status == 2)
        #expect(result.stderr == "zonegrise: error: --bands: bands: band limits must be increasing minutes, got 10,30,20.\n")
    }

    @Test func missingManifest() throws {
        let result = try Self.failingAnalyse([], manifest: "geodata/demo/absent.yaml")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "zonegrise: error: geodata/demo/absent.yaml: cannot read the file: no such file.\n")
    }

    @Test func badInputFileStopsTheRun() throws {
        // A copy of the demo whose populations have an unterminated quote on line 5.
        let copy = try CLIScratch.folder("bad-demo")
        defer { CLIScratch.remove(copy) }
        let demo = ZonegriseBinary.repositoryRoot.appendingPathComponent("geodata/demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let populations = copy.appendingPathComponent("populations.csv")
        var lines = try String(contentsOf: populations, encoding: .utf8).components(separatedBy: "\r\n")
        lines[4] = "\"" + lines[4]
        try Data(lines.joined(separator: "\r\n").utf8).write(to: populations)
        let result = try Self.failingAnalyse([], manifest: copy.appendingPathComponent("demo.yaml").path)
        #expect(result.status == 2)
        #expect(Self.singleLine(result.stderr), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("zonegrise: error: \(populations.path):5: a quoted field opened on this line is never closed"), "\(result.stderr)")
    }

    @Test func missingOutFlagIsAUsageError() throws {
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--out"))
        #expect(result.stdout.isEmpty)
    }

    @Test func helpExitsZero() throws {
        let result = try ZonegriseBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: zonegrise <subcommand>"), "\(result.stdout)")
        #expect(result.stdout.contains("analyse"))
        #expect(result.stdout.contains("gammes"))
        let analyse = try ZonegriseBinary.run(["analyse", "--help"])
        #expect(analyse.status == 0)
        for flag in ["--out", "--time-model", "--threshold-proximite", "--threshold-superieure", "--bands", "--matrix-missing", "--unmatched-rows", "--timings"] {
            #expect(analyse.stdout.contains(flag), "analyse --help does not list \(flag)")
        }
    }

    @Test func versionFlag() throws {
        let result = try ZonegriseBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}
