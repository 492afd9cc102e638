#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import CReadOSM
import ZonegriseCore

/// The state one `readosm_parse` works on, passed to the C callbacks as user data: what
/// to do with each object, and what was read so far. Lives for one pass.
///
/// The callbacks below are plain functions (a C function pointer captures nothing); each
/// finds its sink through `Unmanaged`, unretained: `ReadOSMHandle.parse` keeps the sink
/// alive for the whole parse.
final class OSMParseSink {
    var counts = OSMObjectCounts()

    /// Node visits: the closure, and whether to build each node's tag dictionary.
    var onNode: ((OSMNode) -> Void)?
    var nodeTags = false

    /// Way visits: the closure, and the keys a way needs one of to be visited (none:
    /// every way). Keys are compared as C strings before any Swift value is built.
    var onWay: ((OSMWay) -> Void)?
    private var wayKeys: [UnsafeMutablePointer<CChar>] = []

    /// Coordinate pass: the wanted ids, and their positions (NaN until found).
    var index: OSMNodeIndex?
    var positions: [PlanarPoint] = []
    var found = 0
    /// The first wanted node whose coordinates are not a longitude and a latitude (not
    /// finite, out of range, or readosm's `READOSM_UNDEFINED` for a missing attribute).
    var invalid: OSMNode?

    init() {}

    deinit {
        for key in wayKeys { free(key) }
    }

    /// Restricts way visits to ways with at least one of `keys`.
    func requireAnyWayKey(_ keys: [String]) {
        // strdup returns a malloc'd copy (freed in deinit), or null when out of memory.
        wayKeys = keys.map { key in
            guard let copy = strdup(key) else { fatalError("strdup failed: out of memory") }
            return copy
        }
    }

    /// True when the way passes the key filter.
    func wantsWay(_ way: UnsafePointer<readosm_way>) -> Bool {
        guard !wayKeys.isEmpty else { return true }
        let tagCount = Int(way.pointee.tag_count)
        guard tagCount > 0, let tags = way.pointee.tags else { return false }
        for t in 0..<tagCount {
            guard let key = tags[t].key else { continue }
            for wanted in wayKeys where strcmp(key, wanted) == 0 { return true }
        }
        return false
    }

    static func from(_ userData: UnsafeRawPointer?) -> OSMParseSink {
        Unmanaged<OSMParseSink>.fromOpaque(userData!).takeUnretainedValue()
    }
}

/// Key and value pairs of a readosm tag array as a dictionary; a repeated key keeps its
/// last value (OSM forbids repeats, XML files sometimes have them).
private func tagDictionary(_ tags: UnsafePointer<readosm_tag>?, count: Int32) -> [String: String] {
    guard let tags, count > 0 else { return [:] }
    var result: [String: String] = [:]
    result.reserveCapacity(Int(count))
    for t in 0..<Int(count) {
        guard let key = tags[t].key else { continue }
        result[String(cString: key)] = tags[t].value.map { String(cString: $0) } ?? ""
    }
    return result
}

// The callbacks. Each returns READOSM_OK; any other value would stop the parse.

func countNodeCallback(_ userData: UnsafeRawPointer?, _ node: UnsafePointer<readosm_node>?) -> Int32 {
    OSMParseSink.from(userData).counts.nodes += 1
    return READOSM_OK
}

func countWayCallback(_ userData: UnsafeRawPointer?, _ way: UnsafePointer<readosm_way>?) -> Int32 {
    OSMParseSink.from(userData).counts.ways += 1
    return READOSM_OK
}

func countRelationCallback(_ userData: UnsafeRawPointer?, _ relation: UnsafePointer<readosm_relation>?) -> Int32 {
    OSMParseSink.from(userData).counts.relations += 1
    return READOSM_OK
}

func visitNodeCallback(_ userData: UnsafeRawPointer?, _ node: UnsafePointer<readosm_node>?) -> Int32 {
    let sink = OSMParseSink.from(userData)
    sink.counts.nodes += 1
    guard let node, let onNode = sink.onNode else { return READOSM_OK }
    let n = node.pointee
    let tags = sink.nodeTags ? tagDictionary(n.tags, count: n.tag_count) : [:]
    onNode(OSMNode(id: n.id, longitude: n.longitude, latitude: n.latitude, tags: tags))
    return READOSM_OK
}

func visitWayCallback(_ userData: UnsafeRawPointer?, _ way: UnsafePointer<readosm_way>?) -> Int32 {
    let sink = OSMParseSink.from(userData)
    sink.counts.ways += 1
    guard let way, let onWay = sink.onWay, sink.wantsWay(way) else { return READOSM_OK }
    let w = way.pointee
    let refs: [Int64]
    if let pointer = w.node_refs, w.node_ref_count > 0 {
        refs = Array(UnsafeBufferPointer(start: pointer, count: Int(w.node_ref_count)))
    } else {
        refs = []
    }
    onWay(OSMWay(id: w.id, nodeRefs: refs, tags: tagDictionary(w.tags, count: w.tag_count)))
    return READOSM_OK
}

func locateNodeCallback(_ userData: UnsafeRawPointer?, _ node: UnsafePointer<readosm_node>?) -> Int32 {
    let sink = OSMParseSink.from(userData)
    sink.counts.nodes += 1
    guard let node, let i = sink.index?.index(of: node.pointee.id) else { return READOSM_OK }
    let n = node.pointee
    guard InputLimits.isWGS84(x: n.longitude, y: n.latitude) else {
        if sink.invalid == nil { sink.invalid = OSMNode(id: n.id, longitude: n.longitude, latitude: n.latitude) }
        return READOSM_OK
    }
    if sink.positions[i].x.isNaN { sink.found += 1 }
    sink.positions[i] = PlanarPoint(x: n.longitude, y: n.latitude)
    return READOSM_OK
}
