import Foundation
import Testing
import ZonegriseTestSupport

/// `zonegrise analyse` end to end on the demo territory.
@Suite("CLI: analyse")
struct AnalyseCommandTests {
    /// The demo routes on roads (osm): the graph cache sits beside the outputs.
    static let outputs = OutputNames.analysisFolder(["communes.csv", "communes.geojson", "gammes.csv", "manifest.json", "poles.geojson",
                                                      "road_graph.zgcache", "zones_grises.csv", "zones_grises_par_subdivision.csv"])

    @Test func demoRunPrintsTheSummaryAndListsTheOutputs() throws {
        let out = try CLIScratch.folder("analyse")
        defer { CLIScratch.remove(out) }
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CLIScratch.entries(out) == Self.outputs)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "300 communes analysed, 269516 inhabitants; 111 poles in the service area.")
        #expect(lines.contains("gamme / layer           threshold   communes   inhabitants   share"))
        // Each row of zones_grises.csv is in the printed table.
        let table = try CLIScratch.rows(out.appendingPathComponent("zones_grises.csv"))
        #expect(table.keys.sorted() == ["france_services", "intermediaire", "proximite", "superieure"])
        for (name, row) in table {
            let printed = lines.first { $0.hasPrefix(name + " ") }
            let words = printed?.split(separator: " ").map(String.init) ?? []
            #expect(words.count >= 6, "no summary line for \(name): \(result.stdout)")
            if words.count >= 6 {
                #expect(words[1] == row[1] && words[2] == "min" && words[3] == row[2] && words[4] == row[3], "\(printed ?? "")")
            }
        }
        // The outputs, listed after "Outputs in DIR:".
        let start = try #require(lines.firstIndex(of: "Outputs in \(out.path):"))
        let listed = lines[(start + 1)...].filter { !$0.isEmpty }
        #expect(listed == (["communes.geojson", "communes.csv", "poles.geojson", "zones_grises.csv",
                            "zones_grises_par_subdivision.csv", "gammes.csv"] + OutputNames.analysisWritten(layers: ["france_services"]) + ["manifest.json"]).map { "  " + out.appendingPathComponent($0).path })
        // Warnings go to standard error.
        #expect(result.stderr.contains("zonegrise: warning: 1 invalid commune polygon(s) repaired with GEOS make-valid: 99244"))
        #expect(!result.stdout.contains("warning"))
    }

    @Test func quietPrintsNothing() throws {
        let out = try CLIScratch.folder("quiet")
        defer { CLIScratch.remove(out) }
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "--quiet"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
        #expect(CLIScratch.entries(out) == Self.outputs)
    }

    @Test func thresholdOverrideChangesTheSuperieureRow() throws {
        let base = try CLIScratch.folder("threshold-base")
        let changed = try CLIScratch.folder("threshold-20")
        defer { CLIScratch.remove(base); CLIScratch.remove(changed) }
        #expect(try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", base.path, "-q"]).status == 0)
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", changed.path, "--threshold-superieure", "20", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let before = try CLIScratch.rows(base.appendingPathComponent("zones_grises.csv"))
        let after = try CLIScratch.rows(changed.appendingPathComponent("zones_grises.csv"))
        let s0 = try #require(before["superieure"]), s1 = try #require(after["superieure"])
        #expect(s0[1] == "30")
        #expect(s1[1] == "20")
        // A lower threshold puts strictly more communes and inhabitants in zone grise.
        #expect((Int(s1[2]) ?? 0) > (Int(s0[2]) ?? .max), "\(s0) → \(s1)")
        #expect((Int(s1[3]) ?? 0) > (Int(s0[3]) ?? .max), "\(s0) → \(s1)")
        // The other rows do not move.
        for name in ["proximite", "intermediaire", "france_services"] {
            #expect(before[name] == after[name], "\(name)")
        }
        // The communes table agrees: zone_grise_superieure is temps_superieure > 20.
        let header = try String(contentsOf: changed.appendingPathComponent("communes.csv"), encoding: .utf8)
            .split(separator: "\n")[0].split(separator: ",").map(String.init)
        let time = try #require(header.firstIndex(of: "temps_superieure")), grey = try #require(header.firstIndex(of: "zone_grise_superieure"))
        let communes = try CLIScratch.rows(changed.appendingPathComponent("communes.csv"))
        #expect(communes.count == 300)
        var count = 0
        for (code, row) in communes {
            let beyond = row[time].isEmpty || (Double(row[time]) ?? 0) > 20
            #expect(row[grey] == (beyond ? "true" : "false"), "\(code)")
            if beyond { count += 1 }
        }
        #expect(String(count) == s1[2])
        let manifest = try String(contentsOf: changed.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"superieure\": 20"))
    }

    /// Two processes write byte-identical files.
    @Test func twoProcessesWriteIdenticalFiles() throws {
        let first = try CLIScratch.folder("process-1"), second = try CLIScratch.folder("process-2")
        defer { CLIScratch.remove(first); CLIScratch.remove(second) }
        #expect(try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", first.path, "-q"]).status == 0)
        #expect(try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", second.path, "-q"]).status == 0)
        for name in Self.outputs.filter({ $0 != "cartes" }) + OutputNames.report(layers: ["france_services"]) {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(!a.isEmpty && a == b, "\(name)")
        }
    }

    @Test func matrixModelFromTheCommandLine() throws {
        let scratch = try CLIScratch.folder("matrix")
        defer { CLIScratch.remove(scratch) }
        // No pair at all: every missing pair is estimated by crow fly, which gives the
        // crow-fly run's figures.
        try Data("origin,destination,minutes\n".utf8).write(to: scratch.appendingPathComponent("times.csv"))
        let crowfly = scratch.appendingPathComponent("crowfly"), matrix = scratch.appendingPathComponent("matrix")
        #expect(try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", crowfly.path, "-q", "--time-model", "crowfly"]).status == 0)
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", matrix.path, "-q", "--time-model", "matrix",
                                              "--matrix", scratch.appendingPathComponent("times.csv").path, "--matrix-missing", "crowfly"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: crowfly.appendingPathComponent("zones_grises.csv"))
            == Data(contentsOf: matrix.appendingPathComponent("zones_grises.csv")))
        let manifest = try String(contentsOf: matrix.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"kind\": \"matrix\""))

        // Without --matrix-missing: an error naming the first missing pair.
        let failed = scratch.appendingPathComponent("failed")
        let error = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", failed.path, "--time-model", "matrix",
                                             "--matrix", scratch.appendingPathComponent("times.csv").path])
        #expect(error.status == 2)
        #expect(error.stderr.hasPrefix("zonegrise: error: \(scratch.appendingPathComponent("times.csv").path): no travel time from 99"), "\(error.stderr)")
        #expect(CLIScratch.entries(failed).isEmpty)
    }
}
