import Foundation
import ZonegriseRouting

/// Writes a graph's edges as CSV `from,to,deciseconds` (dense ids, header line), the input
/// of `zonegrise-routing-bench --edges`.
enum EdgeListWriter {
    /// - Complexity: O(edges); one buffer of about 20 bytes per edge.
    static func write(_ graph: RoadGraph, to path: String) throws {
        var bytes: [UInt8] = Array("from,to,deciseconds\n".utf8)
        bytes.reserveCapacity(bytes.count + graph.edgeCount * 20)
        var digits = [UInt8](repeating: 0, count: 20)
        func append(_ value: UInt64) {
            var v = value, n = 0
            repeat {
                digits[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n > 0 {
                n -= 1
                bytes.append(digits[n])
            }
        }
        for u in 0 ..< graph.nodeCount {
            for e in Int(graph.firstOut[u]) ..< Int(graph.firstOut[u + 1]) {
                append(UInt64(u))
                bytes.append(UInt8(ascii: ","))
                append(UInt64(graph.head[e]))
                bytes.append(UInt8(ascii: ","))
                append(UInt64(graph.weight[e]))
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
