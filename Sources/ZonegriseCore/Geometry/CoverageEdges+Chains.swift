extension CoverageEdges {
    /// The borders of a clean coverage cut into chains stored once each, so that a border
    /// shared by two shapes can be simplified once and both shapes rebuilt from the same
    /// simplified line (a coverage simplification: no gap, no overlap between neighbours).
    public struct BorderChains: Sendable {
        /// Each chain's vertices, first and last being nodes (where three or more
        /// chains meet, or a point added so that no ring has fewer than three nodes).
        public let chains: [[PlanarPoint]]
        /// The chains of ring `r` (an index of the coverage's rings) are
        /// `references[ringChainStart[r] ..< ringChainStart[r + 1]]`: a chain index, or
        /// `~index` for a chain walked backwards.
        let references: [Int32]
        let ringChainStart: [Int32]
        /// Whether each indexed ring is an exterior (counterclockwise) or a hole.
        let ringIsExterior: [Bool]
    }

    /// The borders of the shapes cut into chains at their nodes: a vertex where the
    /// boundary graph branches (degree other than 2), where a ring's neighbour changes,
    /// or one added on a ring that would have fewer than three nodes (so that a simplified
    /// ring cannot collapse onto one segment). Each chain is stored once, oriented as its
    /// owner shape (the smaller shape index; the only one on the territory's outline)
    /// walks it.
    ///
    /// Nil when the shapes are not a clean coverage (see `isClean`) or a chain has no
    /// counterpart on the neighbour's side.
    /// - Complexity: O(e) for e edges indexed, plus a hash table of the chains.
    public func borderChains() -> BorderChains? {
        guard isClean else { return nil }
        let ringCount = ringStart.count - 1
        var shapeOfRing = [Int32](repeating: 0, count: ringCount)
        for s in 0..<shapeCount {
            for r in Int(shapeRingStart[s])..<Int(shapeRingStart[s + 1]) { shapeOfRing[r] = Int32(s) }
        }
        // Undirected degree: every edge leaving a vertex, and every edge arriving that has
        // no twin (a twinned pair is one undirected edge, counted at each end by its
        // edge leaving that end).
        var degree = [Int32](repeating: 0, count: vertices.count)
        for r in 0..<ringCount {
            let (start, end) = (Int(ringStart[r]), Int(ringStart[r + 1]))
            for e in start..<end {
                degree[Int(vertexOf[e])] += 1
                if twinShape[e] < 0 { degree[Int(vertexOf[e + 1 < end ? e + 1 : start])] += 1 }
            }
        }
        var node = degree.map { $0 != 2 }
        for r in 0..<ringCount {
            let (start, end) = (Int(ringStart[r]), Int(ringStart[r + 1]))
            for e in start..<end where twinShape[e] != twinShape[e == start ? end - 1 : e - 1] {
                node[Int(vertexOf[e])] = true
            }
        }
        for r in 0..<ringCount {
            let (start, end) = (Int(ringStart[r]), Int(ringStart[r + 1]))
            var nodes = 0
            for e in start..<end where node[Int(vertexOf[e])] { nodes += 1 }
            guard nodes < 3 else { continue }
            let count = end - start
            for k in 0..<3 { node[Int(vertexOf[start + k * count / 3])] = true }
        }
        // Chains, from every ring cut at its nodes; the owner's walk is stored, keyed by
        // its first edge, which the other side meets as its last edge reversed.
        var chains: [[PlanarPoint]] = []
        var chainOfFirstEdge: [UInt64: Int32] = [:]
        var pending: [(slot: Int, key: UInt64)] = []
        var references: [Int32] = []
        var ringChainStart: [Int32] = [0]
        var ids: [Int32] = []
        func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) }
        for r in 0..<ringCount {
            let (start, end) = (Int(ringStart[r]), Int(ringStart[r + 1]))
            let count = end - start
            let s = shapeOfRing[r]
            guard let first = (0..<count).first(where: { node[Int(vertexOf[start + $0])] }) else { return nil }
            var k = first
            repeat {
                ids.removeAll(keepingCapacity: true)
                let twin = twinShape[start + k]
                ids.append(vertexOf[start + k])
                repeat {
                    k = (k + 1) % count
                    ids.append(vertexOf[start + k])
                } while !node[Int(vertexOf[start + k])]
                let forward = key(ids[0], ids[1])
                let backward = key(ids[ids.count - 1], ids[ids.count - 2])
                let owns = twin < 0 || s < twin || (s == twin && forward < backward)
                if owns {
                    guard chainOfFirstEdge.updateValue(Int32(chains.count), forKey: forward) == nil else { return nil }
                    references.append(Int32(chains.count))
                    chains.append(ids.map { vertices[Int($0)] })
                } else {
                    pending.append((references.count, backward))
                    references.append(0)
                }
            } while k != first
            ringChainStart.append(Int32(references.count))
        }
        for (slot, wanted) in pending {
            guard let chain = chainOfFirstEdge[wanted] else { return nil }
            references[slot] = ~chain
        }
        let exterior = (0..<ringCount).map { r in
            Self.signedArea((Int(ringStart[r])..<Int(ringStart[r + 1])).map { vertices[Int(vertexOf[$0])] }) > 0
        }
        return BorderChains(chains: chains, references: references, ringChainStart: ringChainStart, ringIsExterior: exterior)
    }

    /// The shapes rebuilt from `chains` after each chain was replaced by `lines[i]` (same
    /// count and order, same first and last points, at least two points each): one
    /// MultiPolygon per indexed shape (see `shape(_:rebuiltFrom:chains:)`).
    /// - Complexity: O(v) for v vertices of the lines.
    public func shapes(rebuiltFrom lines: [[PlanarPoint]], chains: BorderChains) -> [MultiPolygon] {
        precondition(lines.count == chains.chains.count, "one line per chain")
        return (0..<shapeCount).map { shape($0, rebuiltFrom: lines, chains: chains) }
    }

    /// Shape `s` rebuilt from `lines` (one per chain, as in `shapes(rebuiltFrom:chains:)`),
    /// its rings oriented as in the index (exteriors counterclockwise, holes clockwise)
    /// and closed. A ring left with fewer than four points (three distinct) is dropped,
    /// and so is a polygon whose exterior is.
    /// - Complexity: O(v) for the v vertices of its chains.
    public func shape(_ s: Int, rebuiltFrom lines: [[PlanarPoint]], chains: BorderChains) -> MultiPolygon {
        var polygons: [Polygon] = []
        var keepingHoles = false
        var ring: [PlanarPoint] = []
        for r in Int(shapeRingStart[s])..<Int(shapeRingStart[s + 1]) {
            ring.removeAll(keepingCapacity: true)
            for slot in Int(chains.ringChainStart[r])..<Int(chains.ringChainStart[r + 1]) {
                let reference = chains.references[slot]
                let line = lines[Int(reference >= 0 ? reference : ~reference)]
                if reference >= 0 {
                    ring.append(contentsOf: ring.isEmpty ? line[...] : line.dropFirst())
                } else {
                    ring.append(contentsOf: ring.isEmpty ? line.reversed()[...] : line.reversed().dropFirst())
                }
            }
            // The walk ends where it began. A hole follows its exterior.
            if chains.ringIsExterior[r] {
                keepingHoles = ring.count >= 4
                if keepingHoles { polygons.append(Polygon(rings: [ring])) }
            } else if keepingHoles, ring.count >= 4 {
                polygons[polygons.count - 1].rings.append(ring)
            }
        }
        return MultiPolygon(polygons: polygons)
    }

    /// For each chain, the shapes whose rings walk it (one, or two for a shared border;
    /// the same shape twice for a border between two of its own rings), in shape order.
    /// - Complexity: O(c) for the c chain references.
    public func shapesOfChains(_ chains: BorderChains) -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: chains.chains.count)
        for s in 0..<shapeCount {
            for r in Int(shapeRingStart[s])..<Int(shapeRingStart[s + 1]) {
                for slot in Int(chains.ringChainStart[r])..<Int(chains.ringChainStart[r + 1]) {
                    let reference = chains.references[slot]
                    out[Int(reference >= 0 ? reference : ~reference)].append(Int32(s))
                }
            }
        }
        return out
    }

    /// The chains walked by shape `s`'s rings, as chain indexes (each once, sorted).
    public func chainIndices(ofShape s: Int, chains: BorderChains) -> [Int] {
        let first = Int(chains.ringChainStart[Int(shapeRingStart[s])])
        let last = Int(chains.ringChainStart[Int(shapeRingStart[s + 1])])
        return Set(chains.references[first..<last].map { Int($0 >= 0 ? $0 : ~$0) }).sorted()
    }
}
