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

/// The smallest time over kept results, read at the junctions of a contracted graph:
/// results of the full graph at each junction's full-graph node, results of the
/// contracted graph directly (`PreparedRoadNetwork.adding` with chains contracted).
struct ContractedKeptTimes: SearchBound {
    let full: [KeptTimes]
    let contracted: [KeptTimes]
    let newToOld: [Int32]

    init(full: [SearchResult], contracted: [SearchResult], newToOld: [Int32]) {
        self.full = full.map(KeptTimes.init)
        self.contracted = contracted.map(KeptTimes.init)
        self.newToOld = newToOld
    }

    @inline(__always)
    func deciseconds(_ node: Int) -> UInt32 {
        var best = UInt32.max
        if !full.isEmpty {
            let old = Int(newToOld[node])
            for layer in full { best = min(best, layer.deciseconds(old)) }
        }
        for layer in contracted { best = min(best, layer.deciseconds(node)) }
        return best
    }
}
