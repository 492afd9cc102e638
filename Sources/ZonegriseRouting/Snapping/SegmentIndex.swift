import ZonegriseCore

/// A uniform grid over the road segments of a graph, for snapping points to the
/// nearest segment (coordinates in metres: Lambert-93 in the pipeline).
///
/// Each undirected segment (one per pair of nodes joined by an edge in either
/// direction) is listed in every cell its bounding box covers; a query scans rings of
/// cells outward until the ring is farther than the best segment found. Ties go to the
/// segment with the lower (u, v), so results are deterministic.
/// - Complexity: build O(segments × cells per segment); query O(segments in the cells
///   scanned), about constant for road networks.
public struct SegmentIndex: Sendable {
    public let graph: RoadGraph
    /// Segment end nodes, `u < v`, sorted.
    private let segmentU: [Int32]
    private let segmentV: [Int32]
    private let minX: Double
    private let minY: Double
    private let cellMetres: Double
    private let columns: Int
    private let rows: Int
    private let cellStart: [Int32]
    private let cellSegments: [Int32]

    public var segmentCount: Int { segmentU.count }

    public init(graph: RoadGraph) {
        self.graph = graph
        var pairs: [UInt64] = []
        pairs.reserveCapacity(graph.edgeCount)
        for node in 0 ..< Int32(graph.nodeCount) {
            for edge in graph.edgesOut(of: node) where edge.node != node {
                let a = min(node, edge.node), b = max(node, edge.node)
                pairs.append(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)))
            }
        }
        pairs.sort()
        var us: [Int32] = [], vs: [Int32] = []
        var previous: UInt64?
        for pair in pairs where pair != previous {
            us.append(Int32(truncatingIfNeeded: pair >> 32))
            vs.append(Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF))
            previous = pair
        }
        segmentU = us
        segmentV = vs
        let points = graph.coordinates
        var box = points.first.map(BoundingBox.init) ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        for p in points { box.include(p) }
        var totalLength = 0.0
        for i in us.indices { totalLength += points[Int(us[i])].distance(to: points[Int(vs[i])]) }
        let width = max(box.maxX - box.minX, 1), height = max(box.maxY - box.minY, 1)
        // Cells about twice the mean segment length, and not more than ~4 M cells.
        let mean = us.isEmpty ? 1000 : totalLength / Double(us.count)
        let cell = max(mean * 2, (width * height / 4_000_000).squareRoot(), 1)
        minX = box.minX
        minY = box.minY
        cellMetres = cell
        let columns = Int(width / cell) + 1, rows = Int(height / cell) + 1
        self.columns = columns
        self.rows = rows
        func cellRange(_ s: Int) -> (Int, Int, Int, Int) {
            let a = points[Int(us[s])], b = points[Int(vs[s])]
            let x0 = Int((min(a.x, b.x) - box.minX) / cell), x1 = Int((max(a.x, b.x) - box.minX) / cell)
            let y0 = Int((min(a.y, b.y) - box.minY) / cell), y1 = Int((max(a.y, b.y) - box.minY) / cell)
            return (x0, min(x1, columns - 1), y0, min(y1, rows - 1))
        }
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        for s in us.indices {
            let (x0, x1, y0, y1) = cellRange(s)
            for y in y0 ... y1 { for x in x0 ... x1 { counts[y * columns + x + 1] += 1 } }
        }
        for c in 0 ..< columns * rows { counts[c + 1] += counts[c] }
        var fill = counts
        var members = [Int32](repeating: 0, count: Int(counts[columns * rows]))
        for s in us.indices {
            let (x0, x1, y0, y1) = cellRange(s)
            for y in y0 ... y1 {
                for x in x0 ... x1 {
                    let c = y * columns + x
                    members[Int(fill[c])] = Int32(s)
                    fill[c] += 1
                }
            }
        }
        cellStart = counts
        cellSegments = members
    }

    /// The nearest segment to `query`, or nil when the graph has no segment.
    public func snap(_ query: PlanarPoint) -> RoadSnap? {
        guard !segmentU.isEmpty else { return nil }
        let points = graph.coordinates
        let qx = Int(((query.x - minX) / cellMetres).rounded(.down))
        let qy = Int(((query.y - minY) / cellMetres).rounded(.down))
        var best: RoadSnap?
        var bestSegment = Int.max
        func scan(_ c: Int) {
            for k in Int(cellStart[c]) ..< Int(cellStart[c + 1]) {
                let s = Int(cellSegments[k])
                let a = points[Int(segmentU[s])], b = points[Int(segmentV[s])]
                let (t, p) = Self.project(query, a, b)
                let d = query.distance(to: p)
                if best == nil || d < best!.distanceMetres || (d == best!.distanceMetres && s < bestSegment) {
                    best = RoadSnap(u: segmentU[s], v: segmentV[s], fraction: t, distanceMetres: d, point: p)
                    bestSegment = s
                }
            }
        }
        var ring = max(0, -qx, qx - (columns - 1), -qy, qy - (rows - 1))
        let lastRing = ring + max(columns, rows) + 1
        while ring <= lastRing {
            if let found = best, Double(ring - 1) * cellMetres > found.distanceMetres { break }
            GridRing.forEachCell(aroundColumn: qx, row: qy, ring: ring, columns: columns, rows: rows, scan)
            ring += 1
        }
        return best
    }

    /// The point of segment ab nearest to q, and its position along ab in [0, 1].
    static func project(_ q: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> (Double, PlanarPoint) {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return (0, a) }
        let t = min(max(((q.x - a.x) * dx + (q.y - a.y) * dy) / length2, 0), 1)
        return (t, PlanarPoint(x: a.x + t * dx, y: a.y + t * dy))
    }
}
