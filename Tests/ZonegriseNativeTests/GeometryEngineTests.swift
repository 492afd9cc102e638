import Testing
import ZonegriseCore
import ZonegriseNative
import ZonegriseTestSupport

@Suite struct GeometryEngineTests {
    let engine = GeometryEngine()

    @Test func validSquareSummary() throws {
        let square = Fixtures.square(x: 10, y: 20, side: 3)
        let summary = try engine.summarize(square)
        #expect(summary.repaired == nil)
        #expect(summary.invalidityReason == nil)
        #expect(summary.area == 9)
        #expect(try engine.contains(square, summary.pointOnSurface))
        #expect(try engine.isValid(square))
        #expect(try engine.area(square) == 9)
    }

    @Test func bowTieIsRepairedWithReason() throws {
        let summary = try engine.summarize(Fixtures.bowTie)
        let repaired = try #require(summary.repaired)
        let reason = try #require(summary.invalidityReason)
        #expect(reason.hasPrefix("Self-intersection"), "reason: \(reason)")
        #expect(abs(summary.area - 2) < 1e-12)
        #expect(repaired.polygons.count == 2)
        #expect(try engine.isValid(repaired))
        #expect(try engine.contains(repaired, summary.pointOnSurface))
        #expect(try engine.isValid(Fixtures.bowTie) == false)
        #expect(try engine.makeValid(Fixtures.bowTie) == repaired)
    }

    @Test func multiPolygonWithHole() throws {
        let outer = Fixtures.rectangleRing(minX: 0, minY: 0, maxX: 10, maxY: 10)
        // The hole runs clockwise, as OGC expects; GEOS accepts either orientation.
        let hole = Array(Fixtures.rectangleRing(minX: 2, minY: 2, maxX: 4, maxY: 4).reversed())
        let shape = MultiPolygon(polygons: [
            Polygon(rings: [outer, hole]),
            Polygon(rings: [Fixtures.rectangleRing(minX: 20, minY: 0, maxX: 22, maxY: 2)]),
        ])
        let summary = try engine.summarize(shape)
        #expect(summary.repaired == nil)
        #expect(summary.area == 100)
        #expect(try engine.contains(shape, summary.pointOnSurface))
        #expect(try engine.contains(shape, PlanarPoint(x: 3, y: 3)) == false)  // in the hole
        #expect(try engine.contains(shape, PlanarPoint(x: 21, y: 1)))
        #expect(try engine.makeValid(shape) == shape)
    }

    @Test func unionOfAdjacentSquaresIsOnePolygon() throws {
        let left = Fixtures.square(x: 0, y: 0, side: 1)
        let right = Fixtures.square(x: 1, y: 0, side: 1)
        let union = try engine.union([left, right])
        #expect(union.polygons.count == 1)
        #expect(union.polygons[0].rings.count == 1)
        #expect(try engine.area(union) == 2)
        #expect(try engine.union([]).isEmpty)
    }

