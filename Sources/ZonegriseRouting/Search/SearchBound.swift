/// Per-node times a search must beat to label a node (`MultiSourceSearch.run(…improvingOn:)`):
/// `UInt32.max` where there is none. Generic, so the unbounded search pays nothing.
protocol SearchBound {
    /// The time to beat at `node`, deciseconds.
    func deciseconds(_ node: Int) -> UInt32
}

/// No bound: every node may be labelled.
struct NoBound: SearchBound {
    @inline(__always)
    func deciseconds(_ node: Int) -> UInt32 { .max }
}

/// The times of one kept result.
struct KeptTimes: SearchBound {
    let labels: NodeLabels
    let generation: UInt64

    init(_ result: SearchResult) {
        labels = result.labels
        generation = result.generationBits
    }

    @inline(__always)
    func deciseconds(_ node: Int) -> UInt32 {
        let packed = labels.label[node]
        return packed >= generation ? UInt32(truncatingIfNeeded: packed) : .max
    }
}

/// The smallest time over several kept results (a base and the searches added to it).
struct KeptTimesStack: SearchBound {
    let layers: [KeptTimes]

    init(_ results: [SearchResult]) {
        layers = results.map(KeptTimes.init)
    }

    @inline(__always)
    func deciseconds(_ node: Int) -> UInt32 {
        var best = UInt32.max
        for layer in layers { best = min(best, layer.deciseconds(node)) }
        return best
    }
}
