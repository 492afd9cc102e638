/// The per-node answer of a search, one 64-bit word per node:
/// `generation << 56 | seed << 32 | deciseconds`.
///
/// One load tells whether a node was reached in the current run, at what time and
/// from which seed; relaxing an edge copies the high half (generation and seed) of the
/// node settled. A new run bumps the 8-bit generation instead of clearing millions of
/// entries (and clears them once every 255 runs). Owned by one `MultiSourceSearch`
/// while it runs, then shared read-only by the `SearchResult` of that run: the search
/// allocates fresh labels rather than overwrite ones a result still holds.
final class NodeLabels: @unchecked Sendable {
    /// Seeds are numbered on 24 bits.
    static let maxSeeds = 1 << 24
    static let timeMask: UInt64 = 0xFFFF_FFFF
    static let seedMask: UInt64 = 0xFF_FFFF

    let count: Int
    let label: UnsafeMutablePointer<UInt64>
    /// The generation of the current (or last) run, in 1 ... 255; 0 is never a run's.
    private(set) var generation: UInt64 = 0

    init(count: Int) {
        self.count = count
        label = .allocate(capacity: max(count, 1))
        label.initialize(repeating: 0, count: max(count, 1))
    }

    deinit {
        label.deallocate()
    }

    /// `generation << 56`: labels at or above it are of the current run (older runs
    /// have smaller generations).
    var generationBits: UInt64 { generation << 56 }

    /// Starts a new run: every node becomes unreached.
    /// - Complexity: O(1), except O(nodes) once every 255 runs.
    func advanceGeneration() {
        if generation == 255 {
            label.update(repeating: 0, count: max(count, 1))
            generation = 0
        }
        generation += 1
    }

    /// The time of `node` in the current run, or nil.
    func deciseconds(_ node: Int) -> UInt32? {
        let packed = label[node]
        return packed >= generationBits ? UInt32(truncatingIfNeeded: packed) : nil
    }

    /// The seed `node` was reached from in the current run, or nil.
    func seed(_ node: Int) -> Int? {
        let packed = label[node]
        return packed >= generationBits ? Int((packed >> 32) & Self.seedMask) : nil
    }
}
