import ZonegriseCore

/// The road model prepared for a list of origins: graph, segment index and the snap of
/// every origin made once (pandana's `get_node_ids`). Immutable; each search allocates
/// its own labels, so searches may run concurrently.
///
/// Targets seed the search at the cost of reaching them from each end of their
/// segment (`fraction × edge time` plus their own off-road leg); each origin then
/// leaves its segment by either end it may travel to. Two places on the same segment
/// are also joined directly along it.
public struct PreparedRoadNetwork: PreparedTimeModel {
    public let model: RoadNetworkTimeModel
    public let origins: [Place]
    /// The snap of each origin (nil only on an empty graph).
    public let originSnaps: [RoadSnap?]
    /// Search buffers reused across queries.
    let pool: SearchPool
    /// Per origin, computed once with its snap: the off-road leg, the legs to each end of
    /// its segment (nil where the segment may not be driven that way), and the segment's
    /// times each way (deciseconds).
    let originLegs: [OriginLegs?]

    /// Set by `contractingChains()`: the graph with its degree-2 chains contracted (the
    /// origins' snapped segment ends kept), on which `adding` then searches, and its pool.
    private(set) var chains: ContractedChains?
    private(set) var chainPool: SearchPool?

    struct OriginLegs: Sendable {
        var offRoad: Double
        var toU: Double?
        var toV: Double?
        var forward: Double?
        var backward: Double?
    }

    /// - Complexity: one snap per origin.
    public init(model: RoadNetworkTimeModel, origins: [Place]) {
        self.model = model
        self.origins = origins
        originSnaps = origins.map { model.snap($0.point) }
        originLegs = originSnaps.map { snap in
            snap.map { OriginLegs(offRoad: model.offRoadDeciseconds($0), toU: model.legToU($0), toV: model.legToV($0),
                                  forward: model.edgeDeciseconds($0.u, $0.v), backward: model.edgeDeciseconds($0.v, $0.u)) }
        }
        pool = SearchPool(graph: model.graph)
    }

    public var graph: RoadGraph { model.graph }

    /// The same prepared network, whose `adding` searches the graph with its degree-2
    /// chains contracted (`ContractedChains`, the origins' snapped segment ends kept as
    /// junctions): the same times and targets, from a search over the junctions only.
    /// For callers that extend searches many times (the what-if server, candidate
    /// rankings); `search` is unchanged.
    /// - Complexity: O(nodes + edges) once (about 0.15 s on a million nodes); each
    ///   `adding` then explores about a fifth of the nodes on an OSM-like network.
    public func contractingChains() -> PreparedRoadNetwork {
        guard chains == nil, graph.nodeCount > 0 else { return self }
        var keep = Set<Int32>()
        for snap in originSnaps {
            guard let snap else { continue }
            keep.insert(snap.u)
            keep.insert(snap.v)
        }
        var copy = self
        let contracted = ContractedChains(graph, keep: keep)
        copy.chains = contracted
        copy.chainPool = SearchPool(graph: contracted.graph)
        return copy
    }

    public func forRepeatedAdditions() -> any PreparedTimeModel { contractingChains() }

    /// The origins farther than `limitMetres` from any road, with their distance in
    /// metres, from the kept snaps.
    /// - Complexity: O(origins).
    public func farOrigins(limitMetres: Double) -> [(index: Int, metres: Double)] {
        originSnaps.enumerated().compactMap { i, snap in
            guard let snap, snap.distanceMetres > limitMetres else { return nil }
            return (i, snap.distanceMetres)
        }
    }

