import Foundation
import ZonegriseCore
import ZonegriseNative

/// Reads the car road network of an OpenStreetMap file (`.osm.pbf`, `.pbf` or `.osm`)
/// with a `CarProfile`.
///
/// Two passes over the file (`OSMFileReader`): the ways with a `highway` or `route` tag,
/// judged by the profile; then the positions of just the nodes those ways use. Each
/// drivable direction of each segment between consecutive nodes becomes an edge whose
/// length is the haversine distance and whose time is length ÷ speed × peak-hour factor,
/// in deciseconds (at least 1). Every node of the kept ways is a node of the network
/// (no simplification of degree-2 chains here: snapping needs the geometry).
///
/// A segment touching a node the file lacks (a way leaving a clipped extract) is skipped
/// and counted in the report's warnings.
public struct RoadExtractor: Sendable {
    public var profile: CarProfile
    /// Reports the passes (`ways` 350, `nodes` 350, `build` 100 per mille of a road
    /// graph's load); nil: nowhere.
    public var progress: ProgressStage?

    public init(profile: CarProfile = .standard) {
        self.profile = profile
    }

    /// The network of `path`.
    /// - Throws: `OSMError.unreadable` (missing file, a folder), `.malformed`
    ///   (wrong suffix, truncated or corrupt file, not OSM, a node of a road whose
    ///   coordinates are not a longitude and a latitude, named by its id and, in XML, its
    ///   line), `.noDrivableRoad`.
    /// - Complexity: two passes over the file plus O(R log R) for the R node references
    ///   of the kept ways; memory O(R).
    public func extract(path: String) throws -> ExtractedRoads {
        let reader = try translatingErrors { () throws(NativeError) in try OSMFileReader(path: path) }
        var report = RoadExtractionReport(file: path, profileName: profile.name, profileFingerprint: profile.fingerprint)

        // Pass 1: the drivable ways, their node references flattened (way w has
        // refs[starts[w]..<starts[w + 1]]).
        var refs: [Int64] = []
        var starts: [Int] = [0]
        var rules: [WayRule] = []
        var warnings = CarProfileWarnings()
        var highwayWays = 0
        var start = DispatchTime.now().uptimeNanoseconds
        progress?.setPhase("ways")
        let wayCounts = try translatingErrors { () throws(NativeError) in
            try reader.forEachWay(withAnyKey: ["highway", "route"]) { way in
                if way.tags["highway"] != nil { highwayWays += 1 }
                guard way.nodeRefs.count >= 2, let rule = profile.evaluate(tags: way.tags) else { return }
                if !rule.issues.isEmpty { warnings.record(rule.issues, tags: way.tags, wayID: way.id) }
                refs.append(contentsOf: way.nodeRefs)
                starts.append(refs.count)
                rules.append(rule)
            }
        }
        report.waysRead = wayCounts.ways
        report.highwayWays = highwayWays
        report.drivableWays = rules.count
        report.ferryWays = rules.lazy.filter(\.isFerry).count
        report.profileWarnings = warnings
        report.waysPassSeconds = Self.seconds(since: start)
        guard !rules.isEmpty else {
            throw OSMError.noDrivableRoad(file: path, profile: profile.name, waysRead: wayCounts.ways, highwayWays: highwayWays)
        }

        // Pass 2: positions of the referenced nodes.
        progress?.advance(by: 350)
        progress?.setPhase("nodes")
        start = DispatchTime.now().uptimeNanoseconds
        let index = OSMNodeIndex(ids: refs)
        let located = try translatingErrors { () throws(NativeError) in try reader.coordinates(of: index) }
        if let invalid = located.invalidNode {
            // A node the roads use at a position that is not one: refused, not skipped.
            throw OSMError.malformed(file: path, line: invalid.line, detail: invalid.detail + "; correct the node or export the extract again")
        }
        report.nodesRead = located.nodesRead
        report.missingNodes = located.missingCount
        report.nodesPassSeconds = Self.seconds(since: start)

        progress?.advance(by: 350)
        progress?.setPhase("build")
        start = DispatchTime.now().uptimeNanoseconds
        // References as indices into `index` (4 bytes each instead of 8); the ids go.
        let slots = refs.map { Int32(truncatingIfNeeded: index.index(of: $0)!) }
        refs = []
        let network = build(slots: slots, starts: starts, rules: rules, located: located, report: &report)
        report.buildSeconds = Self.seconds(since: start)
        progress?.advance(by: 100)
        guard !network.edges.isEmpty else {
            throw OSMError.noDrivableRoad(file: path, profile: profile.name, waysRead: wayCounts.ways, highwayWays: highwayWays)
        }
        return ExtractedRoads(nodeIDs: network.nodeIDs, coordinates: network.coordinates, edges: network.edges, report: report)
    }

