/// A uniform grid over points for nearest-neighbour queries in the plane.
///
/// Built once per target set; each query scans rings of cells around the query until
/// the ring's distance exceeds the best found. Ties are broken by the lower index, so
/// results are deterministic whatever the order of the scan.
/// - Complexity: build O(n); query O(k) expected for evenly spread points, where k is
///   the number of points in the cells scanned.
struct PointGrid: Sendable {
    private let points: [PlanarPoint]
    private let minX: Double
    private let minY: Double
    private let cellMetres: Double
    private let columns: Int
    private let rows: Int
    /// CSR layout: the points of cell c are `cellPoints[cellStart[c] ..< cellStart[c + 1]]`.
    private let cellStart: [Int32]
    private let cellPoints: [Int32]

    init(points: [PlanarPoint]) {
        self.points = points
        var box = points.first.map(BoundingBox.init) ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        for point in points { box.include(point) }
        let width = max(box.maxX - box.minX, 1), height = max(box.maxY - box.minY, 1)
        // About two points per cell.
        let cell = max((width * height / Double(max(points.count, 1)) * 2).squareRoot(), 1)
        minX = box.minX
        minY = box.minY
        cellMetres = cell
        columns = min(Int(width / cell) + 1, 4096)
        rows = min(Int(height / cell) + 1, 4096)
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int](repeating: 0, count: points.count)
        for (i, point) in points.enumerated() {
            let c = Self.cell(point, minX: box.minX, minY: box.minY, size: cell, columns: columns, rows: rows)
            cellOf[i] = c
            counts[c + 1] += 1
        }
        for c in 0 ..< columns * rows { counts[c + 1] += counts[c] }
        var fill = counts
        var members = [Int32](repeating: 0, count: points.count)
        for i in points.indices {
            let c = cellOf[i]
            members[Int(fill[c])] = Int32(i)
            fill[c] += 1
        }
        cellStart = counts
        cellPoints = members
    }

    private static func cell(_ p: PlanarPoint, minX: Double, minY: Double, size: Double, columns: Int, rows: Int) -> Int {
        let cx = min(max(Int((p.x - minX) / size), 0), columns - 1)
        let cy = min(max(Int((p.y - minY) / size), 0), rows - 1)
        return cy * columns + cx
    }

    /// The index of the nearest point and its distance, or nil when the grid is empty.
    func nearest(to query: PlanarPoint) -> (index: Int, distance: Double)? {
        guard !points.isEmpty else { return nil }
        let qx = Int(((query.x - minX) / cellMetres).rounded(.down))
        let qy = Int(((query.y - minY) / cellMetres).rounded(.down))
        var best = -1
        var bestSquared = Double.infinity
        // Rings closer than the grid's edge hold no cell: start at the first that does.
        func scan(_ c: Int) {
            for k in Int(cellStart[c]) ..< Int(cellStart[c + 1]) {
                let i = Int(cellPoints[k])
                let dx = points[i].x - query.x, dy = points[i].y - query.y
                let d2 = dx * dx + dy * dy
                if d2 < bestSquared || (d2 == bestSquared && i < best) {
                    bestSquared = d2
                    best = i
                }
            }
        }
        var ring = max(0, -qx, qx - (columns - 1), -qy, qy - (rows - 1))
        let maxRing = ring + max(columns, rows) + 1
        while ring <= maxRing {
            // Any point in ring r is at least (r - 1) cells away from the query.
            if best >= 0 {
                let reach = Double(ring - 1) * cellMetres
                if reach > 0, reach * reach > bestSquared { break }
            }
            GridRing.forEachCell(aroundColumn: qx, row: qy, ring: ring, columns: columns, rows: rows, scan)
            ring += 1
        }
        return best >= 0 ? (best, bestSquared.squareRoot()) : nil
    }
}
