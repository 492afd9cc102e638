import CGEOS
import ZonegriseCore

/// Dissolving communes into larger areas (band areas, sectors) and finding which share a
/// stretch of boundary.
extension GeometryEngine {
    /// The union of shapes that tile a territory (commune polygons: edges shared exactly,
    /// interiors disjoint), as one valid MultiPolygon. Same as `dissolve(_:of:)` on an
    /// index of these shapes alone.
    package func dissolve(_ shapes: [MultiPolygon]) throws(NativeError) -> MultiPolygon {
        try dissolve(Array(shapes.indices), of: CoverageEdges(shapes), shapes: shapes)
    }

    /// The union of `shapes[members]`, as one valid MultiPolygon.
    ///
    /// First traced from the shared edges (`CoverageEdges.union(of:)`: no overlay at
    /// all) and kept when GEOS finds it valid; otherwise `GEOSCoverageUnion`, which only
    /// drops the shared edges; when the shapes are not a clean coverage (GEOS throws, or
    /// the result is invalid: overlaps, slivers) `GEOSUnaryUnion`, exact on any valid
    /// input. `coverage` indexes `shapes`.
    /// - Complexity: O(e) to trace for e edges of the members, plus GEOS's validity check
    ///   O(b log b) on the b vertices of the result. Measured in release builds: the
    ///   polygons stage of metropolitan France (3 gammes' bands and the sectors) about 1 s.
    package func dissolve(_ members: [Int], of coverage: CoverageEdges, shapes: [MultiPolygon]) throws(NativeError) -> MultiPolygon {
        guard !members.isEmpty else { return MultiPolygon(polygons: []) }
        if members.count == 1 { return shapes[members[0]] }
        let operation = "dissolve shapes"
        if let traced = coverage.union(of: members), !traced.isEmpty {
            let geometry = try context.makeGeometry(traced, operation: operation)
            defer { context.destroy(geometry) }
            switch GEOSisValid_r(context.handle, geometry) {  // 2 on exception
            case 1: return traced
            case 0: break
            default: _ = context.error(operation)
            }
        }
        let chosen = members.map { shapes[$0] }
        // One MultiPolygon of every polygon: what the coverage union takes. It is not a
        // valid MultiPolygon (its members touch along edges), which GEOS does not check
        // at creation.
        let flat = try context.makeGeometry(MultiPolygon(polygons: chosen.flatMap(\.polygons)), operation: operation)
        defer { context.destroy(flat) }
        // New geometry, null on exception (a non-coverage input may throw).
        if let united = GEOSCoverageUnion_r(context.handle, flat) {
            defer { context.destroy(united) }
            // GEOS 3.11 returns overlapping inputs unchanged rather than failing: only a
            // valid result is a union.
            if GEOSisValid_r(context.handle, united) == 1 {
                return try context.multiPolygon(from: united, operation: operation)
            }
        }
        _ = context.error(operation)  // drops the coverage attempt's message, if any: not ours to report
        return try union(chosen)
    }

    /// The pairs of shapes that share a stretch of boundary (a line, not just points) or
    /// overlap, as `IndexPair`s sorted by first then second index. Shapes that meet only
    /// at a corner are not a pair: contiguity in the sense of METHOD.md §4.
    ///
    /// Candidates come from an envelope tree; each is tested with `GEOSRelate`
    /// (DE-9IM: interiors meet in an area, or boundaries meet in a line).
    /// - Complexity: O(v + n log n + k·c) for n shapes of v vertices, k envelope
    ///   candidates and c the cost of one relate (linear in the pair's vertices).
    /// `sharingAnEdge`, when given, are the pairs already known to share a segment
    /// (`CoverageEdges.sharedEdgePairs`), which saves hashing the segments again.
    package func sharedBoundaryPairs(_ shapes: [MultiPolygon], sharingAnEdge: Set<IndexPair>? = nil) throws(NativeError) -> [IndexPair] {
        let operation = "find contiguous shapes"
        var geometries: [OpaquePointer] = []
        geometries.reserveCapacity(shapes.count)
        defer { context.destroy(geometries) }
        for (index, shape) in shapes.enumerated() {
            geometries.append(try context.makeGeometry(shape, operation: "\(operation) (shape \(index))"))
        }
        // Shapes of one source (commune polygons) share their border edges exactly: a
        // segment met in two shapes settles the pair without GEOS. Pairs whose envelopes
        // meet are then tested only when they share no segment: a prepared intersects
        // first (cheap), and the relate on the few that touch (corners, unmatched
        // vertices, overlaps).
        let shared = sharingAnEdge ?? Self.pairsSharingASegment(shapes)
        let tree = try EnvelopeTree(context: context, geometries: geometries, operation: operation)
        var pairs: [IndexPair] = []
        var candidates: [Int] = []
        for (index, geometry) in geometries.enumerated() {
            candidates.removeAll(keepingCapacity: true)
            tree.query(geometry, into: &candidates)
            candidates.removeAll { $0 <= index }
            candidates.sort()
            var prepared: OpaquePointer?
            defer { if let prepared { GEOSPreparedGeom_destroy_r(context.handle, prepared) } }
            for other in candidates {
                if shared.contains(IndexPair(index, other)) { pairs.append(IndexPair(index, other)); continue }
                if prepared == nil {
                    // Keeps a reference to `geometry`, which outlives it. Null on exception.
                    guard let made = GEOSPrepare_r(context.handle, geometry) else { throw context.error(operation) }
                    prepared = made
                }
                switch GEOSPreparedIntersects_r(context.handle, prepared, geometries[other]) {  // 2 on exception
                case 0: continue
                case 1: break
                default: throw context.error("\(operation) (shapes \(index) and \(other))")
                }
                // Each pattern: 1 when it matches, 0 when not, 2 on exception.
                let lineOfBoundary = GEOSRelatePattern_r(context.handle, geometry, geometries[other], "****1****")
                if lineOfBoundary == 2 { throw context.error("\(operation) (shapes \(index) and \(other))") }
                if lineOfBoundary == 1 { pairs.append(IndexPair(index, other)); continue }
                let overlap = GEOSRelatePattern_r(context.handle, geometry, geometries[other], "2********")
                if overlap == 2 { throw context.error("\(operation) (shapes \(index) and \(other))") }
                if overlap == 1 { pairs.append(IndexPair(index, other)) }
            }
        }
        return pairs
    }

    /// The pairs of shapes with a ring segment in common (same two end points, either
    /// direction, exactly).
    /// - Complexity: O(v) expected for v vertices (one hash of each segment).
    static func pairsSharingASegment(_ shapes: [MultiPolygon]) -> Set<IndexPair> {
        struct Segment: Hashable {
            var ax, ay, bx, by: Double
        }
        var owner: [Segment: Int] = [:]
        owner.reserveCapacity(shapes.reduce(0) { $0 + $1.vertexCount })
        var pairs = Set<IndexPair>()
        for (index, shape) in shapes.enumerated() {
            for ring in shape.polygons.lazy.flatMap(\.rings) {
                for (a, b) in zip(ring, ring.dropFirst()) where a != b {
                    let (p, q) = (a.x, a.y) < (b.x, b.y) ? (a, b) : (b, a)
                    let segment = Segment(ax: p.x, ay: p.y, bx: q.x, by: q.y)
                    if let first = owner[segment] {
                        if first != index { pairs.insert(IndexPair(min(first, index), max(first, index))) }
                    } else {
                        owner[segment] = index
                    }
                }
            }
        }
        return pairs
    }
}
