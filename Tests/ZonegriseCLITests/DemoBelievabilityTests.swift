import Foundation
import Testing

/// The synthetic demo looks like a real rural département (issue 10, item 6): run by the
/// built tool on `geodata/demo/demo.yaml` with the osm model (its roads) and with the
/// crow-fly model, the share of inhabitants in zone grise is in the ranges a planner
/// expects of such a département, and the two models agree within 3 percentage points.
/// The figures are those of `zones_grises.csv` (`part_population_pct`, %); the README of
/// geodata/demo gives them.
@Suite struct DemoBelievabilityTests {
    /// Accepted share of inhabitants in zone grise per gamme (%, both models).
    static let ranges: [(gamme: String, low: Double, high: Double)] = [
        ("proximite", 2, 8), ("intermediaire", 1, 5), ("superieure", 2, 10),
    ]

    /// Largest |osm − crowfly| per gamme, percentage points.
    static let agreementPoints = 3.0

    /// `part_population_pct` per gamme of a run's zones_grises.csv.
    static func shares(_ folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Double] {
        let text = try String(contentsOf: folder.appendingPathComponent("zones_grises.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        let gammeColumn = try #require(header.firstIndex(of: "gamme"), sourceLocation: sourceLocation)
        let shareColumn = try #require(header.firstIndex(of: "part_population_pct"), sourceLocation: sourceLocation)
        var out: [String: Double] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out[fields[gammeColumn]] = Double(fields[shareColumn])
        }
        return out
    }

    /// Runs the demo with `extra` arguments and returns its shares.
    static func analyse(_ label: String, _ extra: [String], in scratch: URL) throws -> [String: Double] {
        let out = scratch.appendingPathComponent(label)
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "-q"] + extra)
        try #require(result.status == 0, "\(label): \(result.stderr)")
        return try shares(out)
    }

    @Test func zonesGrisesAreThoseOfARuralDepartementWithEitherModel() throws {
        let scratch = try CLIScratch.folder("believable")
        defer { CLIScratch.remove(scratch) }
        let osm = try Self.analyse("osm", [], in: scratch)
        // The default run really routes on the roads (a manifest fallen back to crow fly
        // would pass the ranges too).
        let manifest = try String(contentsOf: scratch.appendingPathComponent("osm/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"kind\": \"osm\""), "the demo manifest no longer uses the osm model")
        let crowfly = try Self.analyse("crowfly", ["--time-model", "crowfly"], in: scratch)
        for (gamme, low, high) in Self.ranges {
            let o = try #require(osm[gamme], "osm: no row for \(gamme)")
            let c = try #require(crowfly[gamme], "crowfly: no row for \(gamme)")
            #expect(o >= low && o <= high, "osm \(gamme): \(o) % outside \(low)–\(high) %")
            #expect(c >= low && c <= high, "crowfly \(gamme): \(c) % outside \(low)–\(high) %")
            #expect(abs(o - c) <= Self.agreementPoints, "\(gamme): osm \(o) % and crowfly \(c) % differ by more than \(Self.agreementPoints) points")
        }
    }
}
