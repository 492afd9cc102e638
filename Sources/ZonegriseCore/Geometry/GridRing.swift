/// The cells of a uniform grid at Chebyshev distance `ring` from a query cell, clipped
/// to the grid: the walk of the ring searches of `PointGrid` and the routing module's
/// segment index.
package enum GridRing {
    /// Calls `visit` with the index (`y × columns + x`) of every in-grid cell of the ring.
    /// - Complexity: O(min(ring, columns + rows)) cells, whatever the distance to the grid.
    @inlinable
    package static func forEachCell(aroundColumn qx: Int, row qy: Int, ring: Int, columns: Int, rows: Int, _ visit: (Int) -> Void) {
        let xLow = max(qx - ring, 0), xHigh = min(qx + ring, columns - 1)
        let yLow = max(qy - ring, 0), yHigh = min(qy + ring, rows - 1)
        guard xLow <= xHigh, yLow <= yHigh else { return }
        for cy in yLow ... yHigh {
            if cy == qy - ring || cy == qy + ring {
                for cx in xLow ... xHigh { visit(cy * columns + cx) }
            } else {
                if qx - ring >= 0 { visit(cy * columns + qx - ring) }
                if ring > 0 && qx + ring < columns { visit(cy * columns + qx + ring) }
            }
        }
    }
}
