import Testing
@testable import ZonegriseCore
import ZonegriseTestSupport

@Suite struct PointGridTests {
    /// Oracle: the grid's nearest point equals a brute-force scan, ties to the lower index.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func nearestMatchesBruteForce(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let count = Int.random(in: 1 ... 400, using: &rng)
        // Clustered or spread points, sometimes on an integer lattice (many ties).
        let lattice = Bool.random(using: &rng)
        func coordinate() -> Double {
            lattice ? Double(Int.random(in: 0 ... 20, using: &rng)) * 1000 : Double.random(in: 0 ... 100_000, using: &rng)
        }
        let points = (0 ..< count).map { _ in PlanarPoint(x: coordinate(), y: coordinate()) }
        let grid = PointGrid(points: points)
        for _ in 0 ..< 300 {
            // Queries inside and far outside the points' box.
            let query = PlanarPoint(x: Double.random(in: -300_000 ... 400_000, using: &rng),
                                    y: Double.random(in: -300_000 ... 400_000, using: &rng))
            var best = 0
            for i in points.indices where query.distance(to: points[i]) < query.distance(to: points[best]) { best = i }
            let hit = grid.nearest(to: query)
            #expect(hit?.index == best, "seed \(seed): query \(query)")
            #expect(abs((hit?.distance ?? -1) - query.distance(to: points[best])) < 1e-9, "seed \(seed)")
        }
    }

    @Test func emptyGridHasNoNearest() {
        #expect(PointGrid(points: []).nearest(to: PlanarPoint(x: 0, y: 0)) == nil)
    }

    @Test func singlePointAndDuplicates() {
        let grid = PointGrid(points: [PlanarPoint(x: 5, y: 5), PlanarPoint(x: 5, y: 5)])
        #expect(grid.nearest(to: PlanarPoint(x: 1e6, y: -1e6))?.index == 0)
    }
}
