import Foundation
import ZonegriseCore
import ZonegriseRouting

/// The binary cache of a built road graph, so that a département run after the first
/// reads the network in a fraction of a second instead of parsing the extract.
///
/// It stores the pruned `RoadGraph`'s own forward CSR arrays, read back into a graph
/// without rebuilding it (only the reverse side is recomputed). Layout (little-endian;
/// every array starts at a multiple of 8 bytes, padding is zeros):
///
/// | bytes | content |
/// |---|---|
/// | 8 | magic `ZGRAPH\0\n` |
/// | 4 | format version (UInt32, 2) |
/// | 4 + k, padded to 8 | key length k (UInt32) and key (UTF-8: SHA-256 of the extract, profile fingerprint, format version) |
/// | 4 × 8 | dropped nodes, dropped components, node count n, edge count m (Int64 each) |
/// | 8n | OSM node ids (Int64) |
/// | 16n | coordinates, x then y per node (Float64, Lambert-93 metres) |
/// | 4(n + 1), padded | forward offsets `firstOut` (Int32) |
/// | 4m, padded | edge heads `head` (Int32) |
/// | 4m, padded | edge times `weight` (UInt32, deciseconds) |
///
/// The file ends there: a longer or shorter one is corrupt. A file whose magic, version
/// or key differs is never used. Format 1 held an edge list (from, to, time per edge),
/// from which reading rebuilt the graph.
/// - Complexity: O(nodes + edges) to write or read.
package enum RoadGraphCache {
    package static let formatVersion: UInt32 = 2
    static let magic: [UInt8] = Array("ZGRAPH\u{0}\n".utf8)

    /// What a cache holds: the routed graph and what pruning dropped to make it.
    package struct Contents: Sendable {
        /// The largest strongly connected component of the extract, Lambert-93.
        package var graph: RoadGraph
        package var droppedNodes: Int
        package var droppedComponents: Int

        package init(graph: RoadGraph, droppedNodes: Int, droppedComponents: Int) {
            self.graph = graph
            self.droppedNodes = droppedNodes
            self.droppedComponents = droppedComponents
        }
    }

    /// What a cache file holds, without reading its arrays.
    package enum Probe: Equatable, Sendable {
        case absent
        /// Not a zonegrise graph cache at all.
        case foreign
        /// A cache of another extract, profile or format version.
        case stale(key: String)
        case matching
    }

    package static func key(extractSHA256: String, profileFingerprint: String) -> String {
        "extract=\(extractSHA256);profile=\(profileFingerprint);format=\(formatVersion)"
    }

    /// Reads the head of the file at `path` (at most 4 kB) to tell whether it is a cache
    /// for `key`.
    /// - Complexity: O(1).
    package static func probe(path: String, key: String) -> Probe {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .absent }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 16 + 4096), head.count >= 16 else { return .foreign }
        return [UInt8](head).withUnsafeBytes { raw in
            var reader = LittleEndianReader(raw)
            guard reader.bytes(magic.count) == magic else { return .foreign }
            guard let version = reader.integer(UInt32.self), version == formatVersion, let length = reader.integer(UInt32.self),
                  let found = reader.bytes(Int(length)) else { return .stale(key: "another format version") }
            let text = String(decoding: found, as: UTF8.self)
            return text == key ? .matching : .stale(key: text)
        }
    }
}
