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

    /// The overlay-free path is the one taken on a clean coverage, and refuses overlaps.
    @Test func sharedSegmentPathTakesCoveragesAndRefusesOverlaps() throws {
        let cells = Self.cells(seed: 21, side: 8, keep: 0.6)
        let united = try #require(try engine.dissolveBySharedSegments(Self.shapes(cells), operation: "test"))
        #expect(try engine.isValid(united))
        #expect(abs(try engine.area(united) - Double(cells.count)) < 1e-9)
        #expect(united.polygons.count == Self.componentCount(cells))
        let overlapping = [Fixtures.square(x: 0, y: 0, side: 2), Fixtures.square(x: 1, y: 1, side: 2)]
        #expect(try engine.dissolveBySharedSegments(overlapping, operation: "test") == nil)
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
