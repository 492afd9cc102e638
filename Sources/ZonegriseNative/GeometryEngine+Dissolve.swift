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
    /// and the rest is traced into noded lines (`CoverageEdges.unionBoundary`), each with
    /// the union on its left; `GEOSPolygonize` turns them into faces, and the faces kept
    /// are those on the left of the lines (a face's first exterior edge runs the way of a
    /// line when the face lies on its left). Kept when its area is the members' total;
    /// nil otherwise, or when the lines cannot be traced (overlapping edges, a vertex of
    /// one shape on a neighbour's edge): the caller then uses an overlay. Shapes that
    /// overlap without sharing edges can give an invalid result: see `isCleanCoverage`.
    /// - Complexity: O(e) to trace for e edges of the members, O(r log r + b) to
    ///   polygonize r lines of b vertices. Measured in release builds: the polygons stage
    ///   of metropolitan France (3 gammes' bands and the sectors) about 1 s.
    package func tracedUnion(_ members: [Int], of coverage: CoverageEdges) throws(NativeError) -> MultiPolygon? {
        let operation = "dissolve shapes"
        guard let linework = coverage.unionBoundary(of: members) else { return nil }
        struct Step: Hashable {
            var ax, ay, bx, by: UInt64
            init(_ a: PlanarPoint, _ b: PlanarPoint) {
                (ax, ay, bx, by) = (a.x.bitPattern, a.y.bitPattern, b.x.bitPattern, b.y.bitPattern)
            }
        }
        var steps = Set<Step>()
        steps.reserveCapacity(linework.reduce(0) { $0 + $1.count })
        var lines: [OpaquePointer?] = []
        lines.reserveCapacity(linework.count)
        defer { for line in lines { if let line { context.destroy(line) } } }
        for line in linework {
            for (a, b) in zip(line, line.dropFirst()) { steps.insert(Step(a, b)) }
            // Copies the doubles; owned by the line made from it. Null on exception.
            guard let sequence = PlanarPointBuffer.withDoubles(of: line, { GEOSCoordSeq_copyFromBuffer_r(context.handle, $0.baseAddress, UInt32(line.count), 0, 0) }),
                  let made = GEOSGeom_createLineString_r(context.handle, sequence) else { throw context.error(operation) }
            lines.append(made)
        }
        // New geometry (a collection of every face), null on exception; the lines are only read.
        guard let faces = lines.withUnsafeBufferPointer({ GEOSPolygonize_r(context.handle, $0.baseAddress, UInt32($0.count)) }) else {
            _ = context.error(operation)
            return nil
        }
        defer { context.destroy(faces) }
        let all = try context.multiPolygon(from: faces, operation: operation)
        var kept: [Polygon] = []
        var areaOut = 0.0
        for face in all.polygons {
            let exterior = face.exterior
            guard exterior.count >= 4 else { continue }
            let signed = CoverageEdges.signedArea(Array(exterior.dropLast()))
            guard signed > 0 ? steps.contains(Step(exterior[0], exterior[1])) : steps.contains(Step(exterior[1], exterior[0])) else { continue }
            areaOut += abs(signed)
            for hole in face.rings.dropFirst() { areaOut -= abs(CoverageEdges.signedArea(Array(hole.dropLast()))) }
            kept.append(face)
        }
        let areaIn = members.reduce(0.0) { $0 + coverage.shapeArea[$1] }
        guard !kept.isEmpty, abs(areaOut - areaIn) <= 1e-9 * max(abs(areaIn), 1) else { return nil }
        return MultiPolygon(polygons: kept)
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
