import ZonegriseCore

/// One node search of a `RoadTargetSearch`: its per-node result, and the target of
/// each of its seeds.
struct RoadSearchLayer: Sendable {
    let result: SearchResult
    /// Target index (in the search's `targets`) of each seed of `result`.
    let seedTarget: [Int]
}

/// A kept search of the road model: every origin's answer, and per road node the time
/// to the nearest target and which target's catchment the node is in.
///
/// A search made by `PreparedRoadNetwork.adding` stacks a layer over its base: the
/// layer holds only the nodes the added targets improved, so a node's time is that of
/// the last layer that reached it.
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
        for layer in layers.reversed() {
            if let time = layer.result.deciseconds(node), let seed = layer.result.seed(node) {
                return (time, layer.seedTarget[seed])
            }
        }
        return nil
    }
}
