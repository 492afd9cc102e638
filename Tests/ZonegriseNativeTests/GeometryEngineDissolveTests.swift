import Testing
import ZonegriseCore
@testable import ZonegriseNative
import ZonegriseTestSupport

/// `dissolve` and `sharedBoundaryPairs` against oracles on random subsets of a grid of
/// unit squares: two cells share an edge exactly when they are 4-neighbours, and the
/// union's area is the number of cells, its polygons the 4-connected components.
@Suite("GeometryEngine: dissolve and contiguity")
struct GeometryEngineDissolveTests {
    let engine = GeometryEngine()

    /// Random cells of a side × side grid, seeded.
    static func cells(seed: UInt64, side: Int, keep: Double) -> [(Int, Int)] {
        var random = SplitMix64(seed: seed)
        var cells: [(Int, Int)] = []
        for row in 0 ..< side {
            for column in 0 ..< side where Double(random.next() % 1000) / 1000 < keep { cells.append((column, row)) }
        }
        return cells
    }

    static func shapes(_ cells: [(Int, Int)]) -> [MultiPolygon] {
        cells.map { Fixtures.square(x: Double($0.0), y: Double($0.1), side: 1) }
    }

    /// 4-neighbour components by flood fill, the independent oracle.
    static func componentCount(_ cells: [(Int, Int)]) -> Int {
        var left = Set(cells.map { [$0.0, $0.1] })
        var count = 0
        while let start = left.first {
            count += 1
            var stack = [start]
            left.remove(start)
            while let cell = stack.popLast() {
                for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                    let next = [cell[0] + dx, cell[1] + dy]
                    if left.remove(next) != nil { stack.append(next) }
                }
            }
        }
        return count
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func sharedBoundaryPairsAreTheFourNeighbours(seed: UInt64) throws {
        let cells = Self.cells(seed: seed, side: 9, keep: 0.55)
        var expected: [IndexPair] = []
        for i in cells.indices {
            for j in cells.indices where j > i && abs(cells[i].0 - cells[j].0) + abs(cells[i].1 - cells[j].1) == 1 {
                expected.append(IndexPair(i, j))
            }
        }
        #expect(try engine.sharedBoundaryPairs(Self.shapes(cells)) == expected)
    }

    @Test func cornerContactIsNotContiguity() throws {
        let pairs = try engine.sharedBoundaryPairs([Fixtures.square(x: 0, y: 0, side: 1), Fixtures.square(x: 1, y: 1, side: 1)])
        #expect(pairs.isEmpty)
    }

