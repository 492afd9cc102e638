import Foundation
import ZonegriseOSM
import ZonegriseRouting

/// Times the road graph cache on a pruned graph: writing it, and reading it back into a
/// `RoadGraph` as `RoadNetworkLoader` does on a later run, memory-mapped (as the loader
/// reads) and read into memory first.
enum CacheTiming {
    static func run(_ graph: RoadGraph, droppedNodes: Int, droppedComponents: Int, path: String, repeats: Int) throws -> [String] {
        let key = RoadGraphCache.key(extractSHA256: String(repeating: "0", count: 64), profileFingerprint: String(repeating: "0", count: 64))
        let contents = RoadGraphCache.Contents(graph: graph, droppedNodes: droppedNodes, droppedComponents: droppedComponents)
        let write = try Timing.best(of: repeats) { try RoadGraphCache.write(contents, key: key, path: path) }.seconds
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let mapped = try Timing.best(of: repeats) { try RoadGraphCache.read(path: path, key: key) }
        let copied = try Timing.best(of: repeats) {
            try Data(contentsOf: URL(fileURLWithPath: path)).withUnsafeBytes { RoadGraphCache.decode($0, key: key) }
        }
        let checks = Timing.best(of: repeats) {
            RoadGraph(validatingNodeIDs: graph.nodeIDs, coordinates: graph.coordinates, firstOut: graph.firstOut, head: graph.head,
                      weight: graph.weight)
        }
        for read in [mapped.value.graph, copied.value?.graph, checks.value] {
            precondition(read?.head == graph.head && read?.weight == graph.weight && read?.tail == graph.tail,
                         "the cache gives back another graph")
        }
        return [
            "graph cache (format \(RoadGraphCache.formatVersion), \(String(format: "%.1f", Double(bytes) / 1e6)) MB), best of \(repeats):",
            "  write                   \(Report.milliseconds(write))",
            "  read to graph, mapped   \(Report.milliseconds(mapped.seconds))   (as RoadNetworkLoader reads)",
            "  read to graph, copied   \(Report.milliseconds(copied.seconds))   (Data(contentsOf:) then the same decoding)",
            "  of which graph checks   \(Report.milliseconds(checks.seconds))   (RoadGraph(validatingNodeIDs:…) with the reverse side)",
        ]
    }
}