    /// - Complexity: O(targets) snaps, one search over the nodes within the horizon of
    ///   the targets, then O(1) per origin (plus the targets on its own segment).
    public func search(to targets: [Place], horizonMinutes: Double) -> any TargetSearch {
        let horizon = Self.horizonDeciseconds(horizonMinutes)
        let snapped = targets.map { model.snap($0.point) }
        guard !targets.isEmpty, graph.nodeCount > 0 else {
            return RoadTargetSearch(targets: targets, targetSnaps: snapped, horizonMinutes: horizonMinutes,
                                    layers: [], nearest: Array(repeating: nil, count: origins.count))
        }
        let (seeds, seedTarget) = self.seeds(snapped, firstIndex: 0)
        let result = pool.withSearch { $0.run(seeds: seeds, horizonDeciseconds: horizon, direction: .towardSeeds) }
        let layer = RoadSearchLayer(result: result, seedTarget: seedTarget)
        return finish(targets: targets, targetSnaps: snapped, horizonMinutes: horizonMinutes, layers: [layer])
    }

    /// A bounded search from the added targets that settles only the nodes they bring
    /// closer than every kept layer, then the answer of every origin read again from
    /// the per-node times.
    /// - Complexity: O(added) snaps, a search over the region the added targets win,
    ///   O(origins) to read the answers.
    public func adding(_ added: [Place], to base: any TargetSearch) -> any TargetSearch {
        guard let base = base as? RoadTargetSearch else {
            preconditionFailure("a kept search of another time model")
        }
        let snapped = added.map { model.snap($0.point) }
        let targets = base.targets + added
        let targetSnaps = base.targetSnaps + snapped
        guard !added.isEmpty, graph.nodeCount > 0 else {
            return finish(targets: targets, targetSnaps: targetSnaps, horizonMinutes: base.horizonMinutes, layers: base.layers)
        }
        let (seeds, seedTarget) = self.seeds(snapped, firstIndex: base.targets.count)
        // A base extended on contracted chains is extended on those same chains again
        // (its layers are numbered by them), whichever prepared network is asked.
        if let chains = base.layers.lazy.compactMap(\.chains).first ?? self.chains {
            let pool = (chains === self.chains ? chainPool : nil) ?? SearchPool(graph: chains.graph)
            let layer = contractedLayer(seeds: seeds, seedTarget: seedTarget, base: base, chains: chains, pool: pool)
            return finish(targets: targets, targetSnaps: targetSnaps, horizonMinutes: base.horizonMinutes, layers: base.layers + [layer])
        }
        let result = pool.withSearch {
            $0.run(seeds: seeds, horizonDeciseconds: Self.horizonDeciseconds(base.horizonMinutes), direction: .towardSeeds,
                   improvingOn: base.layers.map(\.result))
        }
        return finish(targets: targets, targetSnaps: targetSnaps, horizonMinutes: base.horizonMinutes,
                      layers: base.layers + [RoadSearchLayer(result: result, seedTarget: seedTarget)])
    }

    /// The layer of `adding` searched on the contracted graph: the seeds moved to the
    /// junctions (a chain node's to the starts of its walks), bounded by every kept
    /// layer read at the junctions.
    func contractedLayer(seeds: [(node: Int32, deciseconds: UInt32)], seedTarget: [Int], base: RoadTargetSearch,
                         chains: ContractedChains, pool: SearchPool) -> RoadSearchLayer {
        let (moved, owner) = chains.seeds(seeds)
        let bound = ContractedKeptTimes(full: base.layers.filter { $0.chains == nil }.map(\.result),
                                        contracted: base.layers.filter { $0.chains != nil }.map(\.result),
                                        newToOld: chains.newToOld)
        let horizon = Self.horizonDeciseconds(base.horizonMinutes)
        let result = pool.withSearch { $0.run(seeds: moved, horizonDeciseconds: horizon, direction: .towardSeeds, bound: bound) }
        var onChains: [(walk: Int, deciseconds: UInt32, seedDeciseconds: UInt32, target: Int)] = []
        for (index, seed) in seeds.enumerated() where chains.junction(seed.node) == nil {
            for position in chains.positions(of: seed.node) {
                onChains.append((position.walk, position.deciseconds, seed.deciseconds, seedTarget[index]))
            }
        }
        return RoadSearchLayer(result: result, seedTarget: owner.map { seedTarget[$0] }, chains: chains, chainSeeds: onChains)
    }

