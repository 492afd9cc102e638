import Foundation
import Testing
import ZonegriseTestSupport

/// `--outputs`: a run writes only the groups asked for, and the tables it writes are the
/// same bytes as in a run of every group.
@Suite("CLI: output groups")
struct OutputGroupsCommandTests {
    @Test func tablesOnlyWritesNoPolygonAndTheSameTables() throws {
        let all = try CLIScratch.folder("groups-all"), tables = try CLIScratch.folder("groups-tables")
        defer { CLIScratch.remove(all); CLIScratch.remove(tables) }
        let full = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--time-model", "crowfly", "--out", all.path, "-q"])
        #expect(full.status == 0, "\(full.stderr)")
        let some = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--time-model", "crowfly", "--out", tables.path, "-q",
                                            "--outputs", "tables"])
        #expect(some.status == 0, "\(some.stderr)")
        let written = CLIScratch.entries(tables)
        for name in OutputNames.polygons where name.hasSuffix(".geojson") { #expect(!written.contains(name), "\(name) written") }
        for name in ["communes.csv", "communes.geojson", "secteurs.csv", "zones_grises.csv", "poles.geojson"] {
            #expect(try Data(contentsOf: all.appendingPathComponent(name)) == Data(contentsOf: tables.appendingPathComponent(name)), "\(name) differs")
        }
        let manifest = try String(contentsOf: tables.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"outputs\": [\n      \"tables\"\n    ]"), "\(manifest.prefix(2000))")
    }

    @Test func unknownGroupIsOneSentence() throws {
        let out = try CLIScratch.folder("groups-bad")
        defer { CLIScratch.remove(out) }
        let result = try ZonegriseBinary.run(["analyse", "geodata/demo/demo.yaml", "--out", out.path, "--outputs", "tables,cartes"])
        #expect(result.status == 2)
        #expect(result.stderr == "zonegrise: error: --outputs: outputs: \"cartes\" is not one of tables, polygones, geopackage, rapport.\n")
    }
}
