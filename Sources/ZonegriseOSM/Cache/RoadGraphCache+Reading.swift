import Foundation
import ZonegriseRouting

extension RoadGraphCache {
    /// Reads the cache at `path` written under `key` into a graph, without rebuilding it:
    /// the file is memory-mapped, its arrays copied out and checked
    /// (`RoadGraph(validatingNodeIDs:…)`), the reverse side computed.
    ///
    /// The cache is replaced only by renaming a new file over it, so a mapping always sees
    /// a whole file.
    /// - Throws: `OSMError.unreadable` when the file cannot be read, `.corruptCache` when
    ///   it is cut short, too long, for another key, or its arrays do not hold together.
    /// - Complexity: O(nodes + edges).
    package static func read(path: String, key: String) throws(OSMError) -> Contents {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .unreadable(file: path, reason: "cannot read the graph cache")
        }
        guard let contents = data.withUnsafeBytes({ decode($0, key: key) }) else { throw .corruptCache(file: path) }
        return contents
    }

    /// The contents of a cache file's bytes, or nil when they are not a whole, valid
    /// cache for `key`.
    package static func decode(_ bytes: UnsafeRawBufferPointer, key: String) -> Contents? {
        var reader = LittleEndianReader(bytes)
        guard reader.bytes(magic.count) == magic, reader.integer(UInt32.self) == formatVersion,
              let length = reader.integer(UInt32.self), reader.bytes(Int(length)) == Array(key.utf8), reader.align(to: 8),
              let dropped = reader.integer(Int64.self), let components = reader.integer(Int64.self),
              let n64 = reader.integer(Int64.self), let m64 = reader.integer(Int64.self),
              dropped >= 0, components >= 0, n64 >= 0, m64 >= 0, n64 < Int64(Int32.max), m64 < Int64(Int32.max) else { return nil }
        let n = Int(n64), m = Int(m64)
        // The exact size, from the counts, before anything is allocated.
        func padded(_ size: Int) -> Int { (size + 7) / 8 * 8 }
        guard reader.remaining == 24 * n + padded(4 * (n + 1)) + 2 * padded(4 * m) else { return nil }
        guard let ids = reader.array(of: Int64.self, count: n), let coordinates = reader.points(count: n),
              let firstOut = reader.array(of: Int32.self, count: n + 1), reader.align(to: 8),
              let head = reader.array(of: Int32.self, count: m), reader.align(to: 8),
              let weight = reader.array(of: UInt32.self, count: m), reader.align(to: 8), reader.remaining == 0,
              let graph = RoadGraph(validatingNodeIDs: ids, coordinates: coordinates, firstOut: firstOut, head: head, weight: weight)
        else { return nil }
        return Contents(graph: graph, droppedNodes: Int(dropped), droppedComponents: Int(components))
    }
}
