/// Exact points of one coordinate system with their known positions in another: the
/// Lambert-93 vertices of the communes with the WGS84 positions they were read at, so
/// that polygons dissolved from the communes (bands, sectors), whose vertices are commune
/// vertices, can be written back in WGS84 without projecting every vertex again.
///
/// Points are matched by the exact bits of their coordinates (`VertexIDTable`); a point
/// made by an operation (an intersection, a repaired polygon) is simply not found.
/// - Complexity: O(1) expected per insertion and look-up; about 40 bytes per distinct point.
public struct PointTranslationTable: Sendable {
    private var ids: VertexIDTable
    private var targets: [PlanarPoint] = []

    /// Room for about `expected` distinct points before the first growth.
    public init(expected: Int = 0) {
        ids = VertexIDTable(expected: expected)
        targets.reserveCapacity(expected)
    }

    /// Number of distinct points known.
    public var count: Int { targets.count }

    /// Records every vertex of `source` with the vertex at the same place in `target`.
    /// A point already known keeps its first position.
    /// - Returns: false, recording nothing, when the two shapes do not have the same
    ///   polygons, rings and ring lengths.
    @discardableResult
    public mutating func insert(_ source: MultiPolygon, at target: MultiPolygon) -> Bool {
        guard source.polygons.count == target.polygons.count,
              zip(source.polygons, target.polygons).allSatisfy({ a, b in
                  a.rings.count == b.rings.count && zip(a.rings, b.rings).allSatisfy { $0.count == $1.count }
              })
        else { return false }
        for (a, b) in zip(source.polygons, target.polygons) {
            for (ring, targetRing) in zip(a.rings, b.rings) {
                for (point, position) in zip(ring, targetRing) {
                    let id = ids.id(of: point)
                    if Int(id) == targets.count { targets.append(position) }
                }
            }
        }
        return true
    }

    /// The recorded position of `point`, or nil when it was never recorded.
    public func position(of point: PlanarPoint) -> PlanarPoint? {
        ids.existingID(of: point).map { targets[Int($0)] }
    }

    /// The recorded positions of `ring`'s points in order, nil where a point was never
    /// recorded. Walks the ring with the previous point's id as a hint: a ring that follows
    /// recorded rings (a union of communes) mostly finds its next point beside the last one.
    /// - Complexity: O(points); a hash look-up only where the hint misses.
    public func positions(of ring: [PlanarPoint]) -> [PlanarPoint?] {
        var result: [PlanarPoint?] = []
        result.reserveCapacity(ring.count)
        var last: Int32 = -2
        for point in ring {
            if let id = ids.existingID(of: point, near: last) {
                result.append(targets[Int(id)])
                last = id
            } else {
                result.append(nil)
                last = -2
            }
        }
        return result
    }
}
