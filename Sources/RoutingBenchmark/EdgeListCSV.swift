import Foundation
import ZonegriseCore
import ZonegriseRouting

/// Reads an edge list CSV `from,to,deciseconds` (dense node ids from 0; an optional
/// header line) into a `RoadEdgeList` with ids as OSM ids and coordinates at 0.
/// - Complexity: O(bytes).
enum EdgeListCSV {
    static func read(path: String) throws -> RoadEdgeList {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var edges: [RoadEdge] = []
        var maxNode: Int32 = -1
        var fields: [UInt64] = [0, 0, 0]
        var field = 0, digits = 0, line = 1
        var skipLine = false
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            func endLine() {
                if !skipLine && field == 2 && digits > 0 {
                    let from = Int32(fields[0]), to = Int32(fields[1])
                    edges.append(RoadEdge(from: from, to: to, deciseconds: UInt32(fields[2])))
                    maxNode = max(maxNode, from, to)
                } else if !skipLine && (field > 0 || digits > 0) && line > 1 {
                    BenchmarkOptions.fail("\(path):\(line): expected from,to,deciseconds")
                }
                fields = [0, 0, 0]; field = 0; digits = 0; skipLine = false; line += 1
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                    fields[field] = fields[field] * 10 + UInt64(byte - UInt8(ascii: "0"))
                    digits += 1
                case UInt8(ascii: ","):
                    if field < 2 { field += 1; digits = 0 } else { skipLine = true }
                case UInt8(ascii: "\n"):
                    endLine()
                case UInt8(ascii: "\r"), UInt8(ascii: " "):
                    break
                default:
                    // A header (or any text) line is skipped when it is the first.
                    if line == 1 { skipLine = true } else { BenchmarkOptions.fail("\(path):\(line): unexpected character") }
                }
            }
            endLine()
        }
        let n = Int(maxNode) + 1
        return RoadEdgeList(nodeIDs: (0 ..< n).map { Int64($0) },
                            coordinates: Array(repeating: PlanarPoint(x: 0, y: 0), count: n), edges: edges)
    }
}