    @Test func overlappingShapesAreContiguous() throws {
        let pairs = try engine.sharedBoundaryPairs([Fixtures.square(x: 0, y: 0, side: 2), Fixtures.square(x: 0.5, y: 0.5, side: 1)])
        #expect(pairs == [IndexPair(0, 1)])
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func dissolveOfGridCellsIsValidWithTheirAreaAndComponents(seed: UInt64) throws {
        let cells = Self.cells(seed: seed, side: 10, keep: 0.5)
        let united = try engine.dissolve(Self.shapes(cells))
        #expect(try engine.isValid(united))
        #expect(abs(try engine.area(united) - Double(cells.count)) < 1e-9)
        // Components touching only at corners are separate polygons of a valid MultiPolygon.
        #expect(united.polygons.count == Self.componentCount(cells))
    }

    /// The traced union of random subsets of a grid, indexed whole as the builder does
    /// (the territory's communes, a band's subset), against GEOS's overlay union.
    @Test(arguments: Array(1 ... 16) as [UInt64])
    func tracedUnionOfRandomSubsetsEqualsTheOverlayUnion(seed: UInt64) throws {
        let side = 11
        let all = Self.cells(seed: 0, side: side, keep: 1)
        let coverage = CoverageEdges(Self.shapes(all))
        #expect(coverage.isClean)
        let keep = [0.3, 0.45, 0.6, 0.75][Int(seed % 4)]
        let chosen = Set(Self.cells(seed: seed, side: side, keep: keep).map { $0.1 * side + $0.0 })
        let members = all.indices.filter { chosen.contains($0) }
        let cells = members.map { all[$0] }
        #expect(try engine.isCleanCoverage(coverage))
        let traced = try #require(try engine.tracedUnion(members, of: coverage), "seed \(seed): not traced")
        #expect(try engine.isValid(traced), "seed \(seed): invalid")
        #expect(abs(try engine.area(traced) - Double(cells.count)) < 1e-9)
        #expect(traced.polygons.count == Self.componentCount(cells))
        #expect(try engine.coverTheSamePoints(traced, try engine.union(Self.shapes(cells))))
    }

    /// Pinches: two cells meeting at a corner are two polygons; a hole meeting the
    /// exterior at a corner is a hole of one polygon; an island in a hole is a polygon.
    @Test func tracedUnionSplitsRingsWhereTheyTouch() throws {
        let grid = Self.cells(seed: 0, side: 5, keep: 1)
        let coverage = CoverageEdges(Self.shapes(grid))
        func union(_ cells: [(Int, Int)]) throws -> MultiPolygon {
            try #require(try engine.tracedUnion(cells.map { $0.1 * 5 + $0.0 }, of: coverage))
        }
        let diagonal = try union([(0, 0), (1, 1)])
        #expect(diagonal.polygons.map(\.rings.count) == [1, 1])
        // A 3 × 3 block without its centre and its corner (0, 0): the centre's hole meets
        // the exterior at the point (1, 1).
        let pinchedHole = try union([(1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2), (2, 2)])
        #expect(pinchedHole.polygons.map(\.rings.count) == [2])
        #expect(try engine.isValid(pinchedHole))
        // A 5 × 5 ring of cells with the centre cell: a polygon with a hole and an island.
        var ring: [(Int, Int)] = [(2, 2)]
        for y in 0 ..< 5 { for x in 0 ..< 5 where x == 0 || y == 0 || x == 4 || y == 4 { ring.append((x, y)) } }
        let island = try union(ring)
        #expect(island.polygons.map(\.rings.count).sorted() == [1, 2])
        #expect(try engine.isValid(island))
        #expect(abs(try engine.area(island) - 17) < 1e-9)
        // Nested: a 9 × 9 ring of cells, a 5 × 5 ring inside it, and the centre: each hole
        // goes to the smallest exterior around it.
        let grid9 = Self.cells(seed: 0, side: 9, keep: 1)
        let coverage9 = CoverageEdges(Self.shapes(grid9))
        var nested: [(Int, Int)] = [(4, 4)]
        for y in 0 ..< 9 { for x in 0 ..< 9 where x == 0 || y == 0 || x == 8 || y == 8 { nested.append((x, y)) } }
        for y in 2 ... 6 { for x in 2 ... 6 where x == 2 || y == 2 || x == 6 || y == 6 { nested.append((x, y)) } }
        let rings = try #require(try engine.tracedUnion(nested.map { $0.1 * 9 + $0.0 }, of: coverage9))
        #expect(rings.polygons.map(\.rings.count).sorted() == [1, 2, 2])
        #expect(try engine.isValid(rings))
        #expect(try engine.coverTheSamePoints(rings, try engine.union(Self.shapes(nested))))
    }

    /// Not a clean coverage: a vertex of one shape in the middle of a neighbour's edge
    /// (nothing cancels there) and overlapping shapes (refused by the coverage check);
    /// `dissolve` still gives the exact union.
    @Test func unmatchedVerticesAndOverlapsFallBackToAnOverlay() throws {
        let wide = MultiPolygon(polygons: [Polygon(rings: [[PlanarPoint(x: 0, y: 0), PlanarPoint(x: 2, y: 0), PlanarPoint(x: 2, y: 1),
                                                             PlanarPoint(x: 0, y: 1), PlanarPoint(x: 0, y: 0)]])])
        let shapes = [wide, Fixtures.square(x: 0, y: 1, side: 1), Fixtures.square(x: 1, y: 1, side: 1)]
        let overlapping = [Fixtures.square(x: 0, y: 0, side: 2), Fixtures.square(x: 1, y: 1, side: 2)]
        #expect(try !engine.isCleanCoverage(CoverageEdges(overlapping)))
        let united = try engine.dissolve(shapes)
        #expect(try engine.isValid(united))
        #expect(abs(try engine.area(united) - 4) < 1e-9)
        #expect(united.polygons.count == 1 && united.polygons[0].rings.count == 1)
        #expect(!CoverageEdges([Fixtures.square(x: 0, y: 0, side: 1), Fixtures.square(x: 0, y: 0, side: 1)]).isClean)
        let overlapUnion = try engine.dissolve(overlapping)
        #expect(try engine.isValid(overlapUnion))
        #expect(abs(try engine.area(overlapUnion) - 7) < 1e-9)
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func sharedEdgePairsAreTheFourNeighbours(seed: UInt64) {
        let cells = Self.cells(seed: seed, side: 9, keep: 0.55)
        let members = Array(cells.indices.reversed())  // positions refer to this order
        var expected: [(Int, Int)] = []
        for i in members.indices {
            for j in members.indices where j > i {
                let (a, b) = (cells[members[i]], cells[members[j]])
                if abs(a.0 - b.0) + abs(a.1 - b.1) == 1 { expected.append((i, j)) }
            }
        }
        let found = CoverageEdges(Self.shapes(cells)).sharedEdgePairs(among: members)
        #expect(found.map { [$0.0, $0.1] } == expected.map { [$0.0, $0.1] })
    }

    @Test func dissolveFallsBackToAFullUnionForOverlappingShapes() throws {
        let united = try engine.dissolve([Fixtures.square(x: 0, y: 0, side: 2), Fixtures.square(x: 1, y: 1, side: 2)])
        #expect(try engine.isValid(united))
        #expect(abs(try engine.area(united) - 7) < 1e-9)
        #expect(united.polygons.count == 1)
    }

    @Test func dissolveOfNothingIsEmptyAndOfOneIsItself() throws {
        #expect(try engine.dissolve([]).isEmpty)
        let square = Fixtures.square(x: 3, y: 4, side: 2)
        #expect(try engine.dissolve([square]) == square)
    }
}
