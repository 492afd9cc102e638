import Foundation
import ZonegriseCore
import ZonegriseRouting

/// The binary cache of a built road graph, so that a département run after the first
/// reads the network in a fraction of a second instead of parsing the extract.
///
/// Layout (little-endian): magic `ZGRAPH\0\n`, format version (UInt32), key length
/// (UInt32) and key (UTF-8: SHA-256 of the extract, profile fingerprint, format
/// version), dropped nodes and components (Int64 each), node count (Int64), edge count
/// (Int64), node ids (Int64 × n), coordinates (Float64 × 2n, Lambert-93 metres), edges
/// (Int32 from, Int32 to, UInt32 deciseconds) × m. A file whose magic, version or key
/// differs is never used.
/// - Complexity: O(nodes + edges) to write or read.
public enum RoadGraphCache {
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("ZGRAPH\u{0}\n".utf8)

    public struct Contents {
        public var edges: RoadEdgeList
        public var droppedNodes: Int
        public var droppedComponents: Int

        public init(edges: RoadEdgeList, droppedNodes: Int, droppedComponents: Int) {
            self.edges = edges
            self.droppedNodes = droppedNodes
            self.droppedComponents = droppedComponents
        }
    }

    /// What a cache file holds, without reading its arrays.
    public enum Probe: Equatable {
        case absent
        /// Not a zonegrise graph cache at all.
        case foreign
        /// A cache of another extract, profile or format version.
        case stale(key: String)
        case matching
    }

    public static func key(extractSHA256: String, profileFingerprint: String) -> String {
        "extract=\(extractSHA256);profile=\(profileFingerprint);format=\(formatVersion)"
    }

    public static func probe(path: String, key: String) -> Probe {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .absent }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 16 + 4096), head.count >= 16 else { return .foreign }
        let bytes = [UInt8](head)
        guard Array(bytes[0 ..< 8]) == magic else { return .foreign }
        var reader = ByteReader(bytes: bytes, offset: 8)
        guard let version = reader.uint32(), version == formatVersion, let length = reader.uint32(),
              let found = reader.string(Int(length)) else { return .stale(key: "another format version") }
        return found == key ? .matching : .stale(key: found)
    }

    public static func write(_ contents: Contents, key: String, path: String) throws {
        var out = magic
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        put(formatVersion)
        let keyBytes = Array(key.utf8)
        put(UInt32(keyBytes.count))
        out.append(contentsOf: keyBytes)
        put(Int64(contents.droppedNodes))
        put(Int64(contents.droppedComponents))
        let list = contents.edges
        put(Int64(list.nodeIDs.count))
        put(Int64(list.edges.count))
        out.reserveCapacity(out.count + list.nodeIDs.count * 24 + list.edges.count * 12)
        for id in list.nodeIDs { put(id) }
        for point in list.coordinates {
            put(point.x.bitPattern)
            put(point.y.bitPattern)
        }
        for edge in list.edges {
            put(edge.from)
            put(edge.to)
            put(edge.deciseconds)
        }
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(out).write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw OSMError.unreadable(file: path, reason: "cannot write the graph cache (\(error.localizedDescription))")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw OSMError.unreadable(file: path, reason: "cannot move the graph cache into place (errno \(errno))")
        }
    }

    public static func read(path: String, key: String) throws -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OSMError.unreadable(file: path, reason: "cannot read the graph cache")
        }
        let corrupt = OSMError.corruptCache(file: path)
        let bytes = [UInt8](data)
        guard bytes.count >= 16, Array(bytes[0 ..< 8]) == magic else { throw corrupt }
        var reader = ByteReader(bytes: bytes, offset: 8)
        guard reader.uint32() == formatVersion, let length = reader.uint32(), reader.string(Int(length)) == key,
              let dropped = reader.int64(), let components = reader.int64(), let n = reader.int64(), let m = reader.int64(),
              n >= 0, m >= 0, n < Int64(Int32.max), m < Int64(Int32.max), reader.remaining == Int(n) * 24 + Int(m) * 12 else { throw corrupt }
        var ids = [Int64](), coordinates = [PlanarPoint](), edges = [RoadEdge]()
        ids.reserveCapacity(Int(n))
        coordinates.reserveCapacity(Int(n))
        edges.reserveCapacity(Int(m))
        for _ in 0 ..< n { ids.append(reader.int64()!) }
        for _ in 0 ..< n {
            let x = Double(bitPattern: reader.uint64()!), y = Double(bitPattern: reader.uint64()!)
            coordinates.append(PlanarPoint(x: x, y: y))
        }
        for _ in 0 ..< m {
            let from = reader.int32()!, to = reader.int32()!, time = reader.uint32()!
            guard from >= 0, to >= 0, Int64(from) < n, Int64(to) < n, time > 0 else { throw corrupt }
            edges.append(RoadEdge(from: from, to: to, deciseconds: time))
        }
        return Contents(edges: RoadEdgeList(nodeIDs: ids, coordinates: coordinates, edges: edges),
                        droppedNodes: Int(dropped), droppedComponents: Int(components))
    }
}

/// Little-endian reads over a byte array, nil past the end.
struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    var remaining: Int { bytes.count - offset }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        var value: T = 0
        for i in 0 ..< size { value |= T(truncatingIfNeeded: bytes[offset + i]) << (8 * i) }
        offset += size
        return value
    }

    mutating func uint32() -> UInt32? { integer(UInt32.self) }
    mutating func int32() -> Int32? { integer(Int32.self) }
    mutating func uint64() -> UInt64? { integer(UInt64.self) }
    mutating func int64() -> Int64? { integer(Int64.self) }

    mutating func string(_ length: Int) -> String? {
        guard length >= 0, offset + length <= bytes.count else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset ..< offset + length], as: UTF8.self)
    }
}
