import CGEOS
import ZonegriseCore

/// Dissolving communes into larger areas (band areas, sectors) and finding which share a
/// stretch of boundary.
extension GeometryEngine {
    /// The union of shapes that tile a territory (commune polygons: edges shared exactly,
    /// interiors disjoint), as one valid MultiPolygon.
    ///
    /// Tries first to cancel the shared segments and polygonize what is left
    /// (`dissolveBySharedSegments`: no overlay at all), then `GEOSCoverageUnion`, which
    /// only drops the shared edges and is an order
    /// of magnitude faster than a full overlay; when the shapes are not a clean coverage
    /// (GEOS throws, or the result is invalid: overlaps, slivers) it
    /// falls back to `GEOSUnaryUnion`, which is exact on any valid input.
    /// - Complexity: O(v log v) for v vertices in all shapes. Measured in release builds:
    ///   the polygons stage of Pas-de-Calais (890 communes, 3 gammes' bands and the
    ///   sectors) about 80 ms; of metropolitan France about 10 s.
    package func dissolve(_ shapes: [MultiPolygon]) throws(NativeError) -> MultiPolygon {
        guard !shapes.isEmpty else { return MultiPolygon(polygons: []) }
        if shapes.count == 1 { return shapes[0] }
        let operation = "dissolve shapes"
        if let united = try dissolveBySharedSegments(shapes, operation: operation) { return united }
        // One MultiPolygon of every polygon: what the coverage union takes. It is not a
        // valid MultiPolygon (its members touch along edges), which GEOS does not check
        // at creation.
        let flat = try context.makeGeometry(MultiPolygon(polygons: shapes.flatMap(\.polygons)), operation: operation)
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
        return try union(shapes)
    }

    /// The pairs of shapes that share a stretch of boundary (a line, not just points) or
    /// overlap, as `IndexPair`s sorted by first then second index. Shapes that meet only
    /// at a corner are not a pair: contiguity in the sense of METHOD.md §4.
    ///
    /// Candidates come from an envelope tree; each is tested with `GEOSRelate`
    /// (DE-9IM: interiors meet in an area, or boundaries meet in a line).
    /// - Complexity: O(v + n log n + k·c) for n shapes of v vertices, k envelope
    ///   candidates and c the cost of one relate (linear in the pair's vertices).
    package func sharedBoundaryPairs(_ shapes: [MultiPolygon]) throws(NativeError) -> [IndexPair] {
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
        let shared = Self.pairsSharingASegment(shapes)
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

    /// The union of a clean coverage without an overlay: the segments met in two shapes
    /// are interior and cancel; the others are the union's boundary, polygonized by
    /// `GEOSPolygonize_valid`. Nil when the shapes are not a clean coverage (the result is
    /// invalid, or its area is not the sum of theirs): the caller falls back to an overlay.
    /// - Complexity: O(v) to cancel the segments, O(b log b) to polygonize the b
    ///   boundary segments left.
    func dissolveBySharedSegments(_ shapes: [MultiPolygon], operation: String) throws(NativeError) -> MultiPolygon? {
        struct Segment: Hashable {
            var ax, ay, bx, by: Double
        }
        var count: [Segment: Int] = [:]
        var order: [Segment] = []
        count.reserveCapacity(shapes.reduce(0) { $0 + $1.vertexCount })
        for shape in shapes {
            for ring in shape.polygons.lazy.flatMap(\.rings) {
                for (a, b) in zip(ring, ring.dropFirst()) where a != b {
                    let (p, q) = (a.x, a.y) < (b.x, b.y) ? (a, b) : (b, a)
                    let segment = Segment(ax: p.x, ay: p.y, bx: q.x, by: q.y)
                    if let n = count[segment] { count[segment] = n + 1 } else {
                        count[segment] = 1
                        order.append(segment)
                    }
                }
            }
        }
        var areaIn = 0.0
        for shape in shapes {
            let geometry = try context.makeGeometry(shape, operation: operation)
            defer { context.destroy(geometry) }
            var area = 0.0
            guard GEOSArea_r(context.handle, geometry, &area) == 1 else { throw context.error(operation) }
            areaIn += area
        }
        let boundary = order.filter { count[$0] == 1 }
        guard !boundary.isEmpty, count.values.allSatisfy({ $0 <= 2 }) else { return nil }
        var lines: [OpaquePointer?] = []
        lines.reserveCapacity(boundary.count)
        defer { for line in lines { if let line { context.destroy(line) } } }
        for segment in boundary {
            var xy = [segment.ax, segment.ay, segment.bx, segment.by]
            // New sequence, null on exception; owned by the line made from it.
            guard let sequence = xy.withUnsafeMutableBufferPointer({ GEOSCoordSeq_copyFromBuffer_r(context.handle, $0.baseAddress, 2, 0, 0) }),
                  let line = GEOSGeom_createLineString_r(context.handle, sequence) else { throw context.error(operation) }
            lines.append(line)
        }
        // New geometry (a collection of polygons), null on exception; the lines are only read.
        guard let polygons = lines.withUnsafeBufferPointer({ GEOSPolygonize_valid_r(context.handle, $0.baseAddress, UInt32($0.count)) }) else {
            _ = context.error(operation)
            return nil
        }
        defer { context.destroy(polygons) }
        var areaOut = 0.0
        guard GEOSisValid_r(context.handle, polygons) == 1, GEOSArea_r(context.handle, polygons, &areaOut) == 1,
              abs(areaOut - areaIn) <= 1e-9 * max(areaIn, 1) else { return nil }
        let result = try context.multiPolygon(from: polygons, operation: operation)
        return result.isEmpty ? nil : result
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
