#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import CReadOSM
import ZonegriseCore

/// Reads an OpenStreetMap file, OSM XML (`.osm`) or OSM PBF (`.pbf`, `.osm.pbf`), with
/// readosm, handing Swift values to callbacks.
///
/// Each method is one pass over the file, on the calling thread, and decodes only what it
/// asks for. For a road network, two passes keep memory down (OSM ways carry no
/// coordinates, and most nodes are not on roads):
/// 1. `forEachWay(withAnyKey: ["highway", …])`: ways only, nodes skipped undecoded, other
///    ways skipped before any Swift value is built;
/// 2. `coordinates(of:)`: the positions of just the nodes the kept ways refer to.
///
/// Throughput: about 0.8 M objects/s for a full read with Swift values, within a few
/// per cent of readosm alone (Monaco PBF, release, one core; docs/ROAD-NETWORK.md).
package struct OSMFileReader: Hashable, Sendable {
    package enum Format: String, Hashable, Sendable {
        /// OSM XML, `.osm`.
        case xml
        /// OSM PBF (protocol buffers), `.pbf`.
        case pbf
    }

    package let path: String
    package let format: Format

    /// A reader of `path`, whose format the suffix gives (case-insensitive): `.osm` is XML,
    /// `.pbf` (hence `.osm.pbf`) is PBF, as readosm decides. Nothing is parsed yet; an XML
    /// file is scanned once for the elements readosm cannot read (`OSMXMLAttributeCheck`).
    /// - Throws: `NativeError.osm` for any other suffix (`.osm.bz2`, `.o5m`, `.txt`…) or
    ///   such an element, `NativeError.io` when the file does not exist or is a folder.
    package init(path: String) throws(NativeError) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".pbf") {
            format = .pbf
        } else if lowered.hasSuffix(".osm") {
            format = .xml
        } else {
            throw .osm(
                path: path,
                message: "unsupported file name: an OpenStreetMap file must end in .osm (OSM XML) or .pbf / .osm.pbf (OSM PBF); convert other formats with osmium (osmium cat in.o5m -o out.osm.pbf)")
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .io(path: path, message: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            throw .io(path: path, message: "it is a folder")
        }
        // readosm crashes on an XML <tag> or <member> lacking an attribute: refused here,
        // once, before any pass opens the file.
        if format == .xml { try OSMXMLAttributeCheck.check(path) }
        self.path = path
    }

    /// Counts nodes, ways and relations without building any Swift value.
    /// - Complexity: one pass; the speed of readosm's decoding.
    package func countObjects() throws(NativeError) -> OSMObjectCounts {
        try countObjects(nodes: true, ways: true, relations: true)
    }

    /// Counts the objects of the kinds asked for, without building any Swift value; the
    /// other kinds are skipped as the road passes skip them (PBF nodes not decoded at all
    /// when `nodes` is false). What readosm alone costs for such a pass: `nodes: false`
    /// is pass 1 of a road read, `ways: false` pass 2 (benchmarks compare the two).
    /// - Returns: the counts, 0 for a kind skipped.
    /// - Complexity: one pass.
    package func countObjects(nodes: Bool, ways: Bool, relations: Bool) throws(NativeError) -> OSMObjectCounts {
        let sink = OSMParseSink()
        try ReadOSMHandle(path: path).parse(
            sink, nodes: nodes ? countNodeCallback : nil, ways: ways ? countWayCallback : nil,
            relations: relations ? countRelationCallback : nil)
        return sink.counts
    }

    /// Calls `nodes` for every node (with its tags when `nodeTags`) and `ways` for every
    /// way, in file order. A nil closure skips that kind (PBF nodes are then not decoded at
    /// all). Relations are skipped.
    /// - Returns: how many nodes and ways were read (0 for a skipped kind).
    /// - Complexity: one pass.
    package func read(
        nodeTags: Bool = false,
        nodes: ((OSMNode) -> Void)? = nil,
        ways: ((OSMWay) -> Void)? = nil
    ) throws(NativeError) -> OSMObjectCounts {
        let sink = OSMParseSink()
        sink.onNode = nodes
        sink.nodeTags = nodeTags
        sink.onWay = ways
        try ReadOSMHandle(path: path).parse(
            sink, nodes: nodes == nil ? nil : visitNodeCallback, ways: ways == nil ? nil : visitWayCallback,
            relations: nil)
        return sink.counts
    }

    /// First pass of a road read: calls `body` for every way that has at least one of
    /// `keys` (every way when `keys` is empty). Nodes are not decoded; the other ways cost
    /// a few string comparisons each.
    /// - Returns: the counts, `ways` being all the ways in the file (visited or not).
    /// - Complexity: one pass, about 3 times faster than a read with nodes (PBF).
    package func forEachWay(withAnyKey keys: [String] = [], _ body: (OSMWay) -> Void) throws(NativeError) -> OSMObjectCounts {
        let sink = OSMParseSink()
        sink.requireAnyWayKey(keys)
        return try withoutActuallyEscaping(body) { (escapable) throws(NativeError) -> OSMObjectCounts in
            sink.onWay = escapable
            defer { sink.onWay = nil }
            try ReadOSMHandle(path: path).parse(sink, nodes: nil, ways: visitWayCallback, relations: nil)
            return sink.counts
        }
    }

    /// Second pass of a road read: the positions of the nodes of `nodes`, longitude and
    /// latitude in WGS84 degrees. Ids the file lacks stay NaN (`isFound` false): a clipped
    /// extract refers to nodes beyond its border. A wanted node whose coordinates cannot
    /// be used is `invalidNode` (an XML file's attributes are first checked as text,
    /// `OSMXMLCoordinateCheck`, which costs one more scan of the file).
    /// - Complexity: one pass, O(N log n) look-ups for N nodes in the file and n wanted;
    ///   memory O(n).
    package func coordinates(of nodes: OSMNodeIndex) throws(NativeError) -> OSMNodeCoordinates {
        let sink = OSMParseSink()
        sink.index = nodes
        sink.positions = [PlanarPoint](repeating: PlanarPoint(x: .nan, y: .nan), count: nodes.count)
        var invalid: OSMNodeCoordinates.InvalidNode?
        if format == .xml, !nodes.ids.isEmpty, let problem = try OSMXMLCoordinateCheck.firstProblem(path: path, nodes: nodes) {
            invalid = .init(id: problem.nodeID, line: problem.line, detail: problem.detail)
        }
        if !nodes.ids.isEmpty {
            try ReadOSMHandle(path: path).parse(sink, nodes: locateNodeCallback, ways: nil, relations: nil)
        }
        if let invalid, let i = nodes.index(of: invalid.id), !sink.positions[i].x.isNaN {
            // Where atof read something (0 for "abc"): not a position.
            sink.positions[i] = PlanarPoint(x: .nan, y: .nan)
            sink.found -= 1
        }
        if invalid == nil, let node = sink.invalid {
            invalid = .init(id: node.id, line: nil,
                            detail: node.longitude == Double(READOSM_UNDEFINED) || node.latitude == Double(READOSM_UNDEFINED)
                                ? "node \(node.id) has no position (a lat or lon attribute is missing)"
                                : "node \(node.id) is at longitude \(node.longitude), latitude \(node.latitude), not a longitude from -180 to 180 and a latitude from -90 to 90 degrees")
        }
        return OSMNodeCoordinates(index: nodes, positions: sink.positions, foundCount: sink.found, nodesRead: sink.counts.nodes,
                                  invalidNode: invalid)
    }
}
