import Foundation
import ZonegriseOSM
import ZonegriseRouting

/// Times the road graph cache on a pruned graph: writing it, and reading it back into a
/// `RoadGraph` as `RoadNetworkLoader` does on a later run.
enum CacheTiming {
    static func run(_ graph: RoadGraph, droppedNodes: Int, droppedComponents: Int, path: String, repeats: Int) throws -> [String] {
        let key = RoadGraphCache.key(extractSHA256: String(repeating: "0", count: 64), profileFingerprint: String(repeating: "0", count: 64))
        var edges: [RoadEdge] = []
        edges.reserveCapacity(graph.edgeCount)
        for node in 0 ..< Int32(graph.nodeCount) {
            for edge in graph.edgesOut(of: node) { edges.append(RoadEdge(from: node, to: edge.node, deciseconds: edge.deciseconds)) }
        }
        let contents = RoadGraphCache.Contents(edges: RoadEdgeList(nodeIDs: graph.nodeIDs, coordinates: graph.coordinates, edges: edges),
                                               droppedNodes: droppedNodes, droppedComponents: droppedComponents)
        let write = try Timing.best(of: repeats) { try RoadGraphCache.write(contents, key: key, path: path) }.seconds
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let read = try Timing.best(of: repeats) { try RoadGraphCache.read(path: path, key: key) }
        let build = Timing.best(of: repeats) { RoadGraph(read.value.edges) }
        let total = try Timing.best(of: repeats) { RoadGraph(try RoadGraphCache.read(path: path, key: key).edges) }
        precondition(total.value.head == graph.head && total.value.weight == graph.weight, "the cache gives back another graph")
        return [
            "graph cache (format \(RoadGraphCache.formatVersion), \(String(format: "%.1f", Double(bytes) / 1e6)) MB), best of \(repeats):",
            "  write                   \(Report.milliseconds(write))",
            "  read the file           \(Report.milliseconds(read.seconds))",
            "  then build the graph    \(Report.milliseconds(build.seconds))",
            "  read to graph, total    \(Report.milliseconds(total.seconds))",
        ]
    }
}
