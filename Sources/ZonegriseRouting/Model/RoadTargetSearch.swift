import ZonegriseCore

/// One node search of a `RoadTargetSearch`: its per-node result, and the target of
/// each of its seeds.
struct RoadSearchLayer: Sendable {
    let result: SearchResult
    /// Target index (in the search's `targets`) of each seed of `result`.
    let seedTarget: [Int]
    /// Set when `result` was searched on the contracted graph (ids of `chains.graph`).
    var chains: ContractedChains? = nil
    /// The seeds at chain nodes, by position on their walks: seed time and target.
    var chainSeeds: [(walk: Int, deciseconds: UInt32, seedDeciseconds: UInt32, target: Int)] = []

    /// The time this layer gives a chain node of the full graph (contracted layers):
    /// through the end of each walk crossing it, or to a seed further along the walk,
    /// whichever is first; nil when it gives none within the horizon. The layer holds
    /// only the junctions it improved, so the answer counts only where it beats the
    /// layers below (`RoadTargetSearch.nodeTime`).
    /// - Complexity: O(walks crossing the node × chain seeds), 2 × a few.
    func chainNodeTime(_ node: Int32, _ chains: ContractedChains) -> (deciseconds: UInt32, target: Int)? {
        var best: (deciseconds: UInt64, target: Int)?
        func consider(_ deciseconds: UInt64, _ target: Int) {
            if best == nil || deciseconds < best!.deciseconds || (deciseconds == best!.deciseconds && target < best!.target) {
                best = (deciseconds, target)
            }
        }
        for position in chains.positions(of: node) {
            let end = chains.walkEnd[position.walk]
            if let time = result.deciseconds(end), let seed = result.seed(end) {
                consider(UInt64(chains.walkDeciseconds[position.walk] - position.deciseconds) + UInt64(time), seedTarget[seed])
            }
            for seed in chainSeeds where seed.walk == position.walk && seed.deciseconds >= position.deciseconds {
                consider(UInt64(seed.deciseconds - position.deciseconds) + UInt64(seed.seedDeciseconds), seed.target)
            }
        }
        guard let best, best.deciseconds <= UInt64(result.horizonDeciseconds) else { return nil }
        return (UInt32(best.deciseconds), best.target)
    }
}

/// A kept search of the road model: every origin's answer, and per road node the time
/// to the nearest target and which target's catchment the node is in.
///
/// A search made by `PreparedRoadNetwork.adding` stacks a layer over its base: the
/// layer holds only the nodes the added targets improved, so a node's time is that of
/// the last layer that reached it. A layer searched on the contracted graph
/// (`PreparedRoadNetwork.contractingChains()`) holds junctions only; a chain node's time
/// is derived from the ends of its chain and the seeds on it.
public struct RoadTargetSearch: TargetSearch {
    public let targets: [Place]
    /// The snap of each target (nil only on an empty graph).
    public let targetSnaps: [RoadSnap?]
    public let horizonMinutes: Double
    let layers: [RoadSearchLayer]
    public let nearest: [NearestTarget?]

    init(targets: [Place], targetSnaps: [RoadSnap?], horizonMinutes: Double, layers: [RoadSearchLayer], nearest: [NearestTarget?]) {
        self.targets = targets
        self.targetSnaps = targetSnaps
        self.horizonMinutes = horizonMinutes
        self.layers = layers
        self.nearest = nearest
    }

    /// The time from `node` to its nearest target in deciseconds, and that target's
    /// index (the node's catchment); nil beyond the horizon.
    /// - Complexity: O(layers).
    public func nodeTime(_ node: Int32) -> (deciseconds: UInt32, target: Int)? {
        nodeTime(node, below: layers.count)
    }

    /// The answer of the layers under `top` only.
    private func nodeTime(_ node: Int32, below top: Int) -> (deciseconds: UInt32, target: Int)? {
        var i = top - 1
        while i >= 0 {
            let layer = layers[i]
            let id: Int32
            if let chains = layer.chains {
                guard let junction = chains.junction(node) else {
                    // A chain node: this layer's time counts where it beats the ones below.
                    let lower = nodeTime(node, below: i)
                    if let found = layer.chainNodeTime(node, chains), found.deciseconds < lower?.deciseconds ?? .max { return found }
                    return lower
                }
                id = junction
            } else {
                id = node
            }
            if let time = layer.result.deciseconds(id), let seed = layer.result.seed(id) {
                return (time, layer.seedTarget[seed])
            }
            i -= 1
        }
        return nil
    }
}
