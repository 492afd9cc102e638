import Foundation
import ZonegriseRouting

extension RoadGraphCache {
    /// Writes `contents` under `key` to `path`, atomically: to a temporary file beside
    /// it, then renamed over it, so that a reader never sees half a cache. Creates the
    /// folder if needed.
    /// - Throws: `OSMError.unwritable` naming `path` when the file cannot be written.
    /// - Complexity: O(nodes + edges); one buffer the size of the file.
    package static func write(_ contents: Contents, key: String, path: String) throws(OSMError) {
        let bytes = encode(contents, key: key)
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .unwritable(file: path, reason: "cannot write the graph cache (\(error.localizedDescription))")
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw .unwritable(file: path, reason: "cannot move the graph cache into place (\(String(cString: strerror(code))))")
        }
    }

    /// The file's bytes (layout at `RoadGraphCache`).
    static func encode(_ contents: Contents, key: String) -> [UInt8] {
        let graph = contents.graph
        let keyBytes = Array(key.utf8)
        let n = graph.nodeCount, m = graph.edgeCount
        var out = LittleEndianWriter(capacity: 16 + keyBytes.count + 8 + 32 + 24 * n + 4 * (n + 1) + 8 * m + 24)
        out.bytes(magic)
        out.integer(formatVersion)
        out.integer(UInt32(keyBytes.count))
        out.bytes(keyBytes)
        out.align(to: 8)
        for count in [contents.droppedNodes, contents.droppedComponents, n, m] { out.integer(Int64(count)) }
        out.array(graph.nodeIDs)
        out.points(graph.coordinates)
        out.array(graph.firstOut)
        out.align(to: 8)
        out.array(graph.head)
        out.align(to: 8)
        out.array(graph.weight)
        out.align(to: 8)
        return out.bytes
    }
}