    @Test func unclosedRingIsClosed() throws {
        let triangle = MultiPolygon(polygons: [
            Polygon(rings: [[PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0), PlanarPoint(x: 1, y: 1)]])
        ])
        let summary = try engine.summarize(triangle)
        #expect(summary.repaired == nil)
        #expect(summary.area == 0.5)
        let closed = try engine.makeValid(triangle)
        #expect(closed.polygons[0].rings[0].count == 4)
        #expect(closed.polygons[0].rings[0].first == closed.polygons[0].rings[0].last)
    }

    @Test func degenerateRingThrows() {
        let sliver = MultiPolygon(polygons: [
            Polygon(rings: [[PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0), PlanarPoint(x: 0, y: 0)]])
        ])
        #expect(throws: NativeError.geos(
            operation: "summarize a shape",
            message: "polygon 0 ring 0 has 2 distinct point(s); a ring needs at least 3")
        ) {
            try engine.summarize(sliver)
        }
    }

    @Test func nonFiniteCoordinateThrows() {
        var shape = Fixtures.square(x: 0, y: 0, side: 1)
        shape.polygons[0].rings[0][2].y = .nan
        #expect(throws: NativeError.self) { try engine.area(shape) }
        #expect(throws: NativeError.self) { try engine.contains(Fixtures.square(x: 0, y: 0, side: 1), PlanarPoint(x: .infinity, y: 0)) }
    }

    @Test func emptyAndCollapsedShapesThrowInSummarize() throws {
        #expect(throws: NativeError.self) { try engine.summarize(MultiPolygon(polygons: [])) }
        // Collinear: repair leaves only a line.
        let flat = MultiPolygon(polygons: [
            Polygon(rings: [[
                PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0), PlanarPoint(x: 2, y: 0), PlanarPoint(x: 0, y: 0),
            ]])
        ])
        #expect(throws: NativeError.self) { try engine.summarize(flat) }
        #expect(try engine.makeValid(flat).isEmpty)
        #expect(throws: NativeError.self) { try engine.pointOnSurface(MultiPolygon(polygons: [])) }
    }

    @Test func pointOnSurfaceOfConcaveShapeIsInside() throws {
        // A U shape: its centroid (in the notch) is outside, the point on surface is not.
        let shape = MultiPolygon(polygons: [
            Polygon(rings: [[
                PlanarPoint(x: 0, y: 0), PlanarPoint(x: 3, y: 0), PlanarPoint(x: 3, y: 3), PlanarPoint(x: 2, y: 3),
                PlanarPoint(x: 2, y: 1), PlanarPoint(x: 1, y: 1), PlanarPoint(x: 1, y: 3), PlanarPoint(x: 0, y: 3),
                PlanarPoint(x: 0, y: 0),
            ]])
        ])
        #expect(try engine.contains(shape, engine.pointOnSurface(shape)))
    }

    // MARK: - touchingPairs

    /// Oracle for axis-aligned rectangles: closed rectangles intersect exactly when their
    /// intervals overlap (or touch) on both axes.
    private func bruteForcePairs(_ boxes: [BoundingBox]) -> [IndexPair] {
        var pairs: [IndexPair] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i], b = boxes[j]
                if a.minX <= b.maxX, b.minX <= a.maxX, a.minY <= b.maxY, b.minY <= a.maxY {
                    pairs.append(IndexPair(i, j))
                }
            }
        }
        return pairs
    }

    @Test func touchingPairsOnGridMatchBruteForce() throws {
        var squares: [MultiPolygon] = []
        for row in 0..<3 {
            for column in 0..<3 {
                squares.append(Fixtures.square(x: Double(column), y: Double(row), side: 1))
            }
        }
        let pairs = try engine.touchingPairs(squares)
        #expect(pairs == bruteForcePairs(squares.map { $0.bounds! }))
        #expect(pairs.count == 20)  // 12 shared edges + 8 shared corners
        #expect(pairs.contains(IndexPair(0, 4)))  // corner only
        #expect(!pairs.contains(IndexPair(0, 2)))
    }

    @Test func touchingPairsIgnoresEmptyShapes() throws {
        let shapes = [
            Fixtures.square(x: 0, y: 0, side: 1), MultiPolygon(polygons: []), Fixtures.square(x: 1, y: 0, side: 1),
        ]
        #expect(try engine.touchingPairs(shapes) == [IndexPair(0, 2)])
        #expect(try engine.touchingPairs([]).isEmpty)
    }

    @Test(arguments: [UInt64(7), 1234, 99_991])
    func touchingPairsOnRandomRectanglesMatchBruteForce(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let boxes = (0..<60).map { _ in
            let x = Double(Int.random(in: 0..<20, using: &generator))
            let y = Double(Int.random(in: 0..<20, using: &generator))
            return BoundingBox(
                minX: x, minY: y,
                maxX: x + Double(Int.random(in: 1...3, using: &generator)),
                maxY: y + Double(Int.random(in: 1...3, using: &generator)))
        }
        let shapes = boxes.map { Fixtures.rectangle(minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY) }
        #expect(try engine.touchingPairs(shapes) == bruteForcePairs(boxes), "seed \(seed)")
    }
}
