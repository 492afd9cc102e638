/// The ring edges of shapes that tile a territory (commune polygons: borders shared
/// vertex for vertex, interiors disjoint), indexed so that the union of any subset can
/// be traced without an overlay (`union(of:)`) and the shapes sharing a border found
/// without geometry (`sharedEdgePairs(among:)`).
///
/// Rings are stored oriented, exteriors counterclockwise and holes clockwise, so that
/// every edge has its shape's interior on its left; an edge of one shape whose reverse is
/// an edge of another is a shared border.
/// - Complexity: O(v) expected to build for v vertices in all shapes (one hash pass for the
///   vertices, then counting sorts); memory about 30 bytes per vertex. Measured in release builds on metropolitan France
///   (34,800 communes, about 2.9 M vertices): about 0.6 s.
public struct CoverageEdges: Sendable {
    /// Number of shapes indexed.
    public let shapeCount: Int
    /// Distinct vertices (by exact coordinates), indexed by vertex id.
    let vertices: [PlanarPoint]
    /// For each ring vertex, in ring order, its vertex id. Edge `e` runs from
    /// `vertexOf[e]` to `vertexOf[nextEdge(e)]`.
    let vertexOf: [Int32]
    /// Ring `r` holds the edges `ringStart[r] ..< ringStart[r + 1]`.
    let ringStart: [Int32]
    /// Shape `s` holds the rings `shapeRingStart[s] ..< shapeRingStart[s + 1]`.
    let shapeRingStart: [Int32]
    /// For each edge, the shape holding its reverse edge, or -1 when none does.
    let twinShape: [Int32]
    /// Signed area of each shape (square units of the coordinates): the sum of its rings'
    /// signed areas, holes counting negative.
    public let shapeArea: [Double]
    /// False when two edges run the same way between the same vertices (shapes that
    /// overlap) or an edge is met more than twice: the shapes are not a clean coverage
    /// and `union(of:)` must not be used.
    public let isClean: Bool

    public init(_ shapes: [MultiPolygon]) {
        var ids = VertexIDTable(expected: shapes.reduce(0) { $0 + $1.vertexCount } / 2)
        var vertexOf: [Int32] = []
        var ringStart: [Int32] = [0]
        var shapeRingStart: [Int32] = [0]
        var shapeArea: [Double] = []
        var ring: [PlanarPoint] = []
        for shape in shapes {
            var area = 0.0
            for polygon in shape.polygons {
                for (r, input) in polygon.rings.enumerated() {
                    ring.removeAll(keepingCapacity: true)
                    for point in input where point != ring.last { ring.append(point) }
                    if ring.count > 1, ring.first == ring.last { ring.removeLast() }
                    guard ring.count >= 3 else { continue }
                    var signed = Self.signedArea(ring)
                    // Exterior counterclockwise, holes clockwise: interior on the left.
                    if (r == 0) != (signed > 0) {
                        ring.reverse()
                        signed = -signed
                    }
                    area += signed
                    for point in ring { vertexOf.append(ids.id(of: point)) }
                    ringStart.append(Int32(vertexOf.count))
                }
            }
            shapeRingStart.append(Int32(ringStart.count - 1))
            shapeArea.append(area)
        }
        let vertices = ids.points
        var shapeOfEdge = [Int32](repeating: 0, count: vertexOf.count)
        var edgeEnd = [Int32](repeating: 0, count: vertexOf.count)
        for s in 0..<shapes.count {
            for r in Int(shapeRingStart[s])..<Int(shapeRingStart[s + 1]) {
                let (start, end) = (Int(ringStart[r]), Int(ringStart[r + 1]))
                for e in start..<end {
                    shapeOfEdge[e] = Int32(s)
                    edgeEnd[e] = vertexOf[e + 1 < end ? e + 1 : start]
                }
            }
        }
        // The edges leaving each vertex (compressed rows: counting sort by start vertex).
        var outStart = [Int32](repeating: 0, count: vertices.count + 1)
        for v in vertexOf { outStart[Int(v) + 1] += 1 }
        for v in 0..<vertices.count { outStart[v + 1] += outStart[v] }
        var fill = outStart
        var outEdges = [Int32](repeating: 0, count: vertexOf.count)
        for (e, v) in vertexOf.enumerated() {
            outEdges[Int(fill[Int(v)])] = Int32(e)
            fill[Int(v)] += 1
        }
        // An edge's twin runs back from its end to its start; two edges the same way
        // between the same vertices are an overlap.
        var clean = true
        var twinShape = [Int32](repeating: -1, count: vertexOf.count)
        for e in 0..<vertexOf.count {
            let (a, b) = (vertexOf[e], edgeEnd[e])
            var twins = 0
            for k in Int(outStart[Int(b)])..<Int(outStart[Int(b) + 1]) where edgeEnd[Int(outEdges[k])] == a {
                twinShape[e] = shapeOfEdge[Int(outEdges[k])]
                twins += 1
            }
            var same = 0
            for k in Int(outStart[Int(a)])..<Int(outStart[Int(a) + 1]) where edgeEnd[Int(outEdges[k])] == b { same += 1 }
            if twins > 1 || same > 1 { clean = false }
        }
        self.shapeCount = shapes.count
        self.vertices = vertices
        self.vertexOf = vertexOf
        self.ringStart = ringStart
        self.shapeRingStart = shapeRingStart
        self.twinShape = twinShape
        self.shapeArea = shapeArea
        self.isClean = clean
    }

    /// The pairs of distinct shapes among `members` (indexes into the shapes indexed)
    /// that have an edge in common, as (smaller, larger) member positions, sorted.
    /// - Complexity: O(e log e) for e edges of the members.
    public func sharedEdgePairs(among members: [Int]) -> [(Int, Int)] {
        var position = [Int32](repeating: -1, count: shapeCount)
        for (i, s) in members.enumerated() { position[s] = Int32(i) }
        var pairs = Set<UInt64>()
        for (i, s) in members.enumerated() {
            for e in edges(ofShape: s) {
                let twin = twinShape[e]
                guard twin >= 0, twin != Int32(s) else { continue }
                let j = position[Int(twin)]
                if j > Int32(i) { pairs.insert(UInt64(i) << 32 | UInt64(j)) }
            }
        }
        return pairs.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }

    /// The edges of shape `s`, as edge indexes.
    func edges(ofShape s: Int) -> Range<Int> {
        Int(ringStart[Int(shapeRingStart[s])])..<Int(ringStart[Int(shapeRingStart[s + 1])])
    }

    /// Shoelace formula: the signed area (square units) of a ring without its closing point, positive
    /// when counterclockwise. Coordinates are taken relative to the first point, which
    /// keeps the products small (Lambert-93 coordinates are in the millions of metres).
    public static func signedArea(_ ring: [PlanarPoint]) -> Double {
        guard let origin = ring.first else { return 0 }
        var sum = 0.0
        for i in 1..<(ring.count - 1) {
            let (a, b) = (ring[i], ring[i + 1])
            sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return sum / 2
    }
}
