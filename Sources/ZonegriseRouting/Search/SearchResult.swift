/// The outcome of one `MultiSourceSearch.run`: per node, the shortest time to (or from)
/// the nearest seed within the horizon, and which seed that was.
///
/// Immutable and cheap to keep: it shares the search's arrays until the search runs
/// again, at which point the search allocates new ones rather than overwrite these.
public struct SearchResult: Sendable {
    let labels: NodeLabels
    /// Number of nodes of the graph searched.
    public let nodeCount: Int
    /// Number of nodes reached within the horizon.
    public let reachedCount: Int
    /// The horizon of the run, in deciseconds.
    public let horizonDeciseconds: UInt32
    /// The run's generation stamp (`NodeLabels.generationBits`).
    let generationBits: UInt64

    init(labels: NodeLabels, reachedCount: Int, horizonDeciseconds: UInt32) {
        self.labels = labels
        self.nodeCount = labels.count
        self.reachedCount = reachedCount
        self.horizonDeciseconds = horizonDeciseconds
        generationBits = labels.generationBits
    }

    /// The shortest time in deciseconds (seed's initial time included), or nil when the
    /// node is beyond the horizon or cannot be reached at all ("over", never a guess).
    /// - Complexity: O(1).
    public func deciseconds(_ node: Int32) -> UInt32? {
        labels.deciseconds(checked(node))
    }

    /// Index, in the `seeds` given to `run`, of the seed the node was reached from; nil
    /// when `deciseconds(node)` is nil. Of seeds at the same time, any may be named.
    /// - Complexity: O(1).
    public func seed(_ node: Int32) -> Int? {
        labels.seed(checked(node))
    }

    private func checked(_ node: Int32) -> Int {
        precondition(node >= 0 && Int(node) < nodeCount, "node \(node) outside 0..<\(nodeCount)")
        return Int(node)
    }
}
