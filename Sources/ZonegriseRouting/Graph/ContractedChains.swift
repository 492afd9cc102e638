/// A road graph with its degree-2 chains contracted (`ChainContraction`), kept beside
/// the full graph together with where each removed node lies on its chains, so that a
/// search can run on the contracted graph and still be seeded at, and answer for, any
/// node of the full one.
///
/// A removed ("chain") node lies on one walk per direction its chain can be driven: a
/// walk is one edge of the contracted graph, from a start junction to an end junction,
/// and the node is `deciseconds` after the start along it. So a target reached from
/// chain node `x` in `t` is reached from the walk's start in `t + deciseconds` (no other
/// path enters the chain), and `x` reaches the walk's end in `walk time − deciseconds`.
///
/// Immutable and `Sendable`.
/// - Complexity: O(nodes + edges) to build; 16 bytes per node of the full graph for the
///   chain positions, plus the contracted graph (on the generated network of a million
///   nodes: 0.21 M nodes, 0.78 M edges, about 0.15 s).
public final class ContractedChains: Sendable {
    /// The contracted graph: the junctions of the full graph, in their original order.
    public let graph: RoadGraph
    /// Per full-graph node, its junction id in `graph`, or -1 for a chain node.
    let oldToNew: [Int32]
    /// Per junction, its node in the full graph.
    let newToOld: [Int32]
    /// Per walk (edge of `graph` before parallel edges merged): start and end junctions
    /// (ids in `graph`) and the walk's time in deciseconds.
    let walkStart: [Int32]
    let walkEnd: [Int32]
    let walkDeciseconds: [UInt32]
    /// Per full-graph node, two slots: the walks crossing it (-1: none) and the time from
    /// each walk's start to the node, deciseconds.
    let positionWalk: [Int32]
    let positionDeciseconds: [UInt32]

    /// Contracts `full`, keeping `keep` (and every other junction) as nodes.
    /// - Complexity: O(nodes + edges).
    public init(_ full: RoadGraph, keep: Set<Int32>) {
        var walk = [Int32](repeating: -1, count: 2 * full.nodeCount)
        var at = [UInt32](repeating: 0, count: 2 * full.nodeCount)
        let contracted = ChainContraction.contract(full, keep: keep) { node, index, deciseconds in
            let slot = walk[2 * node] < 0 ? 2 * node : 2 * node + 1
            precondition(walk[slot] < 0, "chain node \(node) on more than two walks")
            walk[slot] = Int32(index)
            at[slot] = UInt32(deciseconds)
        }
        graph = contracted.graph
        oldToNew = contracted.oldToNew
        var newToOld = [Int32](repeating: 0, count: contracted.graph.nodeCount)
        for (old, new) in contracted.oldToNew.enumerated() where new >= 0 { newToOld[Int(new)] = Int32(old) }
        self.newToOld = newToOld
        walkStart = contracted.walks.from.map { contracted.oldToNew[Int($0)] }
        walkEnd = contracted.walks.to.map { contracted.oldToNew[Int($0)] }
        walkDeciseconds = contracted.walks.time
        positionWalk = walk
        positionDeciseconds = at
    }

    /// The junction id of a full-graph node, or nil for a chain node.
    @inline(__always)
    func junction(_ node: Int32) -> Int32? {
        let new = oldToNew[Int(node)]
        return new >= 0 ? new : nil
    }

    /// The walks crossing a chain node: for each, its index and the time from its start
    /// to the node (deciseconds).
    func positions(of node: Int32) -> [(walk: Int, deciseconds: UInt32)] {
        (2 * Int(node) ..< 2 * Int(node) + 2).compactMap { slot in
            positionWalk[slot] >= 0 ? (Int(positionWalk[slot]), positionDeciseconds[slot]) : nil
        }
    }

    /// Seeds of the full graph as seeds of the contracted one: a junction stays, a chain
    /// node becomes the start of each walk crossing it, later by the time along the walk
    /// (saturating). `owner` gives, per new seed, the index of the seed it came from.
    func seeds(_ seeds: [(node: Int32, deciseconds: UInt32)]) -> (seeds: [(node: Int32, deciseconds: UInt32)], owner: [Int]) {
        var converted: [(node: Int32, deciseconds: UInt32)] = []
        var owner: [Int] = []
        converted.reserveCapacity(2 * seeds.count)
        owner.reserveCapacity(2 * seeds.count)
        for (index, seed) in seeds.enumerated() {
            if let j = junction(seed.node) {
                converted.append((j, seed.deciseconds))
                owner.append(index)
                continue
            }
            for position in positions(of: seed.node) {
                let (sum, overflow) = seed.deciseconds.addingReportingOverflow(position.deciseconds)
                converted.append((walkStart[position.walk], overflow ? .max : sum))
                owner.append(index)
            }
        }
        return (converted, owner)
    }
}
