import Foundation
import Testing
@testable import ZonegriseOSM
import ZonegriseNative

/// Reading speed on the Monaco PBF extract, printed, not asserted (machines here are shared
/// and noisy). Run it in release: `ZONEGRISE_BENCHMARK=1 swift test -c release -Xswiftc
/// -enable-testing --filter OSMThroughputTests`. `scripts/bench-osm.sh` times the same passes
/// and the graph build with `zonegrise-osm-bench`, on Monaco and on a million-node network,
/// with peers.
@Suite struct OSMThroughputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let monaco = root.appendingPathComponent("../shared/geodata/osm/monaco.osm.pbf").standardizedFileURL.path
    static let enabled = ProcessInfo.processInfo.environment["ZONEGRISE_BENCHMARK"] != nil
        && FileManager.default.fileExists(atPath: monaco)

    /// Best of `repeats` wall-clock seconds of `body`.
    func best(_ repeats: Int = 7, _ body: () throws -> Void) rethrows -> Double {
        var result = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            result = min(result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return result
    }

    @Test(.enabled(if: enabled, "set ZONEGRISE_BENCHMARK=1 (and have ../shared/geodata) to measure"))
    func monacoThroughput() throws {
        let reader = try OSMFileReader(path: Self.monaco)
        let all = try reader.countObjects()
        func line(_ label: String, _ seconds: Double, objects: Int) {
            let padded = label.count < 52 ? label + String(repeating: " ", count: 52 - label.count) : label
            print(padded + String(format: " %7.1f ms  %6.2f M objects/s", seconds * 1000, Double(objects) / seconds / 1e6))
        }
        print("Monaco: \(all) = \(all.total) objects, \(try FileManager.default.attributesOfItem(atPath: Self.monaco)[.size]!) bytes")
        line("count only (no Swift values)", try best { _ = try reader.countObjects() }, objects: all.total)
        var sink = 0
        line("nodes and ways as Swift values, no node tags", try best {
            _ = try reader.read(nodes: { sink &+= Int($0.id) }, ways: { sink &+= $0.nodeRefs.count })
        }, objects: all.nodes + all.ways)
        line("nodes (with tags) and ways as Swift values", try best {
            _ = try reader.read(nodeTags: true, nodes: { sink &+= $0.tags.count }, ways: { sink &+= $0.tags.count })
        }, objects: all.nodes + all.ways)
        var refs: [Int64] = []
        line("pass 1: ways with highway/route (nodes skipped)", try best {
            refs = []
            _ = try reader.forEachWay(withAnyKey: ["highway", "route"]) { refs += $0.nodeRefs }
        }, objects: all.nodes + all.ways)
        let index = OSMNodeIndex(ids: refs)
        line("pass 2: coordinates of \(index.count) road nodes", try best { _ = try reader.coordinates(of: index) },
             objects: all.nodes + all.ways)
        line("RoadExtractor.extract (both passes and the edges)", try best { _ = try RoadExtractor().extract(path: Self.monaco) },
             objects: all.nodes + all.ways)
        #expect(sink != 0)
    }
}
