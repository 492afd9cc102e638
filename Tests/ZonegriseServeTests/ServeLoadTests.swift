import Foundation
import Testing
import ZonegriseTestSupport

/// A bounded load on loopback: 8 concurrent clients, 2,000 what-if requests (a site
/// added at a commune drawn with a seed, sometimes two), on the demo with `osm` and on
/// Pas-de-Calais crow-fly (with ../shared/geodata). No error allowed; p50 and p99 are
/// printed (of the debug build the tests run; scripts/bench-serve.sh measures the
/// release build against the targets of docs/SERVE.md).
@Suite("Serve: load", .serialized)
struct ServeLoadTests {
    static func bodies(codes: [String], layer: String, seed: UInt64) -> [[UInt8]] {
        var rng = SplitMix64(seed: seed)
        return (0 ..< 2000).map { i in
            let first = codes[Int.random(in: 0 ..< codes.count, using: &rng)]
            let second = codes[Int.random(in: 0 ..< codes.count, using: &rng)]
            let adds = i % 4 == 3 ? #"{"commune": "\#(first)"}, {"commune": "\#(second)"}"# : #"{"commune": "\#(first)"}"#
            return Array(#"{"layers": {"\#(layer)": {"add": [\#(adds)]}}}"#.utf8)
        }
    }

    static func load(_ server: ServeProcess, label: String) throws -> LoadGenerator.Report {
        let base = try #require(server.get("/api/base").json)
        let codes = try #require(base["communes"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        let layer = try #require((base["couches"] as? [[String: Any]])?.first?["name"] as? String)
        let bodies = Self.bodies(codes: codes, layer: layer, seed: 11)
        let report = LoadGenerator(port: server.port, clients: 8, total: 2000).run(path: "/api/evaluate") { bodies[$0] }
        print("serve load, \(label): \(report)")
        return report
    }

    @Test func demoWithOSMServesTwoThousandWhatIfsWithoutError() throws {
        let server = try ServeProcess.sharedDemo()
        let report = try Self.load(server, label: "demo (osm), 8 clients")
        #expect(report.errors == 0, "\(report.firstErrors)")
        #expect(report.millisecondsSorted.count == 2000)
        #expect(report.wallSeconds < 600, "bounded in time")
        #expect(try server.get("/api/base").status == 200, "still serving")
    }

    @Test(.requires("../shared/geodata (real open data beside the repository)", { RepositoryFolders.hasSharedGeodata }))
    func pasDeCalaisCrowflyServesTwoThousandWhatIfsWithoutError() throws {
        let server = try ServeProcess(arguments: ["examples/pas-de-calais-fs2020.yaml"])
        defer { server.stop() }
        let report = try Self.load(server, label: "Pas-de-Calais (crow-fly), 8 clients")
        #expect(report.errors == 0, "\(report.firstErrors)")
        #expect(report.millisecondsSorted.count == 2000)
        #expect(report.wallSeconds < 600, "bounded in time")
    }
}