    /// Dense nodes and edges from the kept ways.
    private func build(
        slots: [Int32], starts: [Int], rules: [WayRule], located: OSMNodeCoordinates, report: inout RoadExtractionReport
    ) -> (nodeIDs: [Int64], coordinates: [PlanarPoint], edges: [ExtractedRoadEdge]) {
        let positions = located.positions
        // A segment is usable when its two nodes are in the file and distinct.
        func usable(_ a: Int32, _ b: Int32) -> Bool {
            a != b && !positions[Int(a)].x.isNaN && !positions[Int(b)].x.isNaN
        }

        // Dense ids for the nodes of usable segments, in increasing OSM id order: first
        // mark them (0), then number them; the others stay -1.
        var dense = [Int32](repeating: -1, count: positions.count)
        for w in rules.indices {
            var incomplete = false
            for r in starts[w]..<(starts[w + 1] - 1) {
                let a = slots[r], b = slots[r + 1]
                if positions[Int(a)].x.isNaN || positions[Int(b)].x.isNaN {
                    incomplete = true
                    report.skippedSegments += 1
                } else if a != b {
                    dense[Int(a)] = 0
                    dense[Int(b)] = 0
                }
            }
            if incomplete { report.waysWithMissingNodes += 1 }
        }
        var nodeIDs: [Int64] = []
        var coordinates: [PlanarPoint] = []
        for slot in dense.indices where dense[slot] == 0 {
            dense[slot] = Int32(nodeIDs.count)
            nodeIDs.append(located.index.ids[slot])
            coordinates.append(positions[slot])
        }

        var edges: [ExtractedRoadEdge] = []
        edges.reserveCapacity(slots.count * 2)
        for (w, rule) in rules.enumerated() {
            let range = starts[w]..<(starts[w + 1] - 1)
            // A ferry's duration is shared among its usable segments by length.
            var wayMetres = 0.0, wayUsable = 0
            if rule.durationSeconds != nil {
                for r in range where usable(slots[r], slots[r + 1]) {
                    wayMetres += GreatCircle.haversineMetres(positions[Int(slots[r])], positions[Int(slots[r + 1])])
                    wayUsable += 1
                }
            }
            for r in range where usable(slots[r], slots[r + 1]) {
                let a = Int(slots[r]), b = Int(slots[r + 1])
                let metres = GreatCircle.haversineMetres(positions[a], positions[b])
                var forwardTime: UInt32, backwardTime: UInt32
                if let duration = rule.durationSeconds {
                    let share = wayMetres > 0 ? metres / wayMetres : 1 / Double(wayUsable)
                    forwardTime = profile.deciseconds(seconds: duration * share)
                    backwardTime = forwardTime
                } else {
                    forwardTime = profile.deciseconds(metres: metres, speedKmh: rule.forwardSpeedKmh)
                    backwardTime = profile.deciseconds(metres: metres, speedKmh: rule.backwardSpeedKmh)
                }
                if rule.forward {
                    edges.append(ExtractedRoadEdge(from: dense[a], to: dense[b], deciseconds: forwardTime, metres: metres))
                }
                if rule.backward {
                    edges.append(ExtractedRoadEdge(from: dense[b], to: dense[a], deciseconds: backwardTime, metres: metres))
                }
            }
        }
        return (nodeIDs, coordinates, edges)
    }

    /// Runs `body`, turning the reader's `NativeError` into the `OSMError` a user
    /// sees: a file that cannot be opened is unreadable, anything else is malformed.
    private func translatingErrors<T>(_ body: () throws(NativeError) -> T) throws(OSMError) -> T {
        do {
            return try body()
        } catch {
            switch error {
            case let .io(path, message): throw .unreadable(file: path, reason: message)
            case let .osm(path, message): throw .malformed(file: path, line: nil, detail: message)
            default: throw .malformed(file: "OpenStreetMap file", line: nil, detail: error.description)
            }
        }
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
