import CGEOS
import ZonegriseCore

/// Dissolving communes into larger areas (band areas, sectors) and finding which share a
/// stretch of boundary.
extension GeometryEngine {
    /// The union of shapes that tile a territory (commune polygons: edges shared exactly,
    /// interiors disjoint), as one valid MultiPolygon. Same as `dissolve(_:of:)` on an
    /// index of these shapes alone.
    package func dissolve(_ shapes: [MultiPolygon]) throws(NativeError) -> MultiPolygon {
        let coverage = CoverageEdges(shapes)
        return try dissolve(Array(shapes.indices), of: coverage, shapes: shapes, verified: try isCleanCoverage(coverage))
    }

    /// Whether the shapes indexed are a clean coverage, as far as tracing unions needs:
    /// their traced union is valid for GEOS. Overlapping shapes make it invalid (rings
    /// crossing, or nested exteriors), and so does an edge one shape does not share
    /// with its neighbour (a sliver); a true gap is a hole, which is valid. When true,
    /// the traced union of any subset is valid: `dissolve` skips GEOS's validity test.
    /// - Complexity: one traced union of every shape, and one validity test of its
    ///   boundary (for France, the outline of the country: fast).
    package func isCleanCoverage(_ coverage: CoverageEdges) throws(NativeError) -> Bool {
        guard coverage.isClean, coverage.shapeCount > 0 else { return false }
        guard let whole = try tracedUnion(Array(0 ..< coverage.shapeCount), of: coverage) else { return false }
        return try isValid(whole)
    }

    /// The union of `shapes[members]`, as one valid MultiPolygon.
    ///
    /// First `tracedUnion` (no overlay), trusted when `verified` (`isCleanCoverage` of
    /// `coverage`) and kept only when GEOS finds it valid otherwise; when it does not apply, `GEOSCoverageUnion`,
    /// which only drops the shared edges; when the shapes are not a clean coverage (GEOS
    /// throws, or the result is invalid: overlaps, slivers) `GEOSUnaryUnion`, exact on
    /// any valid input. `coverage` indexes `shapes`.
    /// - Complexity: see `tracedUnion`; the fallbacks are O(v log v) overlays.
    package func dissolve(_ members: [Int], of coverage: CoverageEdges, shapes: [MultiPolygon], verified: Bool) throws(NativeError) -> MultiPolygon {
        guard !members.isEmpty else { return MultiPolygon(polygons: []) }
        if members.count == 1 { return shapes[members[0]] }
        if let traced = try tracedUnion(members, of: coverage) {
            if verified { return traced }
            if try isValid(traced) { return traced }
        }
        let operation = "dissolve shapes"
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

    /// The union of a clean coverage without an overlay: the members' shared edges cancel
    /// and the rest is traced into simple rings (`CoverageEdges.unionRings`), exteriors
    /// counterclockwise and holes clockwise. Each hole goes in the smallest exterior that
    /// covers the midpoint of its first edge (GEOS prepared geometries: that point is on
    /// no other ring, since every boundary edge is used once). Nil when the rings cannot
    /// be traced (overlapping edges, a vertex of one shape on a neighbour's edge) or a hole
    /// has no exterior: the caller then uses an overlay. Shapes that overlap without
    /// sharing edges can give an invalid result: see `isCleanCoverage`.
    /// - Complexity: O(e) to trace for e edges of the members, then for h holes O(h log h)
    ///   to find the exteriors whose envelope holds a hole's point, O(v) to prepare those
    ///   (v their vertices) and O(h log v) point tests. Measured in release builds: the
    ///   polygons stage of metropolitan France (3 gammes' bands and the sectors) about
    ///   0.3 s (1.8 s of CPU with `GEOSPolygonize` assigning the holes).
    package func tracedUnion(_ members: [Int], of coverage: CoverageEdges) throws(NativeError) -> MultiPolygon? {
        guard let rings = coverage.unionRings(of: members) else { return nil }
        var exteriors: [Int] = []
        var holes: [Int] = []
        var area: [Double] = []
        for (i, ring) in rings.enumerated() {
            let signed = CoverageEdges.signedArea(Array(ring.dropLast()))
            area.append(abs(signed))
            if signed > 0 { exteriors.append(i) } else { holes.append(i) }
        }
        var polygons = exteriors.map { Polygon(rings: [rings[$0]]) }
        guard !holes.isEmpty else { return MultiPolygon(polygons: polygons) }
        guard !exteriors.isEmpty else { return nil }
        // A point of each hole, strictly inside the exterior holding it.
        let points = holes.map { h in
            let (a, b) = (rings[h][0], rings[h][1])
            return PlanarPoint(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        }
        let byX = points.indices.sorted { points[$0].x < points[$1].x }
        let xs = byX.map { points[$0].x }
        // The exteriors whose envelope holds at least one hole's point, smallest first.
        var candidates: [Int] = []
        for (e, r) in exteriors.enumerated() {
            var box = BoundingBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
            for p in rings[r] { box.include(p) }
            var (k, high) = (0, xs.count)  // the first point with x >= minX
            while k < high {
                let middle = (k + high) / 2
                if xs[middle] < box.minX { k = middle + 1 } else { high = middle }
            }
            while k < xs.count, xs[k] <= box.maxX {
                let y = points[byX[k]].y
                if y >= box.minY, y <= box.maxY {
                    candidates.append(e)
                    break
                }
                k += 1
            }
        }
        candidates.sort { area[exteriors[$0]] != area[exteriors[$1]] ? area[exteriors[$0]] < area[exteriors[$1]] : $0 < $1 }
        let locator = try makeLocator(candidates.map { MultiPolygon(polygons: [polygons[$0]]) })
        for (h, point) in zip(holes, points) {
            guard let found = locator.indexContaining(point) else { return nil }
            polygons[candidates[found]].rings.append(rings[h])
        }
        return MultiPolygon(polygons: polygons)
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
