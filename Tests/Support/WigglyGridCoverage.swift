import ZonegriseCore

/// A seeded coverage of `side × side` cells with wiggly borders, for the tests of
/// coverage algorithms (border chains, simplification): the lattice corners are jittered
/// and every cell side is a polyline of `pointsPerSide` inner points offset across it,
/// shared vertex for vertex by the two cells it separates, as commune borders are in IGN
/// data. Cell `(x, y)` is `cells[y * side + x]`, its ring counterclockwise.
///
/// The offsets taper to zero at the corners (a sine over the side) and stay below the
/// jitter margin, so no two sides cross: the cells are a clean coverage.
package struct WigglyGridCoverage: Sendable {
    package let side: Int
    package let cells: [MultiPolygon]

    package init(seed: UInt64, side: Int, pointsPerSide: Int = 8, jitter: Double = 0.2, wiggle: Double = 0.08) {
        var random = SplitMix64(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) * 2 - 1 }  // in [-1, 1)
        var corner: [PlanarPoint] = []
        for y in 0 ... side {
            for x in 0 ... side {
                corner.append(PlanarPoint(x: Double(x) + jitter * uniform(), y: Double(y) + jitter * uniform()))
            }
        }
        func at(_ x: Int, _ y: Int) -> PlanarPoint { corner[y * (side + 1) + x] }
        // Each side once, from its first corner to its second, inner points only.
        func sidePoints(_ a: PlanarPoint, _ b: PlanarPoint) -> [PlanarPoint] {
            let (dx, dy) = (b.x - a.x, b.y - a.y)
            let length = (dx * dx + dy * dy).squareRoot()
            return (1 ... pointsPerSide).map { k in
                let t = Double(k) / Double(pointsPerSide + 1)
                let offset = wiggle * (Double.pi * t).sinApproximation * uniform()
                return PlanarPoint(x: a.x + t * dx - offset * dy / length, y: a.y + t * dy + offset * dx / length)
            }
        }
        var horizontal: [[PlanarPoint]] = []  // (x, y) → (x + 1, y), index y * side + x
        for y in 0 ... side { for x in 0 ..< side { horizontal.append(sidePoints(at(x, y), at(x + 1, y))) } }
        var vertical: [[PlanarPoint]] = []  // (x, y) → (x, y + 1), index y * (side + 1) + x
        for y in 0 ..< side { for x in 0 ... side { vertical.append(sidePoints(at(x, y), at(x, y + 1))) } }
        var cells: [MultiPolygon] = []
        for y in 0 ..< side {
            for x in 0 ..< side {
                var ring = [at(x, y)] + horizontal[y * side + x]
                ring += [at(x + 1, y)] + vertical[y * (side + 1) + x + 1]
                ring += [at(x + 1, y + 1)] + horizontal[(y + 1) * side + x].reversed()
                ring += [at(x, y + 1)] + vertical[y * (side + 1) + x].reversed()
                ring.append(ring[0])
                cells.append(MultiPolygon(polygons: [Polygon(rings: [ring])]))
            }
        }
        self.side = side
        self.cells = cells
    }
}

extension WigglyGridCoverage {
    /// An 8 × 8 wiggly grid made into communes of several kinds: single cells, a 3 × 3
    /// block with an enclave (its centre, a commune inside a hole of the block), a commune
    /// in two parts, and gaps where cells belong to no commune (holes in the outline).
    /// Shape 0 is the block, shape 1 its enclave, shape 2 the commune in two parts.
    package static func communes(seed: UInt64) -> [MultiPolygon] {
        let side = 8
        let grid = WigglyGridCoverage(seed: seed, side: side)
        let coverage = CoverageEdges(grid.cells)
        func cell(_ x: Int, _ y: Int) -> Int { y * side + x }
        let block = (1 ... 3).flatMap { y in (1 ... 3).map { x in cell(x, y) } }.filter { $0 != cell(2, 2) }
        var groups = [block, [cell(2, 2)], [cell(5, 5), cell(7, 7)]]
        let taken = Set(groups.flatMap { $0 })
        var random = SplitMix64(seed: seed &* 7919)
        for index in 0 ..< side * side where !taken.contains(index) && random.next() % 9 != 0 { groups.append([index]) }
        return groups.map { members in
            if members.count == 1 { return grid.cells[members[0]] }
            // The merged rings: one exterior with its holes, or exteriors without holes.
            let rings = coverage.unionRings(of: members)!
            let exteriors = rings.filter { CoverageEdges.signedArea(Array($0.dropLast())) > 0 }
            let holes = rings.filter { CoverageEdges.signedArea(Array($0.dropLast())) < 0 }
            precondition(exteriors.count == 1 || holes.isEmpty, "a merge this fixture does not make")
            if exteriors.count == 1 { return MultiPolygon(polygons: [Polygon(rings: exteriors + holes)]) }
            return MultiPolygon(polygons: exteriors.map { Polygon(rings: [$0]) })
        }
    }
}

private extension Double {
    /// sin(self) for self in [0, π], by Bhaskara's approximation (within 0.002): no
    /// Foundation in the test support target, and the shape of the taper is all that counts.
    var sinApproximation: Double {
        let x = self
        return 16 * x * (Double.pi - x) / (5 * Double.pi * Double.pi - 4 * x * (Double.pi - x))
    }
}