    static func horizonDeciseconds(_ minutes: Double) -> UInt32 {
        minutes.isFinite ? UInt32(min(max(minutes, 0) * 600, Double(UInt32.max / 2))) : UInt32.max / 2
    }

    /// For each target, the nodes of its segment from which it can be reached, at the
    /// time of the leg along the segment plus its off-road leg; and the target index of
    /// each seed.
    func seeds(_ snapped: [RoadSnap?], firstIndex: Int) -> ([(node: Int32, deciseconds: UInt32)], [Int]) {
        var seeds: [(node: Int32, deciseconds: UInt32)] = []
        var seedTarget: [Int] = []
        for (t, snap) in snapped.enumerated() {
            guard let snap else { continue }
            let offRoad = model.offRoadDeciseconds(snap)
            if let leg = model.legFromU(snap) { // u → target along u→v
                seeds.append((snap.u, RoadNetworkTimeModel.ticks(offRoad + leg)))
                seedTarget.append(firstIndex + t)
            }
            if let leg = model.legFromV(snap) { // v → target along v→u
                seeds.append((snap.v, RoadNetworkTimeModel.ticks(offRoad + leg)))
                seedTarget.append(firstIndex + t)
            }
        }
        return (seeds, seedTarget)
    }

    /// Reads every origin's answer from the per-node times of `layers`.
    func finish(targets: [Place], targetSnaps: [RoadSnap?], horizonMinutes: Double, layers: [RoadSearchLayer]) -> RoadTargetSearch {
        let horizon = Double(Self.horizonDeciseconds(horizonMinutes))
        var targetsOnSegment: [UInt64: [(target: Int, fraction: Double, offRoad: Double)]] = [:]
        for (t, snap) in targetSnaps.enumerated() {
            guard let snap else { continue }
            targetsOnSegment[RoadNetworkTimeModel.key(snap), default: []].append((t, snap.fraction, model.offRoadDeciseconds(snap)))
        }
        let view = RoadTargetSearch(targets: targets, targetSnaps: targetSnaps, horizonMinutes: horizonMinutes,
                                    layers: layers, nearest: [])
        let nearest = zip(originSnaps, originLegs).map { snap, legs -> NearestTarget? in
            guard let snap, let legs else { return nil }
            let offRoad = legs.offRoad
            var best: (deciseconds: Double, target: Int)?
            func consider(_ deciseconds: Double, _ target: Int) {
                if best == nil || deciseconds < best!.deciseconds || (deciseconds == best!.deciseconds && target < best!.target) {
                    best = (deciseconds, target)
                }
            }
            // Leave the segment by v (along u→v) or by u (along v→u).
            if let leg = legs.toV, let (rest, target) = view.nodeTime(snap.v) {
                consider(offRoad + leg + Double(rest), target)
            }
            if let leg = legs.toU, let (rest, target) = view.nodeTime(snap.u) {
                consider(offRoad + leg + Double(rest), target)
            }
            // A target on the same segment, reached along it.
            for other in targetsOnSegment[RoadNetworkTimeModel.key(snap)] ?? [] {
                if other.fraction >= snap.fraction, let forward = legs.forward {
                    consider(offRoad + (other.fraction - snap.fraction) * forward + other.offRoad, other.target)
                }
                if other.fraction <= snap.fraction, let backward = legs.backward {
                    consider(offRoad + (snap.fraction - other.fraction) * backward + other.offRoad, other.target)
                }
            }
            guard let found = best, found.deciseconds <= horizon else { return nil }
            return NearestTarget(target: found.target, minutes: found.deciseconds / 600)
        }
        return RoadTargetSearch(targets: targets, targetSnaps: targetSnaps, horizonMinutes: horizonMinutes,
                                layers: layers, nearest: nearest)
    }
}
