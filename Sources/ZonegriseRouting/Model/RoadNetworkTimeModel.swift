import ZonegriseCore

/// Car times on a road graph (the `osm` model of METHOD.md §3): places snap to the
/// nearest road segment, the leg off the road is costed at a slow speed, and one
/// multi-source search per call on the reversed graph gives every origin its nearest
/// target. Never an origin × destination matrix.
///
/// Targets seed the search at the cost of reaching them from each end of their
/// segment (`fraction × edge time` plus their own off-road leg); each origin then
/// leaves its segment by either end it may travel to. Two places on the same segment
/// are also joined directly along it.
/// - Complexity: O(targets + origins) snaps, plus one bounded search over the nodes
///   within the horizon of the targets.
public struct RoadNetworkTimeModel: TravelTimeModel {
    public let index: SegmentIndex
    /// Speed of the straight leg between a place and its snapped point, km/h.
    public var offRoadSpeedKmh: Double
    /// Describes the network for the run manifest (file, profile, counts).
    public var details: [String: String]

    public static let defaultOffRoadSpeedKmh = 15.0

    public init(graph: RoadGraph, offRoadSpeedKmh: Double = RoadNetworkTimeModel.defaultOffRoadSpeedKmh,
                details: [String: String] = [:]) {
        precondition(offRoadSpeedKmh > 0, "the off-road speed must be positive")
        index = SegmentIndex(graph: graph)
        self.offRoadSpeedKmh = offRoadSpeedKmh
        self.details = details
    }

    public var graph: RoadGraph { index.graph }
    public var kind: String { "osm" }

    public var parameters: [String: String] {
        var result = details
        result["offroad_speed_kmh"] = BandScheme.text(offRoadSpeedKmh)
        result["graph_nodes"] = String(graph.nodeCount)
        result["graph_edges"] = String(graph.edgeCount)
        return result
    }

    /// Snaps a place; nil only for an empty graph.
    public func snap(_ point: PlanarPoint) -> RoadSnap? { index.snap(point) }

    /// Time of the off-road leg for a snap, deciseconds.
    func offRoadDeciseconds(_ snap: RoadSnap) -> Double {
        snap.distanceMetres / (offRoadSpeedKmh / 3.6) * 10
    }

    /// The time of the edge from `a` to `b`, deciseconds, or nil when there is none.
    func edgeDeciseconds(_ a: Int32, _ b: Int32) -> Double? {
        graph.edgesOut(of: a).first { $0.node == b }.map { Double($0.deciseconds) }
    }

    // Time along the segment between the snapped point and one of its ends, deciseconds,
    // nil when the segment may not be driven that way. A point snapped onto an end
    // (fraction 0 or 1: a place on a node, or beyond the end of its nearest segment) is
    // that node, whatever the segment's direction, so the leg is 0.
    func legToU(_ snap: RoadSnap) -> Double? {
        snap.fraction == 0 ? 0 : edgeDeciseconds(snap.v, snap.u).map { snap.fraction * $0 }
    }

    func legFromU(_ snap: RoadSnap) -> Double? {
        snap.fraction == 0 ? 0 : edgeDeciseconds(snap.u, snap.v).map { snap.fraction * $0 }
    }

    func legToV(_ snap: RoadSnap) -> Double? {
        snap.fraction == 1 ? 0 : edgeDeciseconds(snap.u, snap.v).map { (1 - snap.fraction) * $0 }
    }

    func legFromV(_ snap: RoadSnap) -> Double? {
        snap.fraction == 1 ? 0 : edgeDeciseconds(snap.v, snap.u).map { (1 - snap.fraction) * $0 }
    }

    public func nearest(from origins: [Place], to targets: [Place], horizonMinutes: Double) throws -> [NearestTarget?] {
        guard !targets.isEmpty, graph.nodeCount > 0 else { return Array(repeating: nil, count: origins.count) }
        let horizon = horizonMinutes.isFinite ? UInt32(min(horizonMinutes * 600, Double(UInt32.max / 2))) : UInt32.max / 2
        // Seeds: for each target, the nodes of its segment from which it can be reached.
        var seeds: [(node: Int32, deciseconds: UInt32)] = []
        var seedTarget: [Int] = []
        var targetsOnSegment: [UInt64: [(target: Int, fraction: Double, offRoad: Double)]] = [:]
        for (t, target) in targets.enumerated() {
            guard let snap = snap(target.point) else { continue }
            let offRoad = offRoadDeciseconds(snap)
            if let leg = legFromU(snap) { // u → target along u→v
                seeds.append((snap.u, Self.ticks(offRoad + leg)))
                seedTarget.append(t)
            }
            if let leg = legFromV(snap) { // v → target along v→u
                seeds.append((snap.v, Self.ticks(offRoad + leg)))
                seedTarget.append(t)
            }
            targetsOnSegment[Self.key(snap), default: []].append((t, snap.fraction, offRoad))
        }
        var search = MultiSourceSearch(graph: graph)
        let result = search.run(seeds: seeds, horizonDeciseconds: horizon, direction: .towardSeeds)
        return origins.map { origin -> NearestTarget? in
            guard let snap = snap(origin.point) else { return nil }
            let offRoad = offRoadDeciseconds(snap)
            var best: (deciseconds: Double, target: Int)?
            func consider(_ deciseconds: Double, _ target: Int) {
                if best == nil || deciseconds < best!.deciseconds || (deciseconds == best!.deciseconds && target < best!.target) {
                    best = (deciseconds, target)
                }
            }
            // Leave the segment by v (along u→v) or by u (along v→u).
            if let leg = legToV(snap), let rest = result.deciseconds(snap.v), let seed = result.seed(snap.v) {
                consider(offRoad + leg + Double(rest), seedTarget[seed])
            }
            if let leg = legToU(snap), let rest = result.deciseconds(snap.u), let seed = result.seed(snap.u) {
                consider(offRoad + leg + Double(rest), seedTarget[seed])
            }
            // A target on the same segment, reached along it.
            for other in targetsOnSegment[Self.key(snap)] ?? [] {
                if other.fraction >= snap.fraction, let forward = edgeDeciseconds(snap.u, snap.v) {
                    consider(offRoad + (other.fraction - snap.fraction) * forward + other.offRoad, other.target)
                }
                if other.fraction <= snap.fraction, let backward = edgeDeciseconds(snap.v, snap.u) {
                    consider(offRoad + (snap.fraction - other.fraction) * backward + other.offRoad, other.target)
                }
            }
            guard let found = best, found.deciseconds <= Double(horizon) else { return nil }
            return NearestTarget(target: found.target, minutes: found.deciseconds / 600)
        }
    }

    static func key(_ snap: RoadSnap) -> UInt64 { UInt64(UInt32(snap.u)) << 32 | UInt64(UInt32(snap.v)) }

    static func ticks(_ deciseconds: Double) -> UInt32 { UInt32(min(deciseconds.rounded(), Double(UInt32.max / 2))) }
}
