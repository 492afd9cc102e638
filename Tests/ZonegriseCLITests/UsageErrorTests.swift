import Foundation
import Testing

/// Mistakes ArgumentParser finds (a missing or unknown option, a contradiction between
/// two options) and wrong override values, all in the project's form: one sentence on
/// standard error, exit code 2, nothing written.
@Suite("CLI: usage errors")
struct UsageErrorTests {
    static func expectUserError(_ result: ZonegriseBinary.Result, _ message: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "exit code \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr == "zonegrise: error: \(message)\n", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (["analyse", "geodata/demo/demo.yaml"], "missing expected argument '--out <out>'."),
        (["analyse"], "missing expected argument '<manifest>'."),
        (["frobnicate"], "unexpected argument 'frobnicate'."),
        (["gammes", "--populations", "geodata/demo/populations.csv"], "missing expected argument '--equipment <equipment>'."),
        (["calibrate", "geodata/demo/demo.yaml", "--reference", "x.geojson", "--detour", "abc"],
         "the value 'abc' is invalid for '--detour <detour>'."),
        (["calibrate", "geodata/demo/demo.yaml", "--reference", "x.geojson", "--speeds", "1:2"],
         "--speeds must be FROM:TO:STEP in km/h, speeds from 1 to 300 and at most 10,000 of them, e.g. 30:90:1; got 1:2."),
        // A detour of nan reached the crow-fly model's precondition (a trap, once a reference file is read); a grid of
        // 10^15 speeds filled the memory.
        (["calibrate", "geodata/demo/demo.yaml", "--reference", "x.geojson", "--detour", "nan"],
         "--detour must be from 1 to 10, got nan."),
        (["calibrate", "geodata/demo/demo.yaml", "--reference", "x.geojson", "--speeds", "1:300:1e-13"],
         "--speeds must be FROM:TO:STEP in km/h, speeds from 1 to 300 and at most 10,000 of them, e.g. 30:90:1; got 1:300:1e-13."),
        (["recommend", "geodata/demo/demo.yaml", "--layer", "france_services", "--k", "1", "--out", "x", "--min-distance-km", "1e308"],
         "--min-distance-km must be a distance from 0 to 1,000 km, got 1e+308."),
    ])
    func argumentParserMistakes(arguments: [String], message: String) throws {
        Self.expectUserError(try ZonegriseBinary.run(arguments), message)
    }

    @Test func unknownOptionWithASuggestion() throws {
        let result = try CommandLineErrorTests.failingAnalyse(["--outt", "x"])
        Self.expectUserError(result, "unknown option '--outt'; did you mean '--out'?")
    }

    @Test func optionWithoutItsValue() throws {
        let result = try CommandLineErrorTests.failingAnalyse(["--time-model"])
        Self.expectUserError(result, "missing value for '--time-model <time-model>'.")
    }

    /// An option of one time model beside `--time-model` naming another.
    @Test(arguments: [
        (["--time-model", "crowfly", "--matrix", "times.csv"], "--matrix: only the matrix time model reads it, and --time-model is crowfly."),
        (["--time-model", "osm", "--matrix-missing", "crowfly"], "--matrix-missing: only the matrix time model reads it, and --time-model is osm."),
        (["--time-model", "matrix", "--osm", "roads.osm.pbf"], "--osm: only the osm time model reads it, and --time-model is matrix."),
        (["--time-model=crowfly", "--profile", "car.yaml"], "--profile: only the osm time model reads it, and --time-model is crowfly."),
        (["--graph-cache", "g.zgcache", "--time-model", "crowfly"], "--graph-cache: only the osm time model reads it, and --time-model is crowfly."),
        (["--time-model", "matrix", "--offroad-speed-kmh", "10"], "--offroad-speed-kmh: only the osm time model reads it, and --time-model is matrix."),
        (["--time-model", "crowfly", "--max-snap-metres", "500"], "--max-snap-metres: only the osm time model reads it, and --time-model is crowfly."),
    ])
    func optionOfAnotherTimeModel(flags: [String], message: String) throws {
        Self.expectUserError(try CommandLineErrorTests.failingAnalyse(flags), message)
    }

    /// Wrong words and numbers read as the manifest reader reads them, flag first.
    @Test(arguments: [
        (["--comparison", "loose"], "--comparison: comparison: \"loose\" is not one of strict, inclusive."),
        (["--matrix-missing", "skip"], "--matrix-missing: time_model.matrix.missing: \"skip\" is not one of error, crowfly, unreachable."),
        (["--unmatched-rows", "ignore"], "--unmatched-rows: unmatched_rows: \"ignore\" is not one of error, warn."),
        (["--time-model=teleport"], "--time-model: time_model.kind: \"teleport\" is not one of crowfly, matrix, osm."),
        (["--speed-kmh", "nan"], "--speed-kmh: time_model.crowfly.speed_kmh: \"nan\" is not a number."),
        (["--speed-kmh=-5"], "--speed-kmh: time_model.crowfly.speed_kmh: must be from 1 to 300 km/h, got -5."),
        (["--max-snap-metres", "inf"], "--max-snap-metres: time_model.osm.max_snap_metres: \"inf\" is not a number."),
        (["--detour", "0.5"], "--detour: time_model.crowfly.detour: must be from 1 to 10 (a ratio), got 0.5."),
        (["--access-minutes", "61"], "--access-minutes: time_model.crowfly.access_minutes: must be from 0 to 60 minutes, got 61."),
        (["--pole-share", "2"], "--pole-share: poles.share: must be more than 0 and at most 1 (a share), got 2."),
        (["--pole-hierarchy", "maybe"], "--pole-hierarchy: poles.hierarchy: \"maybe\" is not true or false."),
        (["--threshold-intermediaire", "0"], "--threshold-intermediaire: thresholds.intermediaire: must be more than 0 and at most 1,440 minutes, got 0."),
    ])
    func wrongOverrideValue(flags: [String], message: String) throws {
        Self.expectUserError(try CommandLineErrorTests.failingAnalyse(flags), message)
    }

    /// Paths on the command line are made absolute against the current directory with
    /// the manifest's rule (`FilePaths.absolute`): `.` and `..` go.
    @Test func relativePathIsMadeAbsolute() throws {
        let result = try CommandLineErrorTests.failingAnalyse(["--time-model", "matrix", "--matrix", "./geodata/../absent-times.csv"])
        let expected = ZonegriseBinary.repositoryRoot.appendingPathComponent("absent-times.csv").path
        Self.expectUserError(result, "\(expected): cannot read the file: no such file.")
    }
}
