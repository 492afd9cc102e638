import ZonegriseCore
import ZonegriseRouting

/// A road-like synthetic network shared by tests and the routing benchmark: a jittered
/// square grid whose streets have random lengths and speeds, some of them oneway and
/// some missing, as in a real street network.
package struct SyntheticRoadGrid: Sendable, Hashable {
    /// Nodes per row and per column.
    package var columns: Int
    package var rows: Int
    /// Distance between neighbouring nodes before jitter, in metres.
    package var spacingMetres: Double = 100
    /// Share of grid streets that exist in one direction only.
    package var onewayShare: Double = 0.05
    /// Share of grid streets left out.
    package var missingShare: Double = 0.10
    package var seed: UInt64

    package init(columns: Int, rows: Int, seed: UInt64) {
        self.columns = columns
        self.rows = rows
        self.seed = seed
    }

    /// Speeds in km/h drawn for streets, most of them urban.
    private static let speedsKmh: [Double] = [30, 50, 50, 50, 50, 70, 70, 90, 110]

    /// The edge list; node `r × columns + c` is at row r, column c.
    /// - Complexity: O(rows × columns).
    package func edgeList() -> RoadEdgeList {
        var rng = SplitMix64(seed: seed)
        let count = rows * columns
        var coordinates: [PlanarPoint] = []
        coordinates.reserveCapacity(count)
        for r in 0 ..< rows {
            for c in 0 ..< columns {
                coordinates.append(PlanarPoint(
                    x: (Double(c) + Double.random(in: -0.3 ... 0.3, using: &rng)) * spacingMetres,
                    y: (Double(r) + Double.random(in: -0.3 ... 0.3, using: &rng)) * spacingMetres))
            }
        }
        var edges: [RoadEdge] = []
        edges.reserveCapacity(4 * count)
        func street(_ a: Int, _ b: Int) {
            let draw = Double.random(in: 0 ..< 1, using: &rng)
            if draw < missingShare { return }
            // Roads wind: 1.0–1.4 times the straight line.
            let metres = coordinates[a].distance(to: coordinates[b]) * Double.random(in: 1.0 ... 1.4, using: &rng)
            let speed = Self.speedsKmh[Int.random(in: 0 ..< Self.speedsKmh.count, using: &rng)]
            let deciseconds = UInt32(max(1, (metres / (speed / 3.6) * 10).rounded()))
            if draw < missingShare + onewayShare {
                let forward = Bool.random(using: &rng)
                edges.append(RoadEdge(from: Int32(forward ? a : b), to: Int32(forward ? b : a), deciseconds: deciseconds))
            } else {
                edges.append(RoadEdge(from: Int32(a), to: Int32(b), deciseconds: deciseconds))
                edges.append(RoadEdge(from: Int32(b), to: Int32(a), deciseconds: deciseconds))
            }
        }
        for r in 0 ..< rows {
            for c in 0 ..< columns {
                let node = r * columns + c
                if c + 1 < columns { street(node, node + 1) }
                if r + 1 < rows { street(node, node + columns) }
            }
        }
        return RoadEdgeList(nodeIDs: (0 ..< count).map { Int64($0) }, coordinates: coordinates, edges: edges)
    }
}
